import { loadBrief } from "@/db/queries/brief";
import { apiRoute } from "@/server/api/route";
import { briefToDocx } from "@/lib/brief/docx";
import { briefToMarkdown } from "@/lib/brief/markdown";
import { AppError } from "@/lib/errors";
import { briefQuery } from "@/lib/validation/compare";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const GET = apiRoute({ permission: "read", query: briefQuery }, async ({ db, query }) => {
  const { missingYears, brief } = await loadBrief(db, query.from, query.to);
  if (!brief) throw new AppError("not_found", `There is no reporting year ${missingYears.join(" or ")}`);
  const filename = `changes-${query.from}-${query.to}.${query.format}`;
  const headers = { "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" };
  if (query.format === "docx") return new Response(new Uint8Array(await briefToDocx(brief)), { headers: { ...headers, "Content-Type": DOCX_TYPE } });
  return new Response(briefToMarkdown(brief), { headers: { ...headers, "Content-Type": "text/markdown; charset=utf-8" } });
});
