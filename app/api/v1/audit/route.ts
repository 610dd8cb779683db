import { listAuditEntries } from "@/db/queries/audit";
import { apiRoute } from "@/server/api/route";
import { toAuditEntryBody } from "@/server/api/serialize";
import { auditQuery } from "@/lib/validation/audit";

export const GET = apiRoute({ permission: "audit:read", query: auditQuery }, async ({ db, query }) => {
  const { before, after, ...filters } = query;
  const page = await listAuditEntries(db, filters, { before, after });
  return { entries: page.entries.map(toAuditEntryBody), older: page.older, newer: page.newer };
});
