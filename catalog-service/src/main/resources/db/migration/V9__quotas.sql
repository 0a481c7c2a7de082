-- What a project may hold at once. Null: the platform default (sluice.quota.*), so changing a default reaches every
-- project that was never given a value of its own.
alter table projects add column max_parallelism integer;
alter table projects add column max_task_slots integer;
alter table projects add column max_sessions_per_user integer;

-- A project's quota changed: gateways drop the quota they cached. Such an event names a project, not an environment.
alter table change_events add column project varchar(64);
alter table change_events alter column environment drop not null;
