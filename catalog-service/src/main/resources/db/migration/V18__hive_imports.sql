-- A table's partition columns, per schema version (Hive tables imported from a metastore have them).
alter table table_schema_versions add column partition_keys varchar(4000);

-- Tables imported from a Hive Metastore: where each came from. One catalog table per Hive table and metastore.
create table hive_imports (
    table_id       bigint       not null primary key references catalog_tables (id),
    data_source_id bigint       not null references data_sources (id),
    environment    varchar(8)   not null,
    hive_database  varchar(256) not null,
    hive_table     varchar(256) not null,
    imported_by    varchar(64)  not null,
    imported_at    timestamp with time zone not null,
    synced_at      timestamp with time zone not null,
    constraint hive_imports_unique unique (data_source_id, environment, hive_database, hive_table)
);

-- What the metastore said of the table at each schema version: its kind, location and storage format.
create table hive_table_versions (
    table_id      bigint        not null references catalog_tables (id),
    version       integer       not null,
    table_type    varchar(64),
    location      varchar(4000),
    input_format  varchar(1000),
    output_format varchar(1000),
    serde         varchar(1000),
    primary key (table_id, version)
);
