import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import { listMetrics } from "@/db/queries/catalog";
import { listUsers } from "@/db/queries/users";
import { AuditTable } from "@/components/audit/audit-table";
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS } from "@/lib/audit/actions";
import { requirePermission } from "@/server/auth/page-access";
import { requirePageActor } from "@/server/auth/page-guard";
import { auditQuery, type AuditQuery } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(filters: Omit<AuditQuery, "before" | "after">, cursor: { before?: number; after?: number }) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...cursor })) if (value !== undefined) params.set(name, String(value));
  const query = params.toString();
  return query ? `/audit?${query}` : "/audit";
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePageActor("/audit");
  requirePermission(actor, "audit:read");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditQuery.safeParse(raw);
  const query: AuditQuery = parsed.success ? parsed.data : {};
  const { before, after, ...filters } = query;
  const db = await getDb();
  const [page, people, metrics] = await Promise.all([listAuditEntries(db, filters, { before, after }), listUsers(db), listMetrics(db)]);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-gray-600">
          Sign-ins, saves, locks, user and metric changes: newest first, 50 to a page. Entries can never be changed or removed.
        </p>
      </div>
      <form method="get" action="/audit" className="card grid gap-4 p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" aria-label="Filter the audit log">
        <div>
          <label htmlFor="person" className="field-label">
            Person
          </label>
          <select id="person" name="person" defaultValue={filters.person ?? ""} className="field-input">
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="year" className="field-label">
            Year
          </label>
          <input
            id="year"
            name="year"
            type="number"
            inputMode="numeric"
            min={1945}
            max={2100}
            defaultValue={filters.year ?? ""}
            placeholder="Any"
            className="field-input"
          />
        </div>
        <div>
          <label htmlFor="metric" className="field-label">
            Metric
          </label>
          <select id="metric" name="metric" defaultValue={filters.metric ?? ""} className="field-input">
            <option value="">Any</option>
            {metrics.map((m) => (
              <option key={m.key} value={m.key}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="action" className="field-label">
            Action
          </label>
          <select id="action" name="action" defaultValue={filters.action ?? ""} className="field-input">
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <button type="submit" className="btn-primary flex-1">
            Filter
          </button>
          {filtered ? (
            <Link href="/audit" className="btn-secondary flex-1">
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {!parsed.success ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          The filter could not be read ({parsed.error.issues[0]?.path.join(".")}: {parsed.error.issues[0]?.message}); showing the whole log instead.
        </p>
      ) : null}
      {page.entries.length === 0 ? (
        <p className="card p-6 text-sm text-gray-600">{filtered ? "No entries match these filters." : "No entries on this page."}</p>
      ) : (
        <AuditTable entries={page.entries} />
      )}
      <nav aria-label="Audit log pages" className="flex justify-between gap-2">
        {page.newer !== null ? (
          <Link href={pageHref(filters, { after: page.newer })} className="btn-secondary" rel="prev">
            ← Newer
          </Link>
        ) : (
          <span />
        )}
        {page.older !== null ? (
          <Link href={pageHref(filters, { before: page.older })} className="btn-secondary" rel="next">
            Older →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
