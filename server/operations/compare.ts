import "server-only";
import { readComparison } from "@/db/queries/compare";
import { loadBrief } from "@/db/queries/brief";
import { fileSchema } from "@/lib/api/openapi";
import { briefToDocx } from "@/lib/brief/docx";
import { briefToMarkdown } from "@/lib/brief/markdown";
import { compareToCsv } from "@/lib/compare/compare";
import { AppError } from "@/lib/errors";
import { compareBody } from "@/lib/validation/api";
import { briefQuery, compareQuery } from "@/lib/validation/compare";
import { toCompareBody } from "@/server/api/compare-body";
import { defineOperation } from "@/server/operation";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Two years side by side, and the brief of what changed between editions. */
export const compare = {
  years: defineOperation({
    method: "GET",
    path: "/api/v1/compare",
    summary:
      "Two years side by side: per metric `from`, `to`, `delta`, `deltaPct` (null where `from` is null or 0), and the quotes added, removed and changed (word by word). `format=csv` downloads the metric table as CSV instead.",
    permission: "read",
    query: compareQuery,
    response: compareBody,
    errors: [400, 404],
    handler: async ({ db, query }) => {
      const { missingYears, comparison } = await readComparison(db, query.from, query.to);
      if (!comparison) throw new AppError("not_found", `There is no reporting year ${missingYears.join(" or ")}`);
      if (query.format === "csv") {
        return new Response(compareToCsv(comparison.rows, comparison.from, comparison.to), {
          headers: {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": `attachment; filename="compare-${comparison.from}-${comparison.to}.csv"`,
            "Cache-Control": "no-store",
          },
        });
      }
      return toCompareBody(comparison);
    },
  }),

  brief: defineOperation({
    method: "GET",
    path: "/api/v1/compare/brief",
    summary:
      "“Changes since the last edition” from `from` to `to`, as Markdown (`format=md`, the default) or Word (`format=docx`): every figure that changed (old → new, change, wording, series break, source), figures that appeared or disappeared, quotes added, removed and changed (word by word), and the unresolved checks of `to`. A download.",
    permission: "read",
    query: briefQuery,
    response: fileSchema,
    responseTypes: ["text/markdown", DOCX_TYPE],
    errors: [400, 404],
    handler: async ({ db, query }) => {
      const { missingYears, brief } = await loadBrief(db, query.from, query.to);
      if (!brief) throw new AppError("not_found", `There is no reporting year ${missingYears.join(" or ")}`);
      const filename = `changes-${query.from}-${query.to}.${query.format}`;
      const headers = { "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" };
      if (query.format === "docx") return new Response(new Uint8Array(await briefToDocx(brief)), { headers: { ...headers, "Content-Type": DOCX_TYPE } });
      return new Response(briefToMarkdown(brief), { headers: { ...headers, "Content-Type": "text/markdown; charset=utf-8" } });
    },
  }),
};
