ALTER TABLE "case_events" ADD COLUMN "via" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "country" text;--> statement-breakpoint
-- Cases recorded before countries were separated from calendars ran the Housing Ombudsman's Code
-- ('england-and-wales' meant England) or the SPSO's; their stored state is rebuilt from the events
-- when it is next read (STATE_SCHEMA), so only the new column needs filling here.
UPDATE "cases" SET "country" = CASE "jurisdiction" WHEN 'england-and-wales' THEN 'england' ELSE "jurisdiction" END;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "country" SET NOT NULL;
