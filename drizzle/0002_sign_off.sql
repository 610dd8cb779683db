CREATE TABLE "value_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"metric_id" integer NOT NULL,
	"text" text NOT NULL,
	"author_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" integer
);
--> statement-breakpoint
CREATE TABLE "metric_breaks" (
	"id" serial PRIMARY KEY NOT NULL,
	"metric_id" integer NOT NULL,
	"year" integer NOT NULL,
	"note" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "validation_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"expression" text NOT NULL,
	"severity" text NOT NULL,
	"message" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "validation_rules_key_unique" UNIQUE("key"),
	CONSTRAINT "validation_rules_severity_check" CHECK ("validation_rules"."severity" in ('error', 'warning')),
	CONSTRAINT "validation_rules_key_check" CHECK ("validation_rules"."key" ~ '^[a-z0-9][a-z0-9_-]{0,63}$')
);
--> statement-breakpoint
ALTER TABLE "reporting_years" DROP CONSTRAINT "reporting_years_status_check";--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "warn_min" double precision;--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "warn_max" double precision;--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "warn_change_pct" double precision;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "sign_off" jsonb;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD COLUMN "submitted_by" integer;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD COLUMN "return_message" text;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD COLUMN "returned_by" integer;--> statement-breakpoint
ALTER TABLE "value_comments" ADD CONSTRAINT "value_comments_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_comments" ADD CONSTRAINT "value_comments_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."metrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_comments" ADD CONSTRAINT "value_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_comments" ADD CONSTRAINT "value_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_breaks" ADD CONSTRAINT "metric_breaks_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."metrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_breaks" ADD CONSTRAINT "metric_breaks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_rules" ADD CONSTRAINT "validation_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_rules" ADD CONSTRAINT "validation_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "value_comments_year_metric_idx" ON "value_comments" USING btree ("year","metric_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_breaks_metric_year_idx" ON "metric_breaks" USING btree ("metric_id","year");--> statement-breakpoint
ALTER TABLE "reporting_years" ADD CONSTRAINT "reporting_years_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD CONSTRAINT "reporting_years_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD CONSTRAINT "reporting_years_status_check" CHECK ("reporting_years"."status" in ('open', 'in_review', 'locked'));