-- Administrators create and revoke their organisation's API keys through the web, as the tenant role
-- (see 0001): it may add keys and set revoked_at, nothing else (a key's hash, name and organisation
-- never change). Row-level security on api_keys keeps each organisation to its own keys. The last use
-- is written on the privileged path that authenticates the key, before any organisation is known.
GRANT INSERT ON api_keys TO putright_app;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON api_keys TO putright_app;
