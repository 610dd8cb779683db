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
ALTER TABLE "sign_in_attempts" ALTER COLUMN "ip" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "locked_metric_labels" ADD CONSTRAINT "locked_metric_labels_year_reporting_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."reporting_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locked_metric_labels" ADD CONSTRAINT "locked_metric_labels_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."metrics"("id") ON DELETE no action ON UPDATE no action;