-- Staff accounts and sessions get the same isolation as every other table (see 0001): row-level
-- security, forced even for the owner, with the tenant role limited to what the use cases need.
-- Sign-in looks an e-mail address up before the organisation is known; that one read runs on the
-- privileged path, and everything after it as putright_app for the account's organisation.
GRANT SELECT, INSERT, UPDATE ON staff_accounts TO putright_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON staff_sessions TO putright_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['staff_accounts', 'staff_sessions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organisation_id = putright_current_organisation()) '
      'WITH CHECK (organisation_id = putright_current_organisation())', t);
  END LOOP;
END
$$;
