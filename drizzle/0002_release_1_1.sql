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
CREATE TABLE "locked_metric_labels" (
	"year" integer NOT NULL,
	"metric_id" integer NOT NULL,
	"label" text NOT NULL,
	"unit" text NOT NULL,
	"section_key" text NOT NULL,
	"section_title" text NOT NULL,
	CONSTRAINT "locked_metric_labels_year_metric_id_pk" PRIMARY KEY("year","metric_id"),
	CONSTRAINT "locked_metric_labels_unit_check" CHECK ("locked_metric_labels"."unit" in ('count', 'percent', 'usd', 'km', 'km2', 'm2'))
);
--> statement-breakpoint
CREATE TABLE "block_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"block_id" integer NOT NULL,
	"year" integer NOT NULL,
	"action" text NOT NULL,
	"kind" text NOT NULL,
	"section_key" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"attributes" jsonb NOT NULL,
	"version" integer NOT NULL,
	"changed_by" integer,
	"attribution" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "number_ties" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"block_id" integer,
	"quote_id" integer,
	"metric_id" integer,
	"written" text NOT NULL,
	"written_value" double precision NOT NULL,
	"hedge" text,
	"offset" integer NOT NULL,
	"by_hand" boolean DEFAULT false NOT NULL,
	"not_figure" boolean DEFAULT false NOT NULL,
	CONSTRAINT "number_ties_owner_check" CHECK (("number_ties"."block_id" is null) <> ("number_ties"."quote_id" is null)),
	CONSTRAINT "number_ties_hedge_check" CHECK ("number_ties"."hedge" is null or "number_ties"."hedge" in ('over', 'about'))
);
--> statement-breakpoint
CREATE TABLE "text_blocks" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"section_key" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_blocks_kind_check" CHECK ("text_blocks"."kind" in ('heading', 'paragraph', 'list_item', 'caption', 'operation'))
);
--> statement-breakpoint
ALTER TABLE "reporting_years" DROP CONSTRAINT "reporting_years_status_check";--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ALTER COLUMN "ip" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "warn_min" double precision;--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "warn_max" double precision;--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "warn_change_pct" double precision;--> statement-breakpoint
ALTER TABLE "quote_revisions" ADD COLUMN "attribution" text;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "sign_off" jsonb;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "metric_values" ADD COLUMN "wording" text;--> statement-breakpoint
ALTER TABLE "metric_values" ADD COLUMN "source_producer" text;--> statement-breakpoint
ALTER TABLE "metric_values" ADD COLUMN "source_title" text;--> statement-breakpoint
ALTER TABLE "metric_values" ADD COLUMN "source_url" text;--> statement-breakpoint
ALTER TABLE "metric_values" ADD COLUMN "source_published" text;--> statement-breakpoint
ALTER TABLE "metric_values" ADD COLUMN "source_accessed" text;--> statement-breakpoint
ALTER TABLE "metric_values" ADD COLUMN "source_phrase" text;--> statement-breakpoint
ALTER TABLE "value_revisions" ADD COLUMN "wording" text;--> statement-breakpoint
ALTER TABLE "value_revisions" ADD COLUMN "source_producer" text;--> statement-breakpoint
ALTER TABLE "value_revisions" ADD COLUMN "source_title" text;--> statement-breakpoint
ALTER TABLE "value_revisions" ADD COLUMN "source_url" text;--> statement-breakpoint
ALTER TABLE "value_revisions" ADD COLUMN "source_published" text;--> statement-breakpoint
ALTER TABLE "value_revisions" ADD COLUMN "source_accessed" text;--> statement-breakpoint
ALTER TABLE "value_revisions" ADD COLUMN "source_phrase" text;--> statement-breakpoint
ALTER TABLE "value_revisions" ADD COLUMN "attribution" text;--> statement-breakpoint
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
ALTER TABLE "locked_metric_labels" ADD CONSTRAINT "locked_metric_labels_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locked_metric_labels" ADD CONSTRAINT "locked_metric_labels_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."metrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "block_revisions" ADD CONSTRAINT "block_revisions_block_id_text_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."text_blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "block_revisions" ADD CONSTRAINT "block_revisions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_ties" ADD CONSTRAINT "number_ties_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_ties" ADD CONSTRAINT "number_ties_block_id_text_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."text_blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_ties" ADD CONSTRAINT "number_ties_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_ties" ADD CONSTRAINT "number_ties_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."metrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_blocks" ADD CONSTRAINT "text_blocks_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_blocks" ADD CONSTRAINT "text_blocks_section_key_sections_key_fk" FOREIGN KEY ("section_key") REFERENCES "public"."sections"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_blocks" ADD CONSTRAINT "text_blocks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "value_comments_year_metric_idx" ON "value_comments" USING btree ("year","metric_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_breaks_metric_year_idx" ON "metric_breaks" USING btree ("metric_id","year");--> statement-breakpoint
CREATE INDEX "block_revisions_block_idx" ON "block_revisions" USING btree ("block_id","id");--> statement-breakpoint
CREATE INDEX "number_ties_year_idx" ON "number_ties" USING btree ("year");--> statement-breakpoint
CREATE INDEX "number_ties_block_idx" ON "number_ties" USING btree ("block_id");--> statement-breakpoint
CREATE INDEX "number_ties_quote_idx" ON "number_ties" USING btree ("quote_id");--> statement-breakpoint
CREATE INDEX "text_blocks_year_idx" ON "text_blocks" USING btree ("year","section_key","position");--> statement-breakpoint
ALTER TABLE "reporting_years" ADD CONSTRAINT "reporting_years_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD CONSTRAINT "reporting_years_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD CONSTRAINT "reporting_years_status_check" CHECK ("reporting_years"."status" in ('open', 'in_review', 'locked'));