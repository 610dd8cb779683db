import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { Brief, BriefLine } from "./model";

function runs(l: BriefLine): TextRun[] {
  const label = l.label ? [new TextRun({ text: `${l.label}: `, bold: true })] : [];
  if ("text" in l) return [...label, new TextRun(l.text)];
  return [...label, ...l.diff.map((p) => new TextRun({ text: p.value, strike: p.removed, bold: p.added, underline: p.added ? {} : undefined }))];
}

/** The brief as a Word document: the same sections, entries and lines as the Markdown. */
export async function briefToDocx(brief: Brief): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: brief.title, heading: HeadingLevel.TITLE }), new Paragraph(brief.summary)];
  for (const section of brief.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    if (section.entries.length === 0) children.push(new Paragraph(section.empty));
    for (const entry of section.entries) {
      children.push(new Paragraph({ children: [new TextRun({ text: entry.title, bold: true })], bullet: { level: 0 } }));
      for (const l of entry.lines) children.push(new Paragraph({ children: runs(l), bullet: { level: 1 } }));
    }
  }
  const doc = new Document({ creator: "Report Desk", title: brief.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
