CREATE TABLE "api_keys" (
	"organisation_id" uuid NOT NULL,
	"api_key_id" uuid NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_organisation_id_api_key_id_pk" PRIMARY KEY("organisation_id","api_key_id"),
	CONSTRAINT "api_keys_id" UNIQUE("api_key_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"organisation_id" uuid NOT NULL,
	"audit_id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"details" jsonb NOT NULL,
	CONSTRAINT "audit_log_organisation_id_audit_id_pk" PRIMARY KEY("organisation_id","audit_id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"policy_key" text NOT NULL,
	"policy_version" integer NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "case_events_organisation_id_case_id_sequence_pk" PRIMARY KEY("organisation_id","case_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"kind" text DEFAULT 'complaint' NOT NULL,
	"status" text NOT NULL,
	"stage" smallint NOT NULL,
	"policy_key" text NOT NULL,
	"policy_version" integer NOT NULL,
	"jurisdiction" text NOT NULL,
	"service_area" text NOT NULL,
	"channel" text NOT NULL,
	"complainant_name" text,
	"handler_id" text,
	"handler_name" text,
	"received_at" timestamp with time zone NOT NULL,
	"current_deadline_kind" text,
	"current_deadline_due" date,
	"last_deadline_outcome" text,
	"version" integer NOT NULL,
	"state" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_organisation_id_case_id_pk" PRIMARY KEY("organisation_id","case_id"),
	CONSTRAINT "cases_reference" UNIQUE("organisation_id","reference")
);
--> statement-breakpoint
CREATE TABLE "closure_days" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "closure_days_organisation_id_day_pk" PRIMARY KEY("organisation_id","day")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"reference_prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"organisation_id" uuid NOT NULL,
	"policy_version_id" uuid NOT NULL,
	"policy_key" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"document" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_versions_organisation_id_policy_version_id_pk" PRIMARY KEY("organisation_id","policy_version_id"),
	CONSTRAINT "policy_versions_key_version" UNIQUE("organisation_id","policy_key","version")
);
--> statement-breakpoint
CREATE TABLE "reference_counters" (
	"organisation_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "reference_counters_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_by_received" ON "cases" USING btree ("organisation_id","received_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_by_deadline" ON "cases" USING btree ("organisation_id","current_deadline_due") WHERE current_deadline_due is not null;--> statement-breakpoint
CREATE INDEX "cases_by_status" ON "cases" USING btree ("organisation_id","status","received_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_by_handler" ON "cases" USING btree ("organisation_id","handler_id","received_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_by_service_area" ON "cases" USING btree ("organisation_id","service_area","received_at","case_id");--> statement-breakpoint
CREATE INDEX "policy_versions_in_force" ON "policy_versions" USING btree ("organisation_id","effective_from");