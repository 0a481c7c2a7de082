-- A topic's event time: {"column": ..., "delayMs": ...} as JSON, null when it has none.
alter table table_schema_versions add column watermark varchar(2000);
