package io.sluice.gateway.rest.tables;

import org.apache.flink.runtime.rest.HttpMethodWrapper;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.runtime.rest.messages.MessageParameters;
import org.apache.flink.runtime.rest.messages.MessagePathParameter;
import org.apache.flink.runtime.rest.messages.MessageQueryParameter;
import org.apache.flink.table.gateway.rest.header.SqlGatewayMessageHeaders;
import org.apache.flink.table.gateway.rest.message.session.SessionHandleIdPathParameter;

import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpResponseStatus;

import java.util.Collection;
import java.util.List;

/**
 * {@code GET /v{n}/sessions/:session_handle/sluice/tables?catalog=…&database=…[&table=…]}: the tables and views of
 * one database of the session's catalogs with their columns, comments and keys — what {@code SHOW TABLES}, {@code
 * SHOW VIEWS} and one {@code DESCRIBE} per table answer, in one request. BI tools crawl whole environments; a
 * statement per table made a crawl of 1,000 tables take many seconds.
 */
public final class SessionTablesHeaders
        implements SqlGatewayMessageHeaders<EmptyRequestBody, SessionTablesResponseBody,
                SessionTablesHeaders.Parameters> {

    private static final SessionTablesHeaders INSTANCE = new SessionTablesHeaders();

    private SessionTablesHeaders() {}

    public static SessionTablesHeaders getInstance() {
        return INSTANCE;
    }

    @Override
    public Class<SessionTablesResponseBody> getResponseClass() {
        return SessionTablesResponseBody.class;
    }

    @Override
    public HttpResponseStatus getResponseStatusCode() {
        return HttpResponseStatus.OK;
    }

    @Override
    public String getDescription() {
        return "The tables and views of one database the session offers, with their columns, comments and keys.";
    }

    @Override
    public Class<EmptyRequestBody> getRequestClass() {
        return EmptyRequestBody.class;
    }

    @Override
    public Parameters getUnresolvedMessageParameters() {
        return new Parameters();
    }

    @Override
    public HttpMethodWrapper getHttpMethod() {
        return HttpMethodWrapper.GET;
    }

    @Override
    public String getTargetRestEndpointURL() {
        return "/sessions/:" + SessionHandleIdPathParameter.KEY + "/sluice/tables";
    }

    @Override
    public String operationId() {
        return "listSessionTables";
    }

    /** The session, and the catalog and database to list; {@code table} narrows it to one table. */
    public static final class Parameters extends MessageParameters {

        final SessionHandleIdPathParameter session = new SessionHandleIdPathParameter();
        final CatalogName catalog = new CatalogName();
        final DatabaseName database = new DatabaseName();
        final TableName table = new TableName();

        @Override
        public Collection<MessagePathParameter<?>> getPathParameters() {
            return List.of(session);
        }

        @Override
        public Collection<MessageQueryParameter<?>> getQueryParameters() {
            return List.of(catalog, database, table);
        }
    }

    /**
     * A catalog, database or table name, exactly as given (Flink matches names case-sensitively). One class per
     * parameter: Flink's handlers look query parameters up by their class.
     */
    public abstract static class Name extends MessageQueryParameter<String> {

        private final String description;

        Name(String key, String description, MessageParameterRequisiteness requisiteness) {
            super(key, requisiteness);
            this.description = description;
        }

        @Override
        public final String convertStringToValue(String value) {
            return value;
        }

        @Override
        public final String convertValueToString(String value) {
            return value;
        }

        @Override
        public final String getDescription() {
            return description;
        }
    }

    public static final class CatalogName extends Name {
        public CatalogName() {
            super("catalog", "The catalog (environment) to list.", MessageParameterRequisiteness.MANDATORY);
        }
    }

    public static final class DatabaseName extends Name {
        public DatabaseName() {
            super("database", "The database (data source) to list.", MessageParameterRequisiteness.MANDATORY);
        }
    }

    public static final class TableName extends Name {
        public TableName() {
            super("table", "Only this table or view.", MessageParameterRequisiteness.OPTIONAL);
        }
    }
}
