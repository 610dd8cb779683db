import type { Brief, BriefLine } from "./model";

// Text from people (quotes, sources, notes) must not turn into Markdown structure or HTML.
const escape = (text: string) => text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, "\\$1").replace(/\r?\n/g, " ");

function line(l: BriefLine): string {
  const label = l.label ? `${escape(l.label)}: ` : "";
  if ("text" in l) return `${label}${escape(l.text)}`;
  // Removed words struck through, added ones in bold: readable in any Markdown viewer, and as plain text.
  const mark = (value: string, marker: string) => `${marker}${escape(value.trim())}${marker}${/\s$/.test(value) ? " " : ""}`;
  return (
    label +
    l.diff
      .map((p, i) => {
        if (!p.added && !p.removed) return escape(p.value);
        // A replaced word is "~~old~~ **new**": keep the two apart.
        const apart = p.removed && l.diff[i + 1]?.added && !/\s$/.test(p.value) ? " " : "";
        return mark(p.value, p.removed ? "~~" : "**") + apart;
      })
      .join("")
  );
}

export function briefToMarkdown(brief: Brief): string {
  const out: string[] = [`# ${escape(brief.title)}`, "", escape(brief.summary), ""];
  for (const section of brief.sections) {
    out.push(`## ${escape(section.heading)}`, "");
    if (section.entries.length === 0) out.push(escape(section.empty), "");
    for (const entry of section.entries) {
      out.push(`- **${escape(entry.title)}**`);
      for (const l of entry.lines) out.push(`  - ${line(l)}`);
    }
    if (section.entries.length > 0) out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
