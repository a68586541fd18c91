-- Tenant isolation below the application: the app runs every tenant query as the non-superuser role
-- putright_app (SET LOCAL ROLE), with app.organisation_id set for the transaction. Superusers and
-- table owners bypass row-level security, which is why the role switch matters.
DO $$
BEGIN
  CREATE ROLE putright_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- the role is cluster-wide: another database (or a concurrent migration) made it first
END
$$;
--> statement-breakpoint
CREATE FUNCTION putright_current_organisation() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO putright_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION putright_current_organisation() TO putright_app;
--> statement-breakpoint
GRANT SELECT ON organisations, policy_versions, closure_days, api_keys TO putright_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON cases, reference_counters TO putright_app;
--> statement-breakpoint
GRANT INSERT, DELETE ON closure_days TO putright_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON case_events, audit_log TO putright_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'policy_versions', 'closure_days', 'api_keys',
                           'reference_counters', 'cases', 'case_events', 'audit_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organisation_id = putright_current_organisation()) '
      'WITH CHECK (organisation_id = putright_current_organisation())', t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The case history is evidence: nobody, not even the owner, may rewrite it.
CREATE FUNCTION putright_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION putright_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION putright_refuse_change();
