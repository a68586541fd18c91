ALTER TABLE "api_keys" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_log_by_at" ON "audit_log" USING btree ("organisation_id","at","audit_id");--> statement-breakpoint
CREATE INDEX "audit_log_by_actor" ON "audit_log" USING btree ("organisation_id","actor","at","audit_id");--> statement-breakpoint
CREATE INDEX "audit_log_by_case" ON "audit_log" USING btree ("organisation_id",("details"->>'caseReference'),"at","audit_id") WHERE "audit_log"."details" ? 'caseReference';--> statement-breakpoint
CREATE INDEX "case_events_by_recorded" ON "case_events" USING btree ("organisation_id","recorded_at","case_id","sequence");--> statement-breakpoint
CREATE INDEX "case_events_by_actor" ON "case_events" USING btree ("organisation_id","actor_id","recorded_at","case_id","sequence");