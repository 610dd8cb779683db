ALTER TABLE "sign_in_attempts" ALTER COLUMN "ip" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;