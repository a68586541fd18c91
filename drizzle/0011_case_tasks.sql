CREATE TABLE "case_tasks" (
	"organisation_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"created_by_id" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_name" text,
	CONSTRAINT "case_tasks_organisation_id_task_id_pk" PRIMARY KEY("organisation_id","task_id"),
	CONSTRAINT "case_tasks_kind" CHECK ("case_tasks"."kind" in ('call-back', 'chase', 'other'))
);
--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_case" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_owner" FOREIGN KEY ("organisation_id","owner_id") REFERENCES "public"."staff_accounts"("organisation_id","staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_tasks_by_case" ON "case_tasks" USING btree ("organisation_id","case_id","due_on");--> statement-breakpoint
CREATE INDEX "case_tasks_open_by_owner" ON "case_tasks" USING btree ("organisation_id","owner_id","due_on") WHERE done_at is null;--> statement-breakpoint
-- Tasks get the same isolation as every other table (see 0001). Staff add tasks and mark them done
-- as the tenant role: a task's case, owner and words never change once set.
GRANT SELECT, INSERT ON case_tasks TO putright_app;
--> statement-breakpoint
GRANT UPDATE (done_at, done_by_name) ON case_tasks TO putright_app;
--> statement-breakpoint
ALTER TABLE case_tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_tasks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON case_tasks USING (organisation_id = putright_current_organisation())
  WITH CHECK (organisation_id = putright_current_organisation());
