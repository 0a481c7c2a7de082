-- the end user a gateway's request was made for (a secret read names whose statement caused it)
alter table audit_entries add column on_behalf_of varchar(64);
