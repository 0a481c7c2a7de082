-- a token may be issued for a bounded time (the web console's are); null: until revoked
alter table api_tokens add column expires_at timestamp with time zone;
