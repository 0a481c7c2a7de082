package io.sluice.catalog.quota;

import io.sluice.catalog.audit.Audited;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.QuotaView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects/{project}/quota")
@Tag(name = "quota", description = "What a project may hold at once; the SQL gateway enforces it")
class QuotaController {

    private final QuotaService quotas;

    QuotaController(QuotaService quotas) {
        this.quotas = quotas;
    }

    @GetMapping
    @Operation(summary = "The project's quota: parallelism of a statement, task slots of its jobs, sessions per user")
    QuotaView quota(@AuthenticationPrincipal UserAccount actor, @PathVariable String project) {
        return quotas.quota(actor, project);
    }

    @PutMapping
    @Operation(summary = "Replace the project's quota (system admin); a field left out or null takes the platform default")
    @Audited(action = "project.quota.put", objectType = "project")
    QuotaView setQuota(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String project, @RequestBody Map<String, Object> body) {
        return quotas.setQuota(actor, project, body);
    }
}
