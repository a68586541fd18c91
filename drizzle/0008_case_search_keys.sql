ALTER TABLE "cases" drop column "search";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(reference, '') || ' ' || coalesce(complainant_name, '') || ' ' || coalesce(handler_name, '') || ' ' || coalesce(state->'representative'->>'name', '') || ' ' || coalesce(state->'complainant'->'contact'->>'address', '') || ' ' || coalesce(state->>'summary', ''))) STORED;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search_keys" text[];--> statement-breakpoint
CREATE INDEX "cases_search_keys" ON "cases" USING gin ("search_keys");--> statement-breakpoint
-- Dropping the old "search" column dropped its index; the schema still declares it.
CREATE INDEX "cases_search" ON "cases" USING gin ("search");
-- "search_keys" of existing rows is filled in at start-up (upgradeStoredCases) by searchKeysOf, the
-- same TypeScript that writes new rows, so the normalisation has one definition.
