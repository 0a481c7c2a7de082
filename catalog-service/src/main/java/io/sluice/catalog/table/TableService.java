package io.sluice.catalog.table;

import io.sluice.catalog.changes.ChangeFeed;
import io.sluice.contract.ChangeKind;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.ProjectRole;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.ColumnView;
import io.sluice.contract.DatabaseView;
import io.sluice.contract.EnvironmentCatalogView;
import io.sluice.contract.WatermarkView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Designing tables, reading them as each environment sees them, and recording what was published where. */
@Service
@Transactional
public class TableService {

    private final TableRepository tables;
    private final IdentityService identity;
    private final ChangeFeed changes;
    private final ImportedSchemas imported;

    TableService(TableRepository tables, IdentityService identity, ChangeFeed changes, ImportedSchemas imported) {
        this.tables = tables;
        this.identity = identity;
        this.changes = changes;
        this.imported = imported;
    }

    /** What a designer may change about a table without making a new schema version. */
    public record TableDetails(String displayName, String description, Integer partitions, Long retentionHours) {}

    public TableView create(UserAccount actor, NewTable table) {
        NewTable checked = TableRules.check(table);
        Project owner = identity.project(checked.ownerProject());
        requireDesigner(actor, owner);
        if (tables.exists(checked.name())) {
            throw CatalogException.conflict("name", "a table named '" + checked.name() + "' already exists (names are unique, ignoring case)");
        }
        tables.insert(checked, owner.id(), actor.getUsername());
        return view(get(checked.name()), Environment.DESIGN);
    }

    /**
     * Designs a table imported from another system (a Hive Metastore), for a caller who checked the designer's right:
     * the same rules and version 1 as {@link #create}, with its partition columns. Returns its id.
     */
    public long createImported(UserAccount actor, Project owner, NewTable table, List<String> partitionKeys) {
        NewTable checked = TableRules.check(table);
        if (tables.exists(checked.name())) {
            throw CatalogException.conflict("name", "a table named '" + checked.name() + "' already exists (names are unique, ignoring case)");
        }
        return tables.insert(checked, owner.id(), actor.getUsername(), partitionKeys);
    }

    /** A new design version of an imported table, as its source now has it; grants and publications are the table's and stay. */
    public void addImportedVersion(UserAccount actor, Table table, TableSchema schema, List<String> partitionKeys) {
        tables.insertVersion(table.id(), table.designVersion() + 1, TableRules.check(schema, null), partitionKeys, actor.getUsername());
    }

    @Transactional(readOnly = true)
    public List<String> partitionKeys(Table table, int version) {
        return tables.partitionKeys(table.id(), version);
    }

    /** The data source an imported table came from and must be published to; empty for a designed table. */
    @Transactional(readOnly = true)
    public Optional<Long> importedFrom(Table table) {
        return imported.sourceOf(table.id());
    }

    /** Replaces the columns and primary key in design as a new version; published environments keep theirs. */
    public TableView updateSchema(UserAccount actor, String name, TableSchema schema) {
        Table table = visible(actor, name);
        requireDesigner(actor, identity.project(table.ownerProjectId()));
        if (importedFrom(table).isPresent()) {
            throw CatalogException.conflict("columns", "'" + table.name() + "' was imported from a Hive Metastore and its "
                    + "schema follows the metastore: change the table in Hive, then re-sync it (GET and POST /api/v1/tables/"
                    + table.name() + "/hive-sync)");
        }
        TableSchema checked = TableRules.check(schema, table.topicKind());
        if (checked.equals(tables.version(table.id(), table.designVersion()))) {
            throw CatalogException.conflict("columns", "the schema is the same as version " + table.designVersion() + "; nothing to change");
        }
        tables.insertVersion(table.id(), table.designVersion() + 1, checked, actor.getUsername());
        return view(get(name), Environment.DESIGN);
    }

    public TableView updateDetails(UserAccount actor, String name, TableDetails details) {
        Table table = visible(actor, name);
        requireDesigner(actor, identity.project(table.ownerProjectId()));
        NewTable merged = TableRules.check(new NewTable(
                table.name(),
                details.displayName() != null ? details.displayName() : table.displayName(),
                table.ownerProject(),
                table.type(),
                table.format(),
                details.partitions() != null ? details.partitions() : table.partitions(),
                details.retentionHours() != null ? details.retentionHours() : table.retentionHours(),
                table.topicKind(),
                details.description() != null ? details.description() : table.description(),
                tables.version(table.id(), table.designVersion()).columns(),
                tables.version(table.id(), table.designVersion()).primaryKey(),
                tables.version(table.id(), table.designVersion()).watermark()));
        tables.updateDetails(table.id(), merged.displayName(), merged.description(), merged.partitions(), merged.retentionHours());
        // every environment's catalog shows these details: gateways must drop their cached catalogs
        for (Publication publication : tables.publications(table.id())) {
            changes.record(ChangeKind.PUBLISHED, publication.environment(), table.name());
        }
        return view(get(name), Environment.DESIGN);
    }

    @Transactional(readOnly = true)
    public Table get(String name) {
        return find(name).orElseThrow(() -> CatalogException.notFound("table", name));
    }

    @Transactional(readOnly = true)
    public Optional<Table> find(String name) {
        return tables.find(name);
    }

    /**
     * The named table if the caller may see it ({@link TableVisibility}); to anyone else a design not published
     * anywhere answers exactly as a table that does not exist.
     */
    @Transactional(readOnly = true)
    public Table visible(UserAccount caller, String name) {
        return findVisible(caller, name).orElseThrow(() -> CatalogException.notFound("table", name));
    }

    @Transactional(readOnly = true)
    public Optional<Table> findVisible(UserAccount caller, String name) {
        return find(name).filter(table -> maySee(caller, table));
    }

    @Transactional(readOnly = true)
    public boolean maySee(UserAccount caller, Table table) {
        return TableVisibility.maySee(
                caller,
                () -> !tables.publications(table.id()).isEmpty(),
                () -> identity.roleIn(caller, identity.project(table.ownerProjectId())).isPresent());
    }

    @Transactional(readOnly = true)
    public Table get(long id) {
        return tables.findById(id).orElseThrow(() -> CatalogException.notFound("table", id));
    }

    @Transactional(readOnly = true)
    public TableSchema schema(Table table, int version) {
        return tables.version(table.id(), version);
    }

    @Transactional(readOnly = true)
    public Optional<Publication> publication(Table table, Environment environment) {
        return tables.publications(table.id()).stream().filter(p -> p.environment() == environment).findFirst();
    }

    /** Makes {@code version} what {@code environment} sees; called once a publish request is approved. */
    public void recordPublication(Table table, Environment environment, int version, long dataSourceId, long requestId) {
        tables.publish(table.id(), environment, version, dataSourceId, requestId);
        changes.record(ChangeKind.PUBLISHED, environment, table.name());
    }

    @Transactional(readOnly = true)
    public TableView view(UserAccount caller, String name, Environment environment) {
        return view(visible(caller, name), environment);
    }

    @Transactional(readOnly = true)
    public PageResult<TableView> list(UserAccount caller, Environment environment, TableSearch search, PageQuery page) {
        return tables.list(caller, environment, search, page).map(t -> view(t, environment));
    }

    @Transactional(readOnly = true)
    public List<Integer> versions(UserAccount caller, String name) {
        Table table = visible(caller, name);
        return java.util.stream.IntStream.rangeClosed(1, table.designVersion()).boxed().toList();
    }

    /** Refuses design (it has no catalog) and users who may not mount the environment ({@link IdentityService#mountableEnvironments}). */
    @Transactional(readOnly = true)
    public void requireCatalogReader(UserAccount actor, Environment environment) {
        if (environment == Environment.DESIGN) {
            throw CatalogException.invalid("environment", "design has no catalog: tables are used in test or prod once published");
        }
        identity.requireMountable(actor, environment);
    }

    /** A table of an environment's catalog, with the data source (the catalog's database) holding it. */
    record CatalogEntry(String database, String databaseKind, io.sluice.contract.TableView table) {}

    /**
     * The tables published to an environment as its catalog shows them, ordered by name — every one, or only those
     * named (a changed table no longer published is simply absent) — for a caller that checked
     * {@link #requireCatalogReader} (they are served through {@link RenderedCatalogs}).
     */
    @Transactional(readOnly = true)
    List<CatalogEntry> catalogEntries(Environment environment, Collection<String> onlyNamed) {
        List<CatalogEntry> entries = new ArrayList<>();
        for (TableRepository.PublishedTable published : tables.publishedTo(environment, onlyNamed)) {
            Table table = published.table();
            TableSchema schema = published.schema();
            entries.add(new CatalogEntry(published.dataSource(), published.dataSourceKind().spelling(),
                    new io.sluice.contract.TableView(
                            table.name(),
                            table.displayName(),
                            table.ownerProject(),
                            table.type().spelling(),
                            table.topicKind() == null ? null : table.topicKind().spelling(),
                            table.format() == null ? null : table.format().spelling(),
                            table.partitions(),
                            table.retentionHours(),
                            table.description(),
                            published.version(),
                            schema.columns().stream().map(c -> new ColumnView(c.name(), c.type(), c.comment())).toList(),
                            schema.primaryKey(),
                            schema.watermark() == null
                                    ? null
                                    : new WatermarkView(schema.watermark().column(), schema.watermark().delayMs()),
                            published.partitionKeys())));
        }
        return entries;
    }

    /**
     * Entries in name order grouped into the catalog's databases, in name order too: the catalog view a whole
     * rendering of them must equal ({@link CatalogRendering} keeps it in pieces).
     */
    static EnvironmentCatalogView catalogOf(String environment, List<CatalogEntry> entries) {
        Map<String, List<io.sluice.contract.TableView>> byDatabase = new TreeMap<>();
        Map<String, String> kinds = new TreeMap<>();
        for (CatalogEntry entry : entries) {
            kinds.put(entry.database(), entry.databaseKind());
            byDatabase.computeIfAbsent(entry.database(), k -> new ArrayList<>()).add(entry.table());
        }
        List<DatabaseView> databases = byDatabase.entrySet().stream()
                .map(e -> new DatabaseView(e.getKey(), kinds.get(e.getKey()), e.getValue()))
                .toList();
        return new EnvironmentCatalogView(environment, databases);
    }

    /** Project admins and developers of the owner project design its tables; data admins may act for any project. */
    public void requireDesigner(UserAccount actor, Project owner) {
        if (actor.has(PlatformRole.DATA_ADMIN)) {
            return;
        }
        ProjectRole role = identity.roleIn(actor, owner).orElse(null);
        if (role == null || !role.designsTables()) {
            throw CatalogException.forbidden(
                    actor.getUsername() + " may not design tables of project '" + owner.name()
                            + "': that takes the project_admin or developer role in it");
        }
    }

    private TableView view(Table table, Environment environment) {
        List<Publication> publications = tables.publications(table.id());
        Optional<Publication> here = publications.stream().filter(p -> p.environment() == environment).findFirst();
        if (environment != Environment.DESIGN && here.isEmpty()) {
            throw CatalogException.notFound("table in " + environment.spelling(), table.name() + "' (it is not published there");
        }
        int version = here.map(Publication::version).orElse(table.designVersion());
        return view(table, environment, version, here.map(Publication::dataSource).orElse(null), publications);
    }

    private TableView view(Table table, Environment environment, int version, String dataSource, List<Publication> publications) {
        TableSchema schema = tables.version(table.id(), version);
        return new TableView(
                table.name(), table.displayName(), table.ownerProject(), table.type(), table.format(), table.partitions(),
                table.retentionHours(), table.topicKind(), table.description(), environment, version, table.designVersion(),
                dataSource, schema.columns(), schema.primaryKey(), schema.watermark(), tables.partitionKeys(table.id(), version),
                imported.properties(table.id(), version), publications, table.createdBy(), table.createdAt(), table.updatedAt());
    }
}
