CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_email" text,
	"action" text NOT NULL,
	"year" integer,
	"metric_key" text,
	"detail" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "metrics" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"section_key" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"description" text,
	"min" double precision,
	"max" double precision,
	"archived" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metrics_key_unique" UNIQUE("key"),
	CONSTRAINT "metrics_unit_check" CHECK ("metrics"."unit" in ('count', 'percent', 'usd', 'km', 'km2', 'm2')),
	CONSTRAINT "metrics_direction_check" CHECK ("metrics"."direction" in ('up', 'down', 'neutral')),
	CONSTRAINT "metrics_key_check" CHECK ("metrics"."key" ~ '^[a-z][a-z0-9_]{0,63}$')
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"key" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quote_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"quote_id" integer NOT NULL,
	"year" integer NOT NULL,
	"action" text NOT NULL,
	"speaker" text NOT NULL,
	"title" text NOT NULL,
	"section_key" text NOT NULL,
	"text" text NOT NULL,
	"version" integer NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"speaker" text NOT NULL,
	"title" text NOT NULL,
	"section_key" text NOT NULL,
	"text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"deleted_at" timestamp with time zone,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"content" text NOT NULL,
	"sha256" text NOT NULL,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"success" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'editor', 'reviewer', 'viewer'))
);
--> statement-breakpoint
CREATE TABLE "metric_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"metric_id" integer NOT NULL,
	"year" integer NOT NULL,
	"value" double precision,
	"qualifier" text,
	"note" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_values_qualifier_check" CHECK ("metric_values"."qualifier" is null or "metric_values"."qualifier" in ('over', 'about'))
);
--> statement-breakpoint
CREATE TABLE "value_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"value_id" integer NOT NULL,
	"metric_id" integer NOT NULL,
	"year" integer NOT NULL,
	"value" double precision,
	"qualifier" text,
	"note" text,
	"source" text,
	"version" integer NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "reporting_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer,
	CONSTRAINT "reporting_years_status_check" CHECK ("reporting_years"."status" in ('open', 'locked')),
	CONSTRAINT "reporting_years_year_check" CHECK ("reporting_years"."year" between 1945 and 2100)
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_section_key_sections_key_fk" FOREIGN KEY ("section_key") REFERENCES "public"."sections"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_revisions" ADD CONSTRAINT "quote_revisions_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_revisions" ADD CONSTRAINT "quote_revisions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_section_key_sections_key_fk" FOREIGN KEY ("section_key") REFERENCES "public"."sections"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."metrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_revisions" ADD CONSTRAINT "value_revisions_value_id_metric_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."metric_values"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_revisions" ADD CONSTRAINT "value_revisions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD CONSTRAINT "reporting_years_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD CONSTRAINT "reporting_years_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "audit_log_year_idx" ON "audit_log" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "audit_log_metric_idx" ON "audit_log" USING btree ("metric_key","id");--> statement-breakpoint
CREATE INDEX "metrics_section_idx" ON "metrics" USING btree ("section_key","sort_order");--> statement-breakpoint
CREATE INDEX "quote_revisions_quote_idx" ON "quote_revisions" USING btree ("quote_id","id");--> statement-breakpoint
CREATE INDEX "quotes_year_idx" ON "quotes" USING btree ("year","sort_order");--> statement-breakpoint
CREATE INDEX "snapshots_year_idx" ON "snapshots" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_at_idx" ON "sign_in_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_at_idx" ON "sign_in_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_values_metric_year_idx" ON "metric_values" USING btree ("metric_id","year");--> statement-breakpoint
CREATE INDEX "metric_values_year_idx" ON "metric_values" USING btree ("year");--> statement-breakpoint
CREATE INDEX "metric_values_updated_at_idx" ON "metric_values" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "value_revisions_value_idx" ON "value_revisions" USING btree ("value_id","id");--> statement-breakpoint
CREATE INDEX "value_revisions_changed_at_idx" ON "value_revisions" USING btree ("changed_at");