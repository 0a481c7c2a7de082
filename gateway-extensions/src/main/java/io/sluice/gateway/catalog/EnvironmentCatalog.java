package io.sluice.gateway.catalog;

import io.sluice.contract.DatabaseView;
import io.sluice.contract.EnvironmentCatalogView;
import io.sluice.contract.TableView;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.gateway.functions.FunctionUses;

import org.apache.flink.table.catalog.AbstractCatalog;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogDatabase;
import org.apache.flink.table.catalog.CatalogDatabaseImpl;
import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.catalog.CatalogPartition;
import org.apache.flink.table.catalog.CatalogPartitionSpec;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.FunctionNotExistException;
import org.apache.flink.table.catalog.exceptions.PartitionNotExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.catalog.exceptions.TableNotPartitionedException;
import org.apache.flink.table.catalog.stats.CatalogColumnStatistics;
import org.apache.flink.table.catalog.stats.CatalogTableStatistics;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.table.factories.Factory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One environment ({@code test}, {@code prod}) of catalog-service as a read-only Flink catalog: one database per
 * data source, one table per published topic or table. The definitions are the same for every user (the guard
 * decides, per table, what the session's user may read or write); reads go through the client's per-environment
 * cache, which the change feed drops when a table is published, so a change shows within one poll (at the latest
 * within the catalog cache TTL).
 */
public final class EnvironmentCatalog extends AbstractCatalog {

    private static final String NO_DATABASE = "default";

    private final String environment;
    private final CatalogServiceClient catalogService;
    private final ConnectedTableFactory tableFactory;
    private final String user;
    private final Map<String, CatalogFunction> functions;

    /**
     * @param guard decides what the session's user may read and write
     * @param user the session's user, named to catalog-service when a statement of theirs reads a connection
     * @param functions the session's project's functions in this environment by (lower-case) name: they act at
     *     project level, so every database of the environment has them
     */
    public EnvironmentCatalog(
            String environment,
            CatalogServiceClient catalogService,
            SecretRedactor redactor,
            TableGuard guard,
            String user,
            Map<String, CatalogFunction> functions) {
        super(environment, NO_DATABASE);
        this.environment = environment;
        this.catalogService = catalogService;
        this.user = user;
        this.tableFactory = new ConnectedTableFactory(this, catalogService, redactor, guard);
        this.functions = Map.copyOf(functions);
    }

    String environment() {
        return environment;
    }

    /** The user of the session this catalog belongs to. */
    String user() {
        return user;
    }

    private EnvironmentCatalogView view() {
        try {
            return catalogService.environmentCatalog(environment);
        } catch (CatalogServiceException e) {
            throw new CatalogException(
                    "Environment '" + environment + "' cannot be read from catalog-service: " + e.getMessage());
        }
    }

    private Optional<DatabaseView> database(String name) {
        return view().databases().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private Optional<TableView> table(ObjectPath path) {
        return database(path.getDatabaseName())
                .flatMap(d -> d.tables().stream().filter(t -> t.name().equals(path.getObjectName())).findFirst());
    }

    /** The options a table is published with, to tell them from those a query adds with a hint. */
    Map<String, String> publishedOptions(String databaseName, String tableName) {
        DatabaseView database =
                database(databaseName)
                        .orElseThrow(() -> new CatalogException("Database " + databaseName + " is gone."));
        TableView table =
                database.tables().stream()
                        .filter(t -> t.name().equals(tableName))
                        .findFirst()
                        .orElseThrow(() -> new CatalogException("Table " + tableName + " is gone."));
        return TableDefinitions.toFlinkTable(database, table).getOptions();
    }

    @Override
    public Optional<Factory> getFactory() {
        return Optional.of(tableFactory);
    }

    @Override
    public void open() {}

    @Override
    public void close() {}

    @Override
    public String getDefaultDatabase() {
        List<DatabaseView> databases = view().databases();
        return databases.isEmpty() ? NO_DATABASE : databases.get(0).name();
    }

    @Override
    public List<String> listDatabases() {
        return view().databases().stream().map(DatabaseView::name).toList();
    }

    @Override
    public CatalogDatabase getDatabase(String databaseName) throws DatabaseNotExistException {
        DatabaseView database =
                database(databaseName).orElseThrow(() -> new DatabaseNotExistException(getName(), databaseName));
        return new CatalogDatabaseImpl(
                Map.of(), "Data source " + database.name() + " (" + database.dataSourceKind() + ")");
    }

    @Override
    public boolean databaseExists(String databaseName) {
        return database(databaseName).isPresent();
    }

    @Override
    public List<String> listTables(String databaseName) throws DatabaseNotExistException {
        DatabaseView database =
                database(databaseName).orElseThrow(() -> new DatabaseNotExistException(getName(), databaseName));
        return database.tables().stream().map(TableView::name).toList();
    }

    @Override
    public List<String> listViews(String databaseName) throws DatabaseNotExistException {
        if (!databaseExists(databaseName)) {
            throw new DatabaseNotExistException(getName(), databaseName);
        }
        return List.of();
    }

    @Override
    public CatalogBaseTable getTable(ObjectPath tablePath) throws TableNotExistException {
        DatabaseView database =
                database(tablePath.getDatabaseName())
                        .orElseThrow(() -> new TableNotExistException(getName(), tablePath));
        TableView table = table(tablePath).orElseThrow(() -> new TableNotExistException(getName(), tablePath));
        return TableDefinitions.toFlinkTable(database, table);
    }

    @Override
    public boolean tableExists(ObjectPath tablePath) {
        return table(tablePath).isPresent();
    }

    @Override
    public List<String> listFunctions(String dbName) throws DatabaseNotExistException {
        if (!hasFunctionsIn(dbName)) {
            throw new DatabaseNotExistException(getName(), dbName);
        }
        return functions.keySet().stream().sorted().toList();
    }

    /**
     * Functions act at project level: every database of the environment has them, and so does the catalog's default
     * database, which a session is in until it picks one — so that a function is called by its name alone.
     */
    private boolean hasFunctionsIn(String databaseName) {
        return getDefaultDatabase().equals(databaseName) || databaseExists(databaseName);
    }

    @Override
    public CatalogFunction getFunction(ObjectPath functionPath) throws FunctionNotExistException {
        CatalogFunction function = functionExists(functionPath) ? functions.get(functionPath.getObjectName()) : null;
        if (function == null) {
            throw new FunctionNotExistException(getName(), functionPath);
        }
        FunctionUses.resolved(function); // a job's plan resolves each function it calls here
        return function;
    }

    @Override
    public boolean functionExists(ObjectPath functionPath) {
        return functions.containsKey(functionPath.getObjectName()) && hasFunctionsIn(functionPath.getDatabaseName());
    }

    @Override
    public List<CatalogPartitionSpec> listPartitions(ObjectPath tablePath) throws TableNotPartitionedException {
        throw new TableNotPartitionedException(getName(), tablePath);
    }

    @Override
    public List<CatalogPartitionSpec> listPartitions(ObjectPath tablePath, CatalogPartitionSpec partitionSpec)
            throws TableNotPartitionedException {
        throw new TableNotPartitionedException(getName(), tablePath);
    }

    @Override
    public List<CatalogPartitionSpec> listPartitionsByFilter(ObjectPath tablePath, List<Expression> filters)
            throws TableNotPartitionedException {
        throw new TableNotPartitionedException(getName(), tablePath);
    }

    @Override
    public CatalogPartition getPartition(ObjectPath tablePath, CatalogPartitionSpec partitionSpec)
            throws PartitionNotExistException {
        throw new PartitionNotExistException(getName(), tablePath, partitionSpec);
    }

    @Override
    public boolean partitionExists(ObjectPath tablePath, CatalogPartitionSpec partitionSpec) {
        return false;
    }

    @Override
    public CatalogTableStatistics getTableStatistics(ObjectPath tablePath) {
        return CatalogTableStatistics.UNKNOWN;
    }

    @Override
    public CatalogColumnStatistics getTableColumnStatistics(ObjectPath tablePath) {
        return CatalogColumnStatistics.UNKNOWN;
    }

    @Override
    public CatalogTableStatistics getPartitionStatistics(ObjectPath tablePath, CatalogPartitionSpec partitionSpec) {
        return CatalogTableStatistics.UNKNOWN;
    }

    @Override
    public CatalogColumnStatistics getPartitionColumnStatistics(
            ObjectPath tablePath, CatalogPartitionSpec partitionSpec) {
        return CatalogColumnStatistics.UNKNOWN;
    }

    // Tables are designed and published in catalog-service; this catalog only shows what is published.

    private CatalogException readOnly() {
        return new CatalogException(
                "Catalog '" + getName() + "' is read-only: design and publish tables in catalog-service.");
    }

    @Override
    public void createDatabase(String name, CatalogDatabase database, boolean ignoreIfExists) {
        throw readOnly();
    }

    @Override
    public void dropDatabase(String name, boolean ignoreIfNotExists, boolean cascade) {
        throw readOnly();
    }

    @Override
    public void alterDatabase(String name, CatalogDatabase newDatabase, boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void dropTable(ObjectPath tablePath, boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void renameTable(ObjectPath tablePath, String newTableName, boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void createTable(ObjectPath tablePath, CatalogBaseTable table, boolean ignoreIfExists) {
        throw readOnly();
    }

    @Override
    public void alterTable(ObjectPath tablePath, CatalogBaseTable newTable, boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void createPartition(
            ObjectPath tablePath, CatalogPartitionSpec partitionSpec, CatalogPartition partition, boolean ignoreIfExists) {
        throw readOnly();
    }

    @Override
    public void dropPartition(ObjectPath tablePath, CatalogPartitionSpec partitionSpec, boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void alterPartition(
            ObjectPath tablePath,
            CatalogPartitionSpec partitionSpec,
            CatalogPartition newPartition,
            boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void createFunction(ObjectPath functionPath, CatalogFunction function, boolean ignoreIfExists) {
        throw readOnly();
    }

    @Override
    public void alterFunction(ObjectPath functionPath, CatalogFunction newFunction, boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void dropFunction(ObjectPath functionPath, boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void alterTableStatistics(ObjectPath tablePath, CatalogTableStatistics tableStatistics, boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void alterTableColumnStatistics(
            ObjectPath tablePath, CatalogColumnStatistics columnStatistics, boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void alterPartitionStatistics(
            ObjectPath tablePath,
            CatalogPartitionSpec partitionSpec,
            CatalogTableStatistics partitionStatistics,
            boolean ignoreIfNotExists) {
        throw readOnly();
    }

    @Override
    public void alterPartitionColumnStatistics(
            ObjectPath tablePath,
            CatalogPartitionSpec partitionSpec,
            CatalogColumnStatistics columnStatistics,
            boolean ignoreIfNotExists) {
        throw readOnly();
    }
}
