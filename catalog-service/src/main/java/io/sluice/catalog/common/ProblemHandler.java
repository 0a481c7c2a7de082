package io.sluice.catalog.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into RFC 7807 problem+json that names the bad field, and remembers the detail
 * for the audit trail of the request.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    /** Request attribute holding the detail of the problem a request ended with. */
    public static final String PROBLEM_DETAIL_ATTRIBUTE = ProblemHandler.class.getName() + ".detail";

    @ExceptionHandler(CatalogException.class)
    ProblemDetail catalog(CatalogException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        request.setAttribute(PROBLEM_DETAIL_ATTRIBUTE, e.getMessage());
        return problem;
    }

    /**
     * Two requests that create the same thing at once (a table, a data source, the same Hive table imported twice)
     * both pass the service's checks; the database's unique constraint stops the second, whose transaction then
     * kept nothing. That is a conflict to retry after reading what is there, not a server failure; the database's
     * own words (constraint and table names) stay in the log.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail createdConcurrently(DuplicateKeyException e, HttpServletRequest request) {
        return catalog(
                CatalogException.conflict(null, "another request created the same name at the same moment, and this "
                        + "one was not kept; read what exists now and try again if it is still needed"),
                request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return catalog(
                CatalogException.invalid(
                        e.getName(), "'" + e.getValue() + "' is not a valid value for " + e.getName()),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String detail = errors.stream()
                .map(f -> f.get("field") + ": " + f.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        request.setAttribute(PROBLEM_DETAIL_ATTRIBUTE, detail, WebRequest.SCOPE_REQUEST);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = unreadableReason(e);
        request.setAttribute(PROBLEM_DETAIL_ATTRIBUTE, detail, WebRequest.SCOPE_REQUEST);
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getDetail() != null) {
            request.setAttribute(PROBLEM_DETAIL_ATTRIBUTE, problem.getDetail(), WebRequest.SCOPE_REQUEST);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Jackson's messages name the Java type; users need the JSON field and the accepted values. */
    private static String unreadableReason(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid) {
            String field = invalid.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b)
                    .orElse("body");
            Object[] accepted = invalid.getTargetType().getEnumConstants();
            return "'" + invalid.getValue() + "' is not a valid value for " + field
                    + (accepted == null ? "" : "; use one of " + java.util.Arrays.toString(accepted).toLowerCase());
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            return "the request body is not valid JSON: " + json.getOriginalMessage();
        }
        return "the request body is missing or not readable as JSON";
    }
}
