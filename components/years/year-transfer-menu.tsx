import Link from "next/link";
import { currentActor } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import type { YearStatus } from "@/lib/domain";

/**
 * The year's downloads and the pages around them: export, import (editors of an open year),
 * snapshots and the printable fact sheet. Plain links: downloads are GETs of the API with
 * the session cookie, so they work without JavaScript.
 */
export async function YearTransferMenu({ year, status }: { year: number; status: YearStatus }) {
  const actor = await currentActor();
  const mayImport = actor !== null && can(actor.role, "values:write") && status !== "locked";
  const download = (format: string) => `/api/v1/years/${year}/export?format=${format}`;
  return (
    <nav aria-label={`Export and snapshots of ${year}`} className="flex flex-wrap items-center gap-2 text-sm print:hidden">
      <span className="font-medium text-gray-700" id={`export-${year}`}>
        Export
      </span>
      <ul aria-labelledby={`export-${year}`} className="flex gap-1">
        <li>
          <a className="btn-secondary px-2 py-1" href={download("csv")} download>
            CSV
          </a>
        </li>
        <li>
          <a className="btn-secondary px-2 py-1" href={download("xlsx")} download>
            Excel
          </a>
        </li>
        <li>
          <a className="btn-secondary px-2 py-1" href={download("json")} download>
            JSON
          </a>
        </li>
      </ul>
      {mayImport ? (
        <Link className="btn-secondary px-2 py-1" href={`/years/${year}/import`}>
          Import…
        </Link>
      ) : null}
      <Link className="btn-secondary px-2 py-1" href={`/years/${year}/snapshots`}>
        Snapshots
      </Link>
      <Link className="btn-secondary px-2 py-1" href={`/years/${year}/print`}>
        Fact sheet
      </Link>
    </nav>
  );
}
