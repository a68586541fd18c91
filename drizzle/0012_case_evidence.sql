CREATE TABLE "case_evidence" (
	"organisation_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"description" text NOT NULL,
	"uploaded_by_id" text NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_evidence_organisation_id_evidence_id_pk" PRIMARY KEY("organisation_id","evidence_id")
);
--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_case" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_evidence_by_case" ON "case_evidence" USING btree ("organisation_id","case_id","uploaded_at");--> statement-breakpoint
-- Evidence gets the same isolation as every other table (see 0001). Staff attach files as the tenant
-- role; a record of what was attached is never changed or removed through the service.
GRANT SELECT, INSERT ON case_evidence TO putright_app;
--> statement-breakpoint
ALTER TABLE case_evidence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_evidence FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON case_evidence USING (organisation_id = putright_current_organisation())
  WITH CHECK (organisation_id = putright_current_organisation());
