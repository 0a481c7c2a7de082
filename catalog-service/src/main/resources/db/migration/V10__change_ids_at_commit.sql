-- Change ids were taken from an identity column as each change began, so an event could commit after one with a
-- higher id and be skipped by a reader polling "id > last seen". From now on ids come from this one-row counter,
-- taken just before the change commits and locked until it has: ids grow in commit order.
create table change_feed_end (
    id      integer primary key,
    last_id bigint  not null
);
insert into change_feed_end (id, last_id) select 1, coalesce(max(id), 0) from change_events;
