CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"tax_id" text NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"actor_openid" text NOT NULL,
	"account_id" uuid,
	"masked_account" text NOT NULL,
	"affected_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_change_items" (
	"change_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"lease_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_change_items_change_id_account_id_pk" PRIMARY KEY("change_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "password_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"account_id" uuid,
	"person_key" text NOT NULL,
	"kind" text NOT NULL,
	"login_type" text NOT NULL,
	"account" text NOT NULL,
	"id_type" text,
	"id_number_enc" text,
	"gateway_flow_enc" text,
	"sms_sent_at" timestamp with time zone,
	"hosted_deadline" timestamp with time zone,
	"password_enc" text,
	"password_set_at" timestamp with time zone,
	"state" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"busy_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_change_items" ADD CONSTRAINT "password_change_items_change_id_password_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."password_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_change_items" ADD CONSTRAINT "password_change_items_account_id_etax_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."etax_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_change_items" ADD CONSTRAINT "password_change_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_changes" ADD CONSTRAINT "password_changes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_changes" ADD CONSTRAINT "password_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_changes" ADD CONSTRAINT "password_changes_account_id_etax_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."etax_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_enterprise_time_idx" ON "audit_log" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "password_change_items_account_idx" ON "password_change_items" USING btree ("account_id","state");--> statement-breakpoint
CREATE INDEX "password_changes_user_idx" ON "password_changes" USING btree ("user_id","created_at");