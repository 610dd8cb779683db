"use client";

import { useId, useLayoutEffect, useRef, useState } from "react";

export type FigureChoice = { key: string; label: string; printed: string };

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  figures: FigureChoice[];
  rows?: number;
  invalid?: boolean;
  describedBy?: string;
};

const MAX_SHOWN = 8;

/** The `{{key` being typed just before the caret, if any: where it starts and what is typed so far. */
function typedKey(text: string, caret: number): { start: number; query: string } | null {
  const m = /\{\{([a-z0-9_]*)$/i.exec(text.slice(0, caret));
  return m ? { start: m.index, query: m[1]!.toLowerCase() } : null;
}

/**
 * A text area in which typing `{{` offers the year's metrics (an ARIA 1.2 combobox with a
 * list box): arrows move, Enter or Tab picks, Escape closes. A pick writes `{{metric_key}}`,
 * which the block renders as the figure printed.
 */
export function FigureTextInput({ id, value, onChange, figures, rows = 4, invalid, describedBy }: Props) {
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [typed, setTyped] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  // Where the caret goes once a pick has re-rendered the text. Set in a layout effect, not a
  // later frame: a key typed right after the pick must land after the inserted figure.
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterPick.current;
    if (at === null || !area.current) return;
    caretAfterPick.current = null;
    area.current.focus();
    area.current.setSelectionRange(at, at);
  });
  const matches = typed
    ? figures.filter((f) => f.key.includes(typed.query) || f.label.toLowerCase().includes(typed.query.replace(/_/g, " "))).slice(0, MAX_SHOWN)
    : [];
  const open = matches.length > 0;

  function update(text: string, caret: number) {
    onChange(text);
    setTyped(typedKey(text, caret));
    setActive(0);
  }

  function pick(choice: FigureChoice) {
    const el = area.current;
    if (!el || !typed) return;
    const caret = el.selectionStart;
    const rest = value.slice(caret).replace(/^[a-z0-9_]*\}\}/i, "");
    const inserted = `{{${choice.key}}}`;
    const next = value.slice(0, typed.start) + inserted + rest;
    caretAfterPick.current = typed.start + inserted.length;
    onChange(next);
    setTyped(null);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      pick(matches[active] ?? matches[0]!);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setTyped(null);
    }
  }

  return (
    <div className="relative">
      <textarea
        ref={area}
        id={id}
        rows={rows}
        className="field-input font-mono text-sm"
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => update(e.target.value, e.target.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setTyped(null)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Figures of the year"
        hidden={!open}
        className="absolute left-0 right-0 z-10 mt-1 max-h-64 overflow-auto rounded-md border border-gray-300 bg-white shadow-lg"
      >
        {matches.map((f, i) => (
          <li
            key={f.key}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-blue-50 text-blue-900" : "text-gray-800"}`}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(f);
            }}
          >
            <span className="font-medium">{f.label}</span> <span className="tabular-nums text-gray-700">{f.printed}</span>{" "}
            <code className="text-xs text-gray-600">{f.key}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
