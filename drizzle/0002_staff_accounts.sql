CREATE TABLE "staff_accounts" (
	"organisation_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_accounts_organisation_id_staff_id_pk" PRIMARY KEY("organisation_id","staff_id"),
	CONSTRAINT "staff_accounts_role" CHECK ("staff_accounts"."role" in ('front-line', 'handler', 'complaints-officer', 'senior-lead', 'board-member', 'administrator')),
	CONSTRAINT "staff_accounts_email_lower_case" CHECK ("staff_accounts"."email" = lower("staff_accounts"."email"))
);
--> statement-breakpoint
CREATE TABLE "staff_sessions" (
	"organisation_id" uuid NOT NULL,
	"session_id" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "staff_sessions_organisation_id_session_id_pk" PRIMARY KEY("organisation_id","session_id")
);
--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staff" FOREIGN KEY ("organisation_id","staff_id") REFERENCES "public"."staff_accounts"("organisation_id","staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_accounts_email" ON "staff_accounts" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "staff_accounts_by_name" ON "staff_accounts" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "staff_sessions_by_staff" ON "staff_sessions" USING btree ("organisation_id","staff_id") WHERE revoked_at is null;