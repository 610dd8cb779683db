-- Custom SQL migration file, put your code below! ---- Tokens made before expiry existed get the default 90 days from now, not "never".
UPDATE "api_tokens" SET "expires_at" = now() + interval '90 days' WHERE "revoked_at" IS NULL AND "expires_at" IS NULL;--> statement-breakpoint
-- Years locked before labels were kept keep the labels they show today from now on.
INSERT INTO "locked_metric_labels" ("year", "metric_id", "label", "unit", "section_key", "section_title")
SELECT y."year", m."id", m."label", m."unit", m."section_key", s."title"
FROM "reporting_years" y
CROSS JOIN "metrics" m
JOIN "sections" s ON s."key" = m."section_key"
WHERE y."status" = 'locked'
  AND (NOT m."archived" OR EXISTS (SELECT 1 FROM "metric_values" v WHERE v."metric_id" = m."id" AND v."year" = y."year"))
ON CONFLICT DO NOTHING;
