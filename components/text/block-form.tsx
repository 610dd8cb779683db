"use client";

import { useState } from "react";
import { createBlockAction, updateBlockAction } from "@/server/actions/text";
import { BLOCK_KINDS, type BlockKind } from "@/lib/domain";
import { BLOCK_ATTRIBUTES, OPERATION_TYPES, createBlockSchema } from "@/lib/validation/block";
import { zodFieldErrors } from "@/lib/validation/value";
import { DialogActions } from "@/components/ui/dialog-actions";
import { FigureTextInput, type FigureChoice } from "./figure-text-input";
import { reach } from "@/components/ui/reach";

export const KIND_LABELS: Record<BlockKind, string> = {
  heading: "Heading",
  paragraph: "Paragraph",
  list_item: "List item",
  caption: "Photo caption",
  operation: "Operation",
};

const ATTRIBUTE_LABELS: Record<string, string> = {
  level: "Heading level",
  role: "Role (note, footnote)",
  list: "List",
  place: "Place",
  date: "Date",
  credit: "Credit",
  acronym: "Acronym",
  name: "Name",
  type: "Type",
  note: "Note",
};

export type EditableBlock = { id: number; kind: BlockKind; text: string; attributes: Record<string, string>; version: number };

type Props = {
  year: number;
  section: string;
  figures: FigureChoice[];
  block?: EditableBlock;
  onDone: (message?: string) => void;
};

/** Adds or changes one block. Checked with the API's own schema before it is sent; the server checks again. */
export function BlockForm({ year, section, figures, block, onDone }: Props) {
  const prefix = block ? `block-${block.id}` : "new-block";
  const [kind, setKind] = useState<BlockKind>(block?.kind ?? "paragraph");
  const [text, setText] = useState(block?.text ?? "");
  const [attributes, setAttributes] = useState<Record<string, string>>(block?.attributes ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const kept = Object.fromEntries(Object.entries(attributes).filter(([k, v]) => BLOCK_ATTRIBUTES[kind].includes(k) && v.trim() !== ""));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const checked = createBlockSchema.safeParse({ kind, section, text, attributes: kept });
    if (!checked.success) {
      setErrors(zodFieldErrors(checked.error));
      setMessage("Some fields are not valid");
      return;
    }
    setBusy(true);
    const result = block
      ? await reach(updateBlockAction({ params: { id: block.id }, body: { kind, text, attributes: kept, version: block.version } }))
      : await reach(createBlockAction({ params: { year }, body: { kind, section, text, attributes: kept } }));
    setBusy(false);
    if (result.ok) {
      onDone(block ? "Block saved" : "Block added");
      return;
    }
    setErrors(result.fieldErrors ?? {});
    setMessage(result.code === "conflict" ? "Someone else changed this block since you opened it: cancel to see their version." : result.message);
  }

  const attributeError = (key: string) => errors[`attributes.${key}`];
  return (
    <form onSubmit={submit} noValidate className="card space-y-3 p-4" aria-label={block ? `Edit the ${KIND_LABELS[block.kind].toLowerCase()}` : "New block"}>
      {message ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <div>
        <label htmlFor={`${prefix}-kind`} className="field-label">
          Kind
        </label>
        <select id={`${prefix}-kind`} className="field-input sm:max-w-xs" value={kind} onChange={(e) => setKind(e.target.value as BlockKind)}>
          {BLOCK_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${prefix}-text`} className="field-label">
          Text
        </label>
        <p id={`${prefix}-text-hint`} className="text-xs text-gray-600">
          Type {"{{"} to insert a live figure of {year}; **two stars** around words print them in bold.
        </p>
        <FigureTextInput
          id={`${prefix}-text`}
          value={text}
          onChange={setText}
          figures={figures}
          invalid={Boolean(errors.text)}
          describedBy={errors.text ? `${prefix}-text-hint ${prefix}-text-error` : `${prefix}-text-hint`}
        />
        {errors.text ? (
          <p id={`${prefix}-text-error`} className="field-error">
            {errors.text}
          </p>
        ) : null}
      </div>
      {BLOCK_ATTRIBUTES[kind].length > 0 ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {BLOCK_ATTRIBUTES[kind].map((key) => (
            <div key={key}>
              <label htmlFor={`${prefix}-${key}`} className="field-label">
                {ATTRIBUTE_LABELS[key] ?? key}
              </label>
              {key === "type" ? (
                <select
                  id={`${prefix}-${key}`}
                  className="field-input"
                  value={attributes[key] ?? ""}
                  onChange={(e) => setAttributes({ ...attributes, [key]: e.target.value })}
                >
                  <option value="">Not said</option>
                  {OPERATION_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${prefix}-${key}`}
                  type="text"
                  className="field-input"
                  value={attributes[key] ?? ""}
                  aria-invalid={attributeError(key) ? true : undefined}
                  aria-describedby={attributeError(key) ? `${prefix}-${key}-error` : undefined}
                  onChange={(e) => setAttributes({ ...attributes, [key]: e.target.value })}
                />
              )}
              {attributeError(key) ? (
                <p id={`${prefix}-${key}-error`} className="field-error">
                  {attributeError(key)}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      <DialogActions onCancel={() => onDone()} label={block ? "Save block" : "Add block"} busyLabel="Saving…" busy={busy} />
    </form>
  );
}
