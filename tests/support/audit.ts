import { desc } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { OpenedDatabase } from "@/db/connect";

export function listAudit(db: OpenedDatabase["db"]) {
  return db.select().from(auditLog).orderBy(desc(auditLog.id));
}
