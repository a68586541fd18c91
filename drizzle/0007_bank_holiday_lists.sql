CREATE TABLE "bank_holiday_lists" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_holiday_lists_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"list_id" uuid NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" text NOT NULL,
	"content" jsonb NOT NULL,
	CONSTRAINT "bank_holiday_lists_list_id_unique" UNIQUE("list_id")
);
--> statement-breakpoint
-- Bank holidays are the country's, not a tenant's: no organisation_id, no row-level security. The
-- tenant role (see 0001) reads the list in force to build calendars; only the privileged connection
-- (the `putright holidays` commands) adds lists.
GRANT SELECT ON bank_holiday_lists TO putright_app;
