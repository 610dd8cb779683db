"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { copyQuotesAction, createQuoteAction, deleteQuoteAction, earlierQuotesAction, updateQuoteAction } from "@/server/actions/quotes";
import type { QuoteResult } from "@/db/commands/quotes";
import { speakerKey } from "@/lib/speakers";
import { quoteFieldsSchema } from "@/lib/validation/quote";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Modal } from "@/components/ui/modal";
import { QuoteHistory } from "./quote-history";
import { useUnsavedChanges } from "./unsaved-changes";
import { reach } from "@/components/ui/reach";
import { ReadStatus } from "@/components/ui/read-status";
import { SUPERSEDED, useNewestRead } from "@/components/ui/newest-read";

type EditableQuote = { id: number; speaker: string; title: string; section: string; text: string; version: number };
type Section = { key: string; title: string };

type Earlier = { years: { year: number; quotes: EditableQuote[] }[]; recurringSpeakers: string[] };

type Props = {
  year: number;
  sections: Section[];
  quotes: EditableQuote[];
  /** Whether an earlier year has quotes to copy; the dialog reads them when it opens. */
  canCopy: boolean;
  /** The section the page shows, when it shows one: a new quote starts under it, and the list holds its quotes only. */
  shownSection: string | null;
};

/** Quotes of an open year: add, edit, delete, and copy recurring speakers from any earlier year. */
export function QuoteEditor({ year, sections, quotes, canCopy, shownSection }: Props) {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const titleOf = new Map(sections.map((s) => [s.key, s.title]));

  return (
    <div className="mt-3 space-y-4">
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-primary" onClick={() => setAdding(true)} disabled={adding}>
          Add a quote
        </button>
        {canCopy ? <CopyQuotes year={year} titleOf={titleOf} onCopied={setNotice} /> : null}
      </div>
      <p role="status" aria-live="polite" className="text-sm text-green-800">
        {notice}
      </p>
      {adding ? (
        <QuoteForm
          year={year}
          sections={sections}
          shownSection={shownSection}
          onDone={(message) => {
            setAdding(false);
            if (message) setNotice(message);
          }}
        />
      ) : null}
      {quotes.length === 0 ? (
        <p className="text-sm text-gray-600">{shownSection ? "No quotes under this section yet." : "No quotes for this year yet."}</p>
      ) : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {quotes.map((quote) => (
          <QuoteItem
            key={`${quote.id}-${quote.version}`}
            year={year}
            quote={quote}
            sections={sections}
            shownSection={shownSection}
            titleOf={titleOf}
            onNotice={setNotice}
          />
        ))}
      </ul>
    </div>
  );
}

function QuoteItem({
  year,
  quote,
  sections,
  shownSection,
  titleOf,
  onNotice,
}: {
  year: number;
  quote: EditableQuote;
  sections: Section[];
  shownSection: string | null;
  titleOf: Map<string, string>;
  onNotice: (message: string) => void;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    const result = await reach(deleteQuoteAction({ params: { id: quote.id }, body: { version: quote.version } }));
    setBusy(false);
    setConfirmDelete(false);
    if (!result.ok) {
      setError(
        result.code === "conflict" ? "Someone else changed this quote since you loaded it: it was not deleted. Their version is shown now." : result.message,
      );
      router.refresh();
      return;
    }
    onNotice(`Deleted the quote by ${quote.speaker}`);
    router.refresh();
  }

  if (editing) {
    return (
      <li className="md:col-span-2">
        <QuoteForm
          year={year}
          sections={sections}
          quote={quote}
          shownSection={shownSection}
          onDone={(message) => {
            setEditing(false);
            if (message) onNotice(message);
          }}
        />
      </li>
    );
  }
  return (
    <li className="card scroll-mt-20 p-5" data-quote-id={quote.id} id={`quote-${quote.id}`}>
      <figure>
        {/* Text, never HTML: React escapes it, so markup typed into a quote shows as typed. */}
        <blockquote className="whitespace-pre-line text-gray-900">“{quote.text}”</blockquote>
        <figcaption className="mt-3 text-sm">
          <span className="font-semibold">{quote.speaker}</span>
          {quote.title ? <span className="text-gray-600">, {quote.title}</span> : null}
          <span className="mt-1 block text-xs text-gray-500">{titleOf.get(quote.section) ?? quote.section}</span>
        </figcaption>
      </figure>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-3 flex gap-2">
        <button type="button" className="btn-secondary px-2.5 py-1.5 text-xs" onClick={() => setEditing(true)}>
          Edit<span className="sr-only"> the quote by {quote.speaker}</span>
        </button>
        <button type="button" className="btn-secondary px-2.5 py-1.5 text-xs text-red-800" onClick={() => setConfirmDelete(true)}>
          Delete<span className="sr-only"> the quote by {quote.speaker}</span>
        </button>
        <QuoteHistory quoteId={quote.id} speaker={quote.speaker} sectionTitles={Object.fromEntries(titleOf)} />
      </div>
      <Modal
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={`Delete the quote by ${quote.speaker}?`}
        description="It leaves this year; its history is kept."
      >
        <DialogActions
          onCancel={() => setConfirmDelete(false)}
          label="Delete quote"
          busyLabel="Deleting…"
          busy={busy}
          tone="danger"
          onConfirm={() => void remove()}
        />
      </Modal>
    </li>
  );
}

type Fields = z.input<typeof quoteFieldsSchema>;

function QuoteForm({
  year,
  sections,
  quote,
  shownSection = null,
  onDone,
}: {
  year: number;
  sections: Section[];
  quote?: EditableQuote;
  shownSection?: string | null;
  onDone: (message?: string) => void;
}) {
  const router = useRouter();
  const [version, setVersion] = useState(quote?.version);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<Fields, unknown, z.output<typeof quoteFieldsSchema>>({
    resolver: zodResolver(quoteFieldsSchema),
    defaultValues: quote
      ? { speaker: quote.speaker, title: quote.title, section: quote.section, text: quote.text }
      : { speaker: "", title: "", section: shownSection ?? sections[0]?.key ?? "", text: "" },
  });
  const prefix = quote ? `quote-${quote.id}` : "quote-new";
  useUnsavedChanges(`quote:${prefix}`, isDirty);

  const onSubmit = handleSubmit(async (fields) => {
    setError(null);
    const result = quote
      ? await reach(updateQuoteAction({ params: { id: quote.id }, body: { ...fields, version } }))
      : await reach(createQuoteAction({ params: { year }, body: fields }));
    if (!result.ok) {
      const current = result.extra?.current as QuoteResult | undefined;
      if (result.code === "conflict" && current) {
        // Their version replaces the form; the editor re-applies their change knowingly.
        setVersion(current.version);
        reset({ speaker: current.speaker, title: current.title, section: current.section, text: current.text });
        setError("Someone else changed this quote since you loaded it. Their version is now in the form: make your change again and save.");
        return;
      }
      applyFieldErrors(result.fieldErrors, setFieldError);
      setError(result.message);
      return;
    }
    // On a page of one section, a quote put under another is listed there, not here: say where it went.
    const elsewhere = shownSection !== null && fields.section !== shownSection ? sections.find((s) => s.key === fields.section) : undefined;
    const done = quote ? `Saved the quote by ${fields.speaker}` : `Added a quote by ${fields.speaker}`;
    onDone(elsewhere ? `${done}, under ${elsewhere.title}: it is listed with that section` : done);
    router.refresh();
  });

  const field = (name: keyof Fields, label: string, control: React.ReactNode) => (
    <div>
      <label htmlFor={`${prefix}-${name}`} className="field-label">
        {label}
      </label>
      {control}
      {errors[name] ? (
        <p id={`${prefix}-${name}-error`} className="field-error">
          {errors[name]?.message}
        </p>
      ) : null}
    </div>
  );
  const a11y = (name: keyof Fields) => ({
    id: `${prefix}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${prefix}-${name}-error` : undefined,
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-3 p-4" aria-label={quote ? `Edit the quote by ${quote.speaker}` : "New quote"}>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        {field("speaker", "Speaker", <input type="text" className="field-input" {...a11y("speaker")} {...register("speaker")} />)}
        {field("title", "Title", <input type="text" className="field-input" {...a11y("title")} {...register("title")} />)}
        {field(
          "section",
          "Section",
          <select className="field-input" {...a11y("section")} {...register("section")}>
            {sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title}
              </option>
            ))}
          </select>,
        )}
      </div>
      {field("text", "Text", <textarea rows={4} className="field-input" {...a11y("text")} {...register("text")} />)}
      <DialogActions onCancel={() => onDone()} label={quote ? "Save quote" : "Add quote"} busyLabel="Saving…" busy={isSubmitting} />
    </form>
  );
}

function CopyQuotes({ year, titleOf, onCopied }: { year: number; titleOf: Map<string, string>; onCopied: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [earlier, setEarlier] = useState<Earlier | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const newest = useNewestRead();

  async function show() {
    setOpen(true);
    setLoadError(null);
    setEarlier(null);
    // Read afresh at every opening: another editor may have added quotes to an earlier year meanwhile.
    const result = await newest(reach(earlierQuotesAction({ params: { year } })));
    if (result === SUPERSEDED) return;
    if (!result.ok) setLoadError(result.message);
    else if (!result.data) setLoadError("No earlier year has quotes any more.");
    else setEarlier(result.data);
  }

  return (
    <>
      <button type="button" className="btn-secondary" onClick={() => void show()}>
        Copy quotes from an earlier year
      </button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title="Copy quotes from an earlier year"
        description={`Each picked quote is added to ${year} as a new quote you can then edit. Speakers quoted in more than one earlier edition are picked to begin with.`}
      >
        {earlier && !loadError ? (
          <CopyQuotesPicker year={year} earlier={earlier} titleOf={titleOf} onClose={() => setOpen(false)} onCopied={onCopied} />
        ) : (
          <ReadStatus loading={earlier === null} error={loadError} loadingText="Loading the quotes of earlier years…" />
        )}
      </Modal>
    </>
  );
}

function CopyQuotesPicker({
  year,
  earlier,
  titleOf,
  onClose,
  onCopied,
}: {
  year: number;
  earlier: Earlier;
  titleOf: Map<string, string>;
  onClose: () => void;
  onCopied: (message: string) => void;
}) {
  const router = useRouter();
  const [fromYear, setFromYear] = useState(earlier.years[0]!.year);
  const from = earlier.years.find((y) => y.year === fromYear) ?? earlier.years[0]!;
  // Speakers quoted in several editions are the ones a new edition usually quotes again.
  const recurringOf = (quotes: EditableQuote[]) => new Set(quotes.filter((q) => earlier.recurringSpeakers.includes(speakerKey(q.speaker))).map((q) => q.id));
  const [picked, setPicked] = useState<Set<number>>(() => recurringOf(from.quotes));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function chooseYear(next: number) {
    setFromYear(next);
    setPicked(recurringOf(earlier.years.find((y) => y.year === next)?.quotes ?? []));
  }

  function toggle(id: number) {
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function copy() {
    setBusy(true);
    setError(null);
    const result = await reach(copyQuotesAction({ params: { year }, body: { ids: [...picked] } }));
    setBusy(false);
    if (!result.ok) {
      setError(result.fieldErrors?.ids ?? result.message);
      return;
    }
    onClose();
    onCopied(`Copied ${result.data.length} quote${result.data.length === 1 ? "" : "s"} from ${from.year}`);
    router.refresh();
  }

  return (
    <>
      <label className="block text-sm font-medium" htmlFor="copy-quotes-year">
        Copy from
      </label>
      <select id="copy-quotes-year" className="mt-1 w-56 max-w-full" value={from.year} onChange={(e) => chooseYear(Number(e.target.value))}>
        {earlier.years.map((y) => (
          <option key={y.year} value={y.year}>
            {y.year} ({y.quotes.length} quote{y.quotes.length === 1 ? "" : "s"})
          </option>
        ))}
      </select>
      <fieldset className="mt-4">
        <legend className="sr-only">Quotes of {from.year}</legend>
        <ul className="space-y-2">
          {from.quotes.map((q) => (
            <li key={q.id}>
              <label className="flex gap-3 rounded-md border border-gray-200 p-3 text-sm">
                <input type="checkbox" className="mt-1" checked={picked.has(q.id)} onChange={() => toggle(q.id)} />
                <span>
                  <span className="font-medium">{q.speaker}</span>
                  {q.title ? <span className="text-gray-600">, {q.title}</span> : null}
                  <span className="block text-xs text-gray-500">{titleOf.get(q.section) ?? q.section}</span>
                  <span className="mt-1 line-clamp-2 block whitespace-pre-line text-gray-800">“{q.text}”</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <DialogActions
        className="mt-4"
        onCancel={onClose}
        label={`Copy ${picked.size} quote${picked.size === 1 ? "" : "s"}`}
        busyLabel="Copying…"
        busy={busy}
        disabled={picked.size === 0}
        onConfirm={() => void copy()}
      />
    </>
  );
}
