package io.sluice.gateway.rest.tables;

import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.rest.OffNettyThreads;

import org.apache.flink.runtime.rest.handler.HandlerRequest;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogBaseTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.results.TableInfo;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.rest.handler.AbstractSqlGatewayRestHandler;
import org.apache.flink.table.gateway.rest.message.session.SessionHandleIdPathParameter;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestAPIVersion;
import org.apache.flink.table.types.logical.LogicalType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Answers {@link SessionTablesHeaders} through the session's own catalog calls — the governed service's
 * {@code listTables} and its {@code getTables} (as {@code getTable}, for many tables at once), owner-checked like
 * every call of the session — so it shows exactly what
 * {@code SHOW TABLES} and {@code DESCRIBE} would, and nothing more. A table whose schema cannot be resolved (its
 * definition broke) is listed without columns rather than failing the whole listing; DESCRIBE on it says why.
 */
public final class SessionTablesHandler
        extends AbstractSqlGatewayRestHandler<EmptyRequestBody, SessionTablesResponseBody,
                SessionTablesHeaders.Parameters> {

    private static final Set<CatalogBaseTable.TableKind> KINDS =
            Set.of(CatalogBaseTable.TableKind.TABLE, CatalogBaseTable.TableKind.VIEW);

    /** Resolves many tables of a session at once, as {@code getTable} resolves one. */
    public interface Resolver {
        Map<ObjectIdentifier, ResolvedCatalogBaseTable<?>> getTables(SessionHandle session, List<ObjectIdentifier> tables);
    }

    private final Resolver resolver;
    private final ExecutorService workers;

    public SessionTablesHandler(
            SqlGatewayService service, Resolver resolver, Map<String, String> responseHeaders, ExecutorService workers) {
        super(service, responseHeaders, SessionTablesHeaders.getInstance());
        this.resolver = resolver;
        this.workers = workers;
    }

    @Override
    protected CompletableFuture<SessionTablesResponseBody> handleRequest(
            SqlGatewayRestAPIVersion version, HandlerRequest<EmptyRequestBody> request) throws ClientError {
        SessionHandle session = request.getPathParameter(SessionHandleIdPathParameter.class);
        String catalog = only(request.getQueryParameter(SessionTablesHeaders.CatalogName.class));
        String database = only(request.getQueryParameter(SessionTablesHeaders.DatabaseName.class));
        if (catalog == null || database == null) {
            // Flink's handlers do not check that mandatory query parameters are there
            throw ClientError.badRequest("The URL names no " + (catalog == null ? "catalog" : "database")
                    + ": list a database's tables with ?catalog=<environment>&database=<data source>.");
        }
        String table = only(request.getQueryParameter(SessionTablesHeaders.TableName.class));
        return OffNettyThreads.supply(() -> list(session, catalog, database, table), workers);
    }

    private SessionTablesResponseBody list(SessionHandle session, String catalog, String database, String only) {
        List<TableInfo> found = new ArrayList<>();
        for (TableInfo info : service.listTables(session, catalog, database, KINDS)) {
            if (only == null || only.equals(info.getIdentifier().getObjectName())) {
                found.add(info);
            }
        }
        found.sort(Comparator.comparing(info -> info.getIdentifier().getObjectName()));
        Map<ObjectIdentifier, ResolvedCatalogBaseTable<?>> resolved =
                resolver.getTables(session, found.stream().map(TableInfo::getIdentifier).toList());
        List<SessionTablesResponseBody.Table> tables = new ArrayList<>();
        for (TableInfo info : found) {
            tables.add(describe(info, resolved.get(info.getIdentifier())));
        }
        return new SessionTablesResponseBody(tables);
    }

    private static SessionTablesResponseBody.Table describe(TableInfo info, ResolvedCatalogBaseTable<?> table) {
        String name = info.getIdentifier().getObjectName();
        String kind = info.getTableKind().name();
        if (table == null) {
            return new SessionTablesResponseBody.Table(name, kind, null, null, List.of());
        }
        ResolvedSchema schema = table.getResolvedSchema();
        List<SessionTablesResponseBody.Column> columns = new ArrayList<>();
        for (Column column : schema.getColumns()) {
            LogicalType type = column.getDataType().getLogicalType();
            // the type as DESCRIBE prints it, nullability apart
            columns.add(new SessionTablesResponseBody.Column(column.getName(), type.copy(true).asSummaryString(),
                    type.isNullable(), column.getComment().orElse(null)));
        }
        List<String> key = schema.getPrimaryKey().map(UniqueConstraint::getColumns).orElse(List.of());
        String comment = table.getComment() == null || table.getComment().isEmpty() ? null : table.getComment();
        return new SessionTablesResponseBody.Table(name, kind, comment, columns, key);
    }

    private static String only(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
