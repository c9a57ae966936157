ALTER TABLE "users" DROP COLUMN "session_key_enc";
--> statement-breakpoint
-- Access tokens written before they were encrypted are not readable any more: fetched again.
UPDATE "wechat_access_token" SET "token" = NULL, "previous_token" = NULL, "expires_at" = NULL, "previous_valid_until" = NULL;
