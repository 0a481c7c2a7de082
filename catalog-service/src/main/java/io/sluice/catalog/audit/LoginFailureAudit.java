package io.sluice.catalog.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/** Failed logins are security events: each one goes into the audit log under the name it tried. */
@Component
class LoginFailureAudit {

    private final AuditLog log;

    LoginFailureAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        log.record(
                event.getAuthentication().getName(),
                "login",
                "user",
                event.getAuthentication().getName(),
                Outcome.REFUSED,
                event.getException().getMessage());
    }
}
