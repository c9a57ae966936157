CREATE TABLE "account_bindings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"bound_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_admins" (
	"enterprise_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_admins_enterprise_id_user_id_pk" PRIMARY KEY("enterprise_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "etax_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"account" text NOT NULL,
	"password_enc" text NOT NULL,
	"password_key_id" text NOT NULL,
	"role" text NOT NULL,
	"permissions" text[] NOT NULL,
	"login_type" text NOT NULL,
	"person_name" text NOT NULL,
	"person_key" text NOT NULL,
	"default_issue" boolean DEFAULT false NOT NULL,
	"default_receive" boolean DEFAULT false NOT NULL,
	"auth_valid_until" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"lock_reason" text,
	"locked_by_password" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "etax_sessions" (
	"account_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"session_id_enc" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"logged_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "etax_sessions_account_id_channel_pk" PRIMARY KEY("account_id","channel")
);
--> statement-breakpoint
CREATE TABLE "login_flows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"account_id" uuid,
	"purpose" text NOT NULL,
	"channel" text,
	"method" text NOT NULL,
	"login_type" text NOT NULL,
	"account" text NOT NULL,
	"draft" jsonb,
	"password_enc" text,
	"gateway_flow_enc" text,
	"gateway_ticket" text,
	"sms_sent_at" timestamp with time zone,
	"hosted_deadline" timestamp with time zone,
	"state" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"busy_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recent_logins" (
	"user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"logged_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recent_logins_user_id_account_id_pk" PRIMARY KEY("user_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "subscribe_credits" (
	"user_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"credits" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscribe_credits_user_id_template_id_pk" PRIMARY KEY("user_id","template_id")
);
--> statement-breakpoint
ALTER TABLE "account_bindings" ADD CONSTRAINT "account_bindings_account_id_etax_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."etax_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_bindings" ADD CONSTRAINT "account_bindings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_bindings" ADD CONSTRAINT "account_bindings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_admins" ADD CONSTRAINT "enterprise_admins_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_admins" ADD CONSTRAINT "enterprise_admins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_admins" ADD CONSTRAINT "enterprise_admins_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etax_accounts" ADD CONSTRAINT "etax_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etax_accounts" ADD CONSTRAINT "etax_accounts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etax_accounts" ADD CONSTRAINT "etax_accounts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etax_sessions" ADD CONSTRAINT "etax_sessions_account_id_etax_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."etax_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etax_sessions" ADD CONSTRAINT "etax_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_flows" ADD CONSTRAINT "login_flows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_flows" ADD CONSTRAINT "login_flows_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_flows" ADD CONSTRAINT "login_flows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_flows" ADD CONSTRAINT "login_flows_account_id_etax_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."etax_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recent_logins" ADD CONSTRAINT "recent_logins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recent_logins" ADD CONSTRAINT "recent_logins_account_id_etax_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."etax_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recent_logins" ADD CONSTRAINT "recent_logins_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribe_credits" ADD CONSTRAINT "subscribe_credits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_bindings_user_idx" ON "account_bindings" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "enterprise_admins_user_idx" ON "enterprise_admins" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "etax_accounts_enterprise_account_uq" ON "etax_accounts" USING btree ("enterprise_id","account");--> statement-breakpoint
CREATE UNIQUE INDEX "etax_accounts_default_issue_uq" ON "etax_accounts" USING btree ("enterprise_id") WHERE default_issue;--> statement-breakpoint
CREATE UNIQUE INDEX "etax_accounts_default_receive_uq" ON "etax_accounts" USING btree ("enterprise_id") WHERE default_receive;--> statement-breakpoint
CREATE INDEX "etax_accounts_tenant_person_idx" ON "etax_accounts" USING btree ("tenant_id","person_key");--> statement-breakpoint
CREATE INDEX "login_flows_user_idx" ON "login_flows" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "recent_logins_user_time_idx" ON "recent_logins" USING btree ("user_id","logged_in_at");