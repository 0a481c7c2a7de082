-- Since V10 every change id comes from change_feed_end. The identity left on the column would hand out ids from 1
-- again to an insert that names none (a hand-written fix-up, a forgotten code path) and collide with, or worse
-- slip behind, the feed's end; without it such an insert fails at once.
alter table change_events alter column id drop identity;
