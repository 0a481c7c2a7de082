-- A data source's connection in an environment changed: gateways drop the connection they cached.
alter table change_events add column data_source varchar(64);
alter table change_events alter column table_name drop not null;
