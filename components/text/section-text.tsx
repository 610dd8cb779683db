"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteBlockAction, updateBlockAction } from "@/server/actions/text";
import { reach } from "@/components/ui/reach";
import type { BlockKind } from "@/lib/domain";
import { BlockForm, KIND_LABELS, type EditableBlock } from "./block-form";
import { BlockHistory } from "./block-history";
import type { FigureChoice } from "./figure-text-input";
import { RenderedText } from "./rendered-text";
import { WrittenNumbers, type NumberItem } from "./written-numbers";

type TextBlockItem = EditableBlock & { position: number; rendered: string; numbers: NumberItem[] };

type Props = { year: number; section: { key: string; title: string }; blocks: TextBlockItem[]; figures: FigureChoice[]; editable: boolean };

/** One section of the chapter: its blocks as printed, and for an editor writing, moving and deleting them. */
export function SectionText({ year, section, blocks, figures, editable }: Props) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const done = (message?: string) => {
    setAdding(false);
    if (message) {
      setNotice(message);
      router.refresh();
    }
  };

  return (
    <section aria-labelledby="section-text-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="section-text-heading" className="text-lg font-semibold">
          {section.title}
        </h2>
        {editable ? (
          <button type="button" className="btn-primary" onClick={() => setAdding(true)} disabled={adding}>
            Add a block
          </button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="text-sm text-green-800">
        {notice}
      </p>
      {blocks.length === 0 ? (
        <p className="card p-4 text-sm text-gray-700">
          No text in this section yet.{editable ? " Add a block to start writing it: a heading, a paragraph, a caption…" : ""}
        </p>
      ) : (
        <ol className="space-y-3">
          {blocks.map((b, i) => (
            <BlockCard
              key={`${b.id}-${b.version}`}
              year={year}
              section={section.key}
              block={b}
              first={i === 0}
              last={i === blocks.length - 1}
              figures={figures}
              editable={editable}
              onNotice={setNotice}
            />
          ))}
        </ol>
      )}
      {adding ? <BlockForm year={year} section={section.key} figures={figures} onDone={done} /> : null}
    </section>
  );
}

const KIND_STYLE: Record<BlockKind, string> = {
  heading: "text-base font-semibold text-gray-900",
  paragraph: "text-gray-900",
  list_item: "text-gray-900 before:mr-2 before:content-['•']",
  caption: "italic text-gray-800",
  operation: "text-gray-900",
};

function BlockCard({
  year,
  section,
  block,
  first,
  last,
  figures,
  editable,
  onNotice,
}: {
  year: number;
  section: string;
  block: TextBlockItem;
  first: boolean;
  last: boolean;
  figures: FigureChoice[];
  editable: boolean;
  onNotice: (message: string) => void;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failing = block.numbers.filter((n) => n.status === "tied" && n.states === false);
  const name = `${KIND_LABELS[block.kind].toLowerCase()} ${block.position}`;

  async function run(action: () => Promise<{ ok: boolean; message?: string }>, message: string) {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      onNotice(message);
      router.refresh();
    } else {
      setError(result.message ?? "That did not work");
    }
  }

  if (editing) {
    return (
      <li>
        <BlockForm
          year={year}
          section={section}
          figures={figures}
          block={block}
          onDone={(message) => {
            setEditing(false);
            if (message) {
              onNotice(message);
              router.refresh();
            }
          }}
        />
      </li>
    );
  }

  return (
    <li id={`block-${block.id}`} className={`card p-4 ${failing.length > 0 ? "border-red-300 ring-1 ring-red-200" : ""}`} data-block={block.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="text-xs font-medium uppercase tracking-wide text-gray-600">
          {KIND_LABELS[block.kind]} · {block.position}
          {failing.length > 0 ? <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 normal-case text-red-800">Check the numbers</span> : null}
        </p>
        {editable ? (
          <div className="flex flex-wrap gap-1">
            <button
              type="button"
              className="btn-secondary px-2.5 py-1 text-xs"
              aria-label={`Move ${name} up`}
              disabled={first || busy}
              onClick={() =>
                void run(
                  () => reach(updateBlockAction({ params: { id: block.id }, body: { position: block.position - 1, version: block.version } })),
                  "Block moved up",
                )
              }
            >
              Move up
            </button>
            <button
              type="button"
              className="btn-secondary px-2.5 py-1 text-xs"
              aria-label={`Move ${name} down`}
              disabled={last || busy}
              onClick={() =>
                void run(
                  () => reach(updateBlockAction({ params: { id: block.id }, body: { position: block.position + 1, version: block.version } })),
                  "Block moved down",
                )
              }
            >
              Move down
            </button>
            <button type="button" className="btn-secondary px-2.5 py-1 text-xs" aria-label={`Edit ${name}`} onClick={() => setEditing(true)}>
              Edit
            </button>
            <button
              type="button"
              className="btn-secondary px-2.5 py-1 text-xs text-red-800"
              aria-label={`Delete ${name}`}
              disabled={busy}
              onClick={() => void run(() => reach(deleteBlockAction({ params: { id: block.id }, body: { version: block.version } })), "Block deleted")}
            >
              Delete
            </button>
          </div>
        ) : null}
      </div>
      <div className={`mt-2 whitespace-pre-wrap ${KIND_STYLE[block.kind]}`}>
        {block.kind === "operation" ? (
          <>
            <strong>{block.attributes.acronym}</strong> {block.attributes.name}
            {block.attributes.type ? <span className="text-gray-700"> ({block.attributes.type})</span> : null}
            {block.rendered ? (
              <>
                {" "}
                · <RenderedText text={block.rendered} />
              </>
            ) : null}
            {block.attributes.note ? <span className="block text-sm text-gray-700">{block.attributes.note}</span> : null}
          </>
        ) : (
          <RenderedText text={block.rendered} />
        )}
      </div>
      {block.kind === "caption" && (block.attributes.place || block.attributes.credit) ? (
        <p className="mt-1 text-sm text-gray-700">
          ({[block.attributes.place, block.attributes.date].filter(Boolean).join("; ")}) {block.attributes.credit ? `© ${block.attributes.credit}` : ""}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <WrittenNumbers ownerId={`block-${block.id}`} numbers={block.numbers} figures={figures} editable={editable} />
      <BlockHistory blockId={block.id} />
    </li>
  );
}
