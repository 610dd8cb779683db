import { readComparison } from "@/db/queries/compare";
import { toCompareBody } from "@/server/api/compare-body";
import { apiRoute } from "@/server/api/route";
import { compareToCsv } from "@/lib/compare/compare";
import { AppError } from "@/lib/errors";
import { compareQuery } from "@/lib/validation/compare";

export const GET = apiRoute({ permission: "read", query: compareQuery }, async ({ db, query }) => {
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
});
