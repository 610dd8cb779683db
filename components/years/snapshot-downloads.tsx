/** Downloads of one snapshot, built on the server from its frozen content. */
export function SnapshotDownloads({ id }: { id: number }) {
  const href = (format: string) => `/api/v1/snapshots/${id}/export?format=${format}`;
  return (
    <span className="inline-flex gap-1">
      {(["csv", "xlsx", "json"] as const).map((format) => (
        <a
          key={format}
          href={href(format)}
          download
          className="btn-secondary px-2 py-0.5 text-xs"
          aria-label={`Download snapshot ${id} as ${format.toUpperCase()}`}
        >
          {format === "xlsx" ? "Excel" : format.toUpperCase()}
        </a>
      ))}
    </span>
  );
}
