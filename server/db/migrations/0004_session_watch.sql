CREATE TABLE "session_watch" (
	"account_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"checked_at" timestamp with time zone,
	"dropped_at" timestamp with time zone,
	"drop_cause" text,
	"drop_reason" text,
	"expiring_noted_for" timestamp with time zone,
	"reminded_for" timestamp with time zone,
	CONSTRAINT "session_watch_account_id_subject_pk" PRIMARY KEY("account_id","subject")
);
--> statement-breakpoint
ALTER TABLE "session_watch" ADD CONSTRAINT "session_watch_account_id_etax_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."etax_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_watch" ADD CONSTRAINT "session_watch_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_watch_checked_idx" ON "session_watch" USING btree ("checked_at");