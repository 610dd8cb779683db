import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical";
import type { YearContentData } from "@/lib/snapshot/content";
import type { YearStatus } from "@/lib/domain";
import type { ExportMeta, ExportSnapshotRef } from "./model";

const EXPORT_JSON_FORMAT = "report-desk/export@1";

/**
 * The JSON download, documented in docs/export-format.md. `content` is the canonical year
 * content a snapshot hashes, so `contentSha256` equals a snapshot's `sha256` exactly when
 * the figures and quotes are the same as when the snapshot was taken.
 */
export function buildExportJson(
  input: {
    content: Omit<YearContentData, "format"> & { format: string };
    status: YearStatus;
    latestSnapshot: ExportSnapshotRef | null;
    fromSnapshot: ExportSnapshotRef | null;
  },
  meta: ExportMeta,
) {
  const snapshotRef = (s: ExportSnapshotRef | null) => (s ? { id: s.id, sha256: s.sha256, createdAt: s.createdAt.toISOString() } : null);
  return {
    format: EXPORT_JSON_FORMAT,
    year: input.content.year,
    status: input.status,
    exportedAt: meta.exportedAt.toISOString(),
    exportedBy: meta.exportedBy,
    source: input.fromSnapshot ? { kind: "snapshot" as const, snapshot: snapshotRef(input.fromSnapshot) } : { kind: "live" as const },
    latestSnapshot: snapshotRef(input.latestSnapshot),
    contentSha256: sha256Hex(canonicalJson(input.content)),
    content: input.content,
  };
}
