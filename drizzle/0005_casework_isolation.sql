-- Service areas, categories and the contact log get the same isolation as every other table (see
-- 0001). Administrators choose a policy through the web as the tenant role, so it may add versions.
GRANT SELECT, INSERT, UPDATE ON service_areas, service_categories, contacts TO putright_app;
--> statement-breakpoint
GRANT INSERT ON policy_versions TO putright_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['service_areas', 'service_categories', 'contacts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organisation_id = putright_current_organisation()) '
      'WITH CHECK (organisation_id = putright_current_organisation())', t);
  END LOOP;
END
$$;
