CREATE TABLE "contacts" (
	"organisation_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_by_id" text NOT NULL,
	"received_by_name" text NOT NULL,
	"resident_name" text,
	"service_area" text,
	"category" text,
	"summary" text NOT NULL,
	"details" jsonb NOT NULL,
	"linked_case_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_organisation_id_contact_id_pk" PRIMARY KEY("organisation_id","contact_id"),
	CONSTRAINT "contacts_reference" UNIQUE("organisation_id","reference"),
	CONSTRAINT "contacts_kind" CHECK ("contacts"."kind" in ('complaint', 'service-request', 'compliment', 'suggestion')),
	CONSTRAINT "contacts_status" CHECK ("contacts"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "service_areas" (
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_areas_organisation_id_code_pk" PRIMARY KEY("organisation_id","code")
);
--> statement-breakpoint
CREATE TABLE "service_categories" (
	"organisation_id" uuid NOT NULL,
	"service_area" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_categories_organisation_id_service_area_code_pk" PRIMARY KEY("organisation_id","service_area","code")
);
--> statement-breakpoint
ALTER TABLE "reference_counters" ADD COLUMN "series" text DEFAULT 'case' NOT NULL;--> statement-breakpoint
ALTER TABLE "reference_counters" DROP CONSTRAINT "reference_counters_organisation_id_year_pk";--> statement-breakpoint
ALTER TABLE "reference_counters" ADD CONSTRAINT "reference_counters_organisation_id_series_year_pk" PRIMARY KEY("organisation_id","series","year");--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "current_deadline_extended" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "next_item_due" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(reference, '') || ' ' || coalesce(complainant_name, '') || ' ' || coalesce(handler_name, '') || ' ' || coalesce(state->>'summary', ''))) STORED;--> statement-breakpoint
ALTER TABLE "service_categories" ADD CONSTRAINT "service_categories_area" FOREIGN KEY ("organisation_id","service_area") REFERENCES "public"."service_areas"("organisation_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_by_received" ON "contacts" USING btree ("organisation_id","received_at","contact_id");--> statement-breakpoint
CREATE INDEX "contacts_by_kind" ON "contacts" USING btree ("organisation_id","kind","status","received_at");--> statement-breakpoint
CREATE INDEX "contacts_by_case" ON "contacts" USING btree ("organisation_id","linked_case_id") WHERE linked_case_id is not null;--> statement-breakpoint
CREATE INDEX "cases_by_channel" ON "cases" USING btree ("organisation_id","channel","received_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_by_item_due" ON "cases" USING btree ("organisation_id","next_item_due") WHERE next_item_due is not null;--> statement-breakpoint
CREATE INDEX "cases_search" ON "cases" USING gin ("search");--> statement-breakpoint
-- Backfill the new projection columns from each case's stored state.
UPDATE "cases" SET
  "next_item_due" = (
    SELECT min((item->>'dueDate')::date) FROM jsonb_array_elements("state"->'items') AS item
    WHERE item->>'completedOn' IS NULL
  ),
  "current_deadline_extended" = (
    "current_deadline_kind" LIKE '%-response'
    AND jsonb_array_length("state"->(CASE WHEN "stage" = 2 THEN 'stage2' ELSE 'stage1' END)->'extensions') > 0
  );
