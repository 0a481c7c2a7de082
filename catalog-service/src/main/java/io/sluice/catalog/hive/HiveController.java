package io.sluice.catalog.hive;

import io.sluice.catalog.audit.Audited;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.identity.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "hive", description = "Browse a hive source's metastore, import its tables into the catalog, re-sync them")
class HiveController {

    private final HiveBrowser browser;
    private final HiveImportService importer;
    private final HiveSyncService sync;

    HiveController(HiveBrowser browser, HiveImportService importer, HiveSyncService sync) {
        this.browser = browser;
        this.importer = importer;
        this.sync = sync;
    }

    @GetMapping("/datasources/{source}/metastore/{environment}/databases")
    @Operation(summary = "The metastore's databases, a page at a time (data admins and designers of a project)")
    PageResult<String> databases(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String source, @PathVariable String environment,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return browser.databases(actor, source, Environment.parse("environment", environment), PageQuery.of(page, size));
    }

    @GetMapping("/datasources/{source}/metastore/{environment}/databases/{database}/tables")
    @Operation(summary = "A database's tables, a page at a time, with columns in Flink SQL, partition keys, storage, "
            + "whether each can be imported and what it was imported as")
    PageResult<HiveTableView> tables(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String source, @PathVariable String environment,
            @PathVariable String database, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return browser.tables(actor, source, Environment.parse("environment", environment), database, PageQuery.of(page, size));
    }

    @PostMapping("/datasources/{source}/metastore/{environment}/imports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import Hive tables as designs of a project, all or nothing (up to " + HiveImportService.MAX_TABLES + " a request)")
    @Audited(action = "hive.import", objectType = "datasource")
    HiveImportRequest.Result importTables(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String source, @PathVariable String environment,
            @RequestBody HiveImportRequest request) {
        return importer.importTables(actor, source, Environment.parse("environment", environment), request);
    }

    @GetMapping("/tables/{name}/hive-sync")
    @Operation(summary = "How an imported table differs from its Hive table now: columns, partition keys, storage, or dropped")
    HiveSync preview(@AuthenticationPrincipal UserAccount actor, @PathVariable String name) {
        return sync.preview(actor, name);
    }

    @PostMapping("/tables/{name}/hive-sync")
    @Operation(summary = "Write the difference as a new design version (grants and publications stay; a dropped Hive table is only reported)")
    @Audited(action = "table.hive-sync", objectType = "table")
    HiveSync apply(@AuthenticationPrincipal UserAccount actor, @PathVariable String name) {
        return sync.apply(actor, name);
    }
}
