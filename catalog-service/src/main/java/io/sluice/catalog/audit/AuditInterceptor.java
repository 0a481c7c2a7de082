package io.sluice.catalog.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.common.ProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

/** Logs every call of an {@link Audited} endpoint after it completes, with its outcome. */
@Component
class AuditInterceptor implements HandlerInterceptor {

    private final AuditLog log;
    private final ObjectMapper json;

    AuditInterceptor(AuditLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(Audited.class)) {
            return;
        }
        Audited audited = method.getMethodAnnotation(Audited.class);
        Outcome outcome = Outcome.ofStatus(ex != null && response.getStatus() < 400 ? 500 : response.getStatus());
        Object problem = request.getAttribute(ProblemHandler.PROBLEM_DETAIL_ATTRIBUTE);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        log.record(
                auth == null ? "anonymous" : auth.getName(),
                auth == null ? null : OnBehalfOf.recorded(auth.getPrincipal(), request.getHeader(OnBehalfOf.HEADER)),
                audited.action(),
                audited.objectType(),
                objectName(request),
                outcome,
                problem != null ? problem.toString() : ex != null ? ex.getMessage() : null);
    }

    private String objectName(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (path != null && !path.isEmpty()) {
            return String.join("/", path.values());
        }
        ContentCachingRequestWrapper body = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
        if (body == null || body.getContentAsByteArray().length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body.getContentAsByteArray());
            for (String field : new String[] {"name", "username", "table"}) {
                if (node.path(field).isTextual()) {
                    return node.path(field).asText();
                }
            }
        } catch (java.io.IOException unreadable) {
            // The request failed on its body already; the entry keeps the problem's detail instead of a name.
        }
        return null;
    }
}
