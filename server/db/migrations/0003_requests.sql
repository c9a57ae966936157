CREATE TABLE "login_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"account_id" uuid,
	"channel" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"notice" text NOT NULL,
	"link_token_hash" text,
	"link_token_enc" text,
	"link_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	CONSTRAINT "login_requests_link_token_hash_unique" UNIQUE("link_token_hash")
);
--> statement-breakpoint
CREATE TABLE "tenant_webhooks" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret_enc" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "login_flows" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "etax_accounts" ADD COLUMN "auto_login_timeouts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "etax_accounts" ADD COLUMN "auto_login_wrong_codes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "login_flows" ADD COLUMN "login_request_id" uuid;--> statement-breakpoint
ALTER TABLE "login_requests" ADD CONSTRAINT "login_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_requests" ADD CONSTRAINT "login_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_requests" ADD CONSTRAINT "login_requests_account_id_etax_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."etax_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_webhooks" ADD CONSTRAINT "tenant_webhooks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "login_requests_pending_uq" ON "login_requests" USING btree ("account_id","channel","purpose") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "login_requests_account_idx" ON "login_requests" USING btree ("account_id","created_at");--> statement-breakpoint
ALTER TABLE "login_flows" ADD CONSTRAINT "login_flows_login_request_id_login_requests_id_fk" FOREIGN KEY ("login_request_id") REFERENCES "public"."login_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_flows_login_request_idx" ON "login_flows" USING btree ("login_request_id");