"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import type { z } from "zod";
import { formatPlain, formatValue } from "@/lib/numbers/format";
import { importErrorBody, importResultBody } from "@/lib/validation/api";
import { IMPORT_MAX_BYTES } from "@/lib/validation/import";

type Result = z.infer<typeof importResultBody>;
type Change = NonNullable<Result["changes"]>[number];
type RowError = { row: number; column: string; message: string };

type State =
  | { step: "idle" }
  | { step: "sending"; what: "check" | "apply"; progress: number | null }
  | { step: "preview"; changes: Change[]; unchanged: number }
  | { step: "errors"; message: string; rows: RowError[] }
  | { step: "done"; imported: number; unchanged: number };

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// Long lists are cut: a 10,000-row preview would make the page unusable, the counts say the rest.
const SHOWN = 300;

/**
 * Upload → check (dry run: every change old → new, or every error by row and column) →
 * apply. Sent with XMLHttpRequest for its upload progress on large files; the server checks
 * everything again on apply, in one transaction.
 */
export function ImportForm({ year }: { year: number }) {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const busy = state.step === "sending";

  function choose(f: File | null) {
    setFile(f);
    if (f && f.size > IMPORT_MAX_BYTES) {
      setState({ step: "errors", message: `“${f.name}” is larger than 5 MB: split it into smaller files.`, rows: [] });
    } else {
      setState({ step: "idle" });
    }
  }

  function send(dryRun: boolean) {
    if (!file) return;
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ filename: file.name, ...(dryRun ? { dryRun: "1" } : {}) });
    xhr.open("POST", `/api/v1/years/${year}/import?${query.toString()}`);
    const isXlsx = /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE;
    xhr.setRequestHeader("Content-Type", isXlsx ? XLSX_TYPE : "text/csv");
    xhr.responseType = "json";
    setState({ step: "sending", what: dryRun ? "check" : "apply", progress: 0 });
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setState({ step: "sending", what: dryRun ? "check" : "apply", progress: e.loaded / e.total });
    };
    xhr.upload.onload = () => setState({ step: "sending", what: dryRun ? "check" : "apply", progress: null });
    xhr.onerror = () => setState({ step: "errors", message: "The upload failed: check your connection and try again.", rows: [] });
    xhr.onload = () => {
      if (xhr.status === 200) {
        const ok = importResultBody.safeParse(xhr.response);
        if (!ok.success) {
          setState({ step: "errors", message: "The server's answer was not understood; try again.", rows: [] });
        } else if (dryRun) {
          setState({ step: "preview", changes: ok.data.changes ?? [], unchanged: ok.data.unchanged });
        } else {
          setState({ step: "done", imported: ok.data.imported, unchanged: ok.data.unchanged });
          router.refresh();
        }
        return;
      }
      const failed = importErrorBody.safeParse(xhr.response);
      const message = failed.success ? failed.data.error.message : `The server refused the file (status ${xhr.status}).`;
      setState({ step: "errors", message, rows: failed.success ? (failed.data.rows ?? []) : [] });
    };
    xhr.send(file);
  }

  function reset() {
    setFile(null);
    if (fileRef.current) fileRef.current.value = "";
    setState({ step: "idle" });
  }

  return (
    <div className="space-y-6">
      <form
        className="card space-y-4 p-4"
        onSubmit={(e) => {
          e.preventDefault();
          send(true);
        }}
      >
        <div>
          <label htmlFor={inputId} className="field-label">
            File (CSV or Excel)
          </label>
          <input
            ref={fileRef}
            id={inputId}
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={hintId}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-blue-50 file:px-3 file:py-2 file:text-blue-800"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            disabled={busy}
          />
          <p id={hintId} className="mt-1 text-xs text-gray-600">
            Columns <code>metric_key</code> and <code>value</code> are required; <code>qualifier</code>, <code>note</code> and <code>source</code> are optional.
            At most 5 MB and 20,000 rows. An exported file can be imported as it is.
          </p>
        </div>
        <button type="submit" className="btn-primary" disabled={!file || busy || (file !== null && file.size > IMPORT_MAX_BYTES)}>
          Check file
        </button>
      </form>

      <div aria-live="polite">
        {state.step === "sending" ? <Progress what={state.what} progress={state.progress} /> : null}
        {state.step === "errors" ? <Errors message={state.message} rows={state.rows} /> : null}
        {state.step === "preview" ? (
          <Preview changes={state.changes} unchanged={state.unchanged} fileName={file?.name ?? ""} onApply={() => send(false)} onCancel={reset} />
        ) : null}
        {state.step === "done" ? (
          <div role="status" className="card border-green-300 bg-green-50 p-4">
            <p className="font-medium text-green-900">
              Imported {formatPlain(state.imported, "count")} value{state.imported === 1 ? "" : "s"}
              {state.unchanged > 0 ? ` (${formatPlain(state.unchanged, "count")} unchanged rows skipped)` : ""}.
            </p>
            <p className="mt-2 flex gap-3 text-sm">
              <Link href={`/years/${year}`} className="text-blue-700 underline">
                See the {year} figures
              </Link>
              <button type="button" className="text-blue-700 underline" onClick={reset}>
                Import another file
              </button>
            </p>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function Progress({ what, progress }: { what: "check" | "apply"; progress: number | null }) {
  const label = progress === null ? (what === "check" ? "Checking the file…" : "Applying…") : `Uploading… ${Math.round(progress * 100)}%`;
  return (
    <div role="status" className="card p-4">
      <p className="text-sm text-gray-700">{label}</p>
      <progress className="mt-2 w-full" max={1} value={progress ?? undefined} aria-label={label} />
    </div>
  );
}

function Errors({ message, rows }: { message: string; rows: RowError[] }) {
  return (
    <div role="alert" className="card border-red-300 p-4">
      <p className="font-medium text-red-800">{message}</p>
      {rows.length > 0 ? (
        <>
          <p className="mt-1 text-sm text-gray-700">Fix the file, choose it again and check it once more. Rows count from the header (row 1).</p>
          <div className="mt-3 overflow-x-auto">
            <table className="min-w-full divide-y divide-gray-200 text-sm">
              <caption className="sr-only">Problems by row and column</caption>
              <thead className="bg-gray-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Row
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Column
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {rows.slice(0, SHOWN).map((r, i) => (
                  <tr key={`${r.row}-${r.column}-${i}`}>
                    <td className="px-3 py-2 tabular-nums">{r.row}</td>
                    <td className="px-3 py-2 font-mono text-xs">{r.column || "—"}</td>
                    <td className="px-3 py-2">{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > SHOWN ? <p className="mt-2 text-sm text-gray-600">…and {formatPlain(rows.length - SHOWN, "count")} more.</p> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

const show = (f: Change["to"] | null, unit: Change["unit"]) =>
  f === null || f.value === null ? "—" : formatValue(f.value, unit, f.qualifier, { compact: false });

function Preview({
  changes,
  unchanged,
  fileName,
  onApply,
  onCancel,
}: {
  changes: Change[];
  unchanged: number;
  fileName: string;
  onApply: () => void;
  onCancel: () => void;
}) {
  if (changes.length === 0) {
    return (
      <div role="status" className="card p-4">
        <p className="font-medium">The file has no errors and changes nothing: all {formatPlain(unchanged, "count")} rows match the year already.</p>
        <button type="button" className="btn-secondary mt-3" onClick={onCancel}>
          Choose another file
        </button>
      </div>
    );
  }
  return (
    <div className="card p-4">
      <h2 className="text-lg font-semibold">
        {formatPlain(changes.length, "count")} change{changes.length === 1 ? "" : "s"} to apply
      </h2>
      <p className="mt-1 text-sm text-gray-700">
        The file has no errors. {unchanged > 0 ? `${formatPlain(unchanged, "count")} unchanged rows will be skipped. ` : ""}
        Each change is saved with the reason “import: {fileName}”.
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">Changes the import will make, old to new</caption>
          <thead className="bg-gray-50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Row
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Figure
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Now
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                After import
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Note and source
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {changes.slice(0, SHOWN).map((c) => (
              <tr key={c.metricKey} data-metric={c.metricKey}>
                <td className="px-3 py-2 tabular-nums">{c.row}</td>
                <td className="px-3 py-2">
                  {c.label} <span className="block font-mono text-xs text-gray-500">{c.metricKey}</span>
                </td>
                <td className="px-3 py-2 tabular-nums text-gray-600">{show(c.from, c.unit)}</td>
                <td className="px-3 py-2 font-medium tabular-nums">{show(c.to, c.unit)}</td>
                <td className="px-3 py-2 text-xs text-gray-700">
                  <TextChange name="Note" from={c.from?.note ?? null} to={c.to.note} />
                  <TextChange name="Source" from={c.from?.source ?? null} to={c.to.source} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {changes.length > SHOWN ? <p className="mt-2 text-sm text-gray-600">…and {formatPlain(changes.length - SHOWN, "count")} more.</p> : null}
      </div>
      <div className="mt-4 flex gap-3">
        <button type="button" className="btn-primary" onClick={onApply}>
          Apply {formatPlain(changes.length, "count")} change{changes.length === 1 ? "" : "s"}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function TextChange({ name, from, to }: { name: string; from: string | null; to: string | null }) {
  if (from === to) return null;
  return (
    <p className="break-words">
      <span className="font-medium">{name}:</span> {from === null ? <em>none</em> : <del className="text-gray-500">{from}</del>} →{" "}
      {to === null ? <em>none</em> : to}
    </p>
  );
}
