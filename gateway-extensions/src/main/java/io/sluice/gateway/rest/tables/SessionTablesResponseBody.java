package io.sluice.gateway.rest.tables;

import org.apache.flink.runtime.rest.messages.ResponseBody;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.annotation.JsonCreator;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The answer of {@link SessionTablesHeaders}: tables in name order, each with its columns in schema order. */
public final class SessionTablesResponseBody implements ResponseBody {

    @JsonProperty("tables")
    public final List<Table> tables;

    @JsonCreator
    public SessionTablesResponseBody(@JsonProperty("tables") List<Table> tables) {
        this.tables = tables;
    }

    /**
     * One table or view. {@code columns} is null when its schema cannot be read right now (DESCRIBE on it says why);
     * {@code primaryKey} lists the key's columns in key order, empty without a key.
     */
    public static final class Table {
        @JsonProperty("name")
        public final String name;
        @JsonProperty("kind")
        public final String kind;
        @JsonProperty("comment")
        public final String comment;
        @JsonProperty("columns")
        public final List<Column> columns;
        @JsonProperty("primaryKey")
        public final List<String> primaryKey;

        @JsonCreator
        public Table(
                @JsonProperty("name") String name,
                @JsonProperty("kind") String kind,
                @JsonProperty("comment") String comment,
                @JsonProperty("columns") List<Column> columns,
                @JsonProperty("primaryKey") List<String> primaryKey) {
            this.name = name;
            this.kind = kind;
            this.comment = comment;
            this.columns = columns;
            this.primaryKey = primaryKey;
        }
    }

    /** One column: its type as DESCRIBE prints it ({@code VARCHAR(20)}, {@code TIMESTAMP(3) *ROWTIME*}). */
    public static final class Column {
        @JsonProperty("name")
        public final String name;
        @JsonProperty("type")
        public final String type;
        @JsonProperty("nullable")
        public final boolean nullable;
        @JsonProperty("comment")
        public final String comment;

        @JsonCreator
        public Column(
                @JsonProperty("name") String name,
                @JsonProperty("type") String type,
                @JsonProperty("nullable") boolean nullable,
                @JsonProperty("comment") String comment) {
            this.name = name;
            this.type = type;
            this.nullable = nullable;
            this.comment = comment;
        }
    }
}
