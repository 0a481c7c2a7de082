package io.sluice.catalog.datasource;

import io.sluice.catalog.audit.Audited;
import io.sluice.catalog.audit.OnBehalfOf;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.ConnectionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "data sources", description = "Systems that hold topics and tables, with one connection config per environment")
class DataSourceController {

    private final DataSourceService sources;

    DataSourceController(DataSourceService sources) {
        this.sources = sources;
    }

    record Description(String description) {}

    record UnsavedConnection(DataSourceKind kind, String environment, ConnectionConfig connection) {}

    @PostMapping("/datasources")
    @ResponseStatus(HttpStatus.CREATED)
    @Audited(action = "datasource.create", objectType = "datasource")
    DataSourceView create(@AuthenticationPrincipal UserAccount actor, @RequestBody DataSourceService.NewDataSource source) {
        return sources.create(actor, source);
    }

    @GetMapping("/datasources")
    @Operation(summary = "Data sources; connections and who registered them only for data admins and system admins")
    PageResult<DataSourceView> list(
            @AuthenticationPrincipal UserAccount actor,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return sources.list(actor, PageQuery.of(page, size));
    }

    @GetMapping("/datasources/{name}")
    DataSourceView get(@AuthenticationPrincipal UserAccount actor, @PathVariable String name) {
        return sources.view(actor, name);
    }

    @PatchMapping("/datasources/{name}")
    @Audited(action = "datasource.describe", objectType = "datasource")
    DataSourceView describe(@AuthenticationPrincipal UserAccount actor, @PathVariable String name, @RequestBody Description body) {
        return sources.updateDescription(actor, name, body.description());
    }

    @PutMapping("/datasources/{name}/connections/{environment}")
    @Operation(summary = "Replace one environment's connection; secrets not mentioned are kept, an empty one is removed")
    @Audited(action = "datasource.connection.update", objectType = "datasource")
    DataSourceView updateConnection(
            @AuthenticationPrincipal UserAccount actor,
            @PathVariable String name,
            @PathVariable String environment,
            @RequestBody ConnectionConfig connection) {
        return sources.updateConnection(actor, name, Environment.parse("environment", environment), connection);
    }

    @PostMapping("/datasources/{name}/connections/{environment}/test")
    @Operation(summary = "Really connect to the data source in one environment and report why it failed (data admins and system admins; audited)")
    ConnectivityResult test(@AuthenticationPrincipal UserAccount actor, @PathVariable String name, @PathVariable String environment) {
        return sources.test(actor, name, Environment.parse("environment", environment));
    }

    @PostMapping("/datasources/connectivity-test")
    @Operation(summary = "Really connect with a config that is not saved yet (data admins and system admins; audited)")
    ConnectivityResult testUnsaved(@AuthenticationPrincipal UserAccount actor, @RequestBody UnsavedConnection body) {
        Environment environment = body.environment() == null ? Environment.TEST : Environment.parse("environment", body.environment());
        ConnectionConfig connection = body.connection() == null ? new ConnectionConfig(null, null) : body.connection();
        return sources.test(actor, body.kind(), environment, connection);
    }

    @GetMapping("/environments/{environment}/datasources/{name}/connection")
    @Audited(action = "datasource.connection.read", objectType = "datasource")
    @Operation(summary = "The connection with decrypted secrets, for the SQL gateway's service account only; "
            + "the gateway names the end user in " + OnBehalfOf.HEADER + " and the audit entry records them")
    ConnectionView connection(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String environment, @PathVariable String name,
            @RequestHeader(name = OnBehalfOf.HEADER, required = false) String onBehalfOf) {
        return sources.connectionForGateway(actor, name, Environment.parse("environment", environment), onBehalfOf);
    }
}
