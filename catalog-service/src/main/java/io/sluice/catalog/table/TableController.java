package io.sluice.catalog.table;

import io.sluice.catalog.audit.Audited;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.EnvironmentCatalogView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "tables", description = "Topics and database tables, designed then published environment by environment")
class TableController {

    private final TableService tables;
    private final RenderedCatalogs catalogs;

    TableController(TableService tables, RenderedCatalogs catalogs) {
        this.tables = tables;
        this.catalogs = catalogs;
    }

    @PostMapping("/tables")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Design a new topic or table (version 1, in design)")
    @Audited(action = "table.create", objectType = "table")
    TableView create(@AuthenticationPrincipal UserAccount actor, @RequestBody NewTable table) {
        return tables.create(actor, table);
    }

    @GetMapping("/tables")
    @Operation(summary = "Tables as one environment sees them; designs not published anywhere only for their project's members and admins",
            description = "q finds tables whose name, display name or description contains it (ignoring case); "
                    + "dataSource keeps those the environment sees on that data source.")
    PageResult<TableView> list(
            @AuthenticationPrincipal UserAccount caller,
            @RequestParam(defaultValue = "design") String environment,
            @RequestParam(required = false) String project,
            @RequestParam(required = false) String dataSource,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return tables.list(caller, Environment.parse("environment", environment), TableSearch.of(project, dataSource, q),
                PageQuery.of(page, size));
    }

    @GetMapping("/tables/{name}")
    @Operation(summary = "A table as one environment sees it (design: the newest version)")
    TableView get(@AuthenticationPrincipal UserAccount caller, @PathVariable String name, @RequestParam(defaultValue = "design") String environment) {
        return tables.view(caller, name, Environment.parse("environment", environment));
    }

    @GetMapping("/tables/{name}/versions")
    List<Integer> versions(@AuthenticationPrincipal UserAccount caller, @PathVariable String name) {
        return tables.versions(caller, name);
    }

    @PutMapping("/tables/{name}/schema")
    @Operation(summary = "Replace columns and primary key in design, as a new version")
    @Audited(action = "table.schema.update", objectType = "table")
    TableView updateSchema(@AuthenticationPrincipal UserAccount actor, @PathVariable String name, @RequestBody TableSchema schema) {
        return tables.updateSchema(actor, name, schema);
    }

    @PatchMapping("/tables/{name}")
    @Audited(action = "table.update", objectType = "table")
    TableView updateDetails(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String name, @RequestBody TableService.TableDetails details) {
        return tables.updateDetails(actor, name, details);
    }

    @GetMapping(value = "/environments/{environment}/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Every table published to an environment, by database: what the SQL gateway mounts",
            responses = @ApiResponse(
                    responseCode = "200",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = EnvironmentCatalogView.class))))
    ResponseEntity<byte[]> catalog(@AuthenticationPrincipal UserAccount actor, @PathVariable String environment) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(catalogs.json(actor, Environment.parse("environment", environment)));
    }
}
