/**
 * The chapter as a Word document, with the docx package: section by section its headings,
 * paragraphs (live figures already printed), lists, captions with credits, operations, the
 * figures as printed and the quotes with speaker and title. Built from a year's canonical
 * content (db/queries/year-content.ts), so a snapshot's document is the frozen chapter.
 * A year that is not locked says "Draft" and lists the figures it still lacks.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from "docx";
import type { YearStatus } from "@/lib/domain";
import { printFigure } from "@/lib/numbers/printed";
import type { YearContentData } from "@/lib/snapshot/content";

type Block = NonNullable<YearContentData["blocks"]>[number];

export type ChapterInput = {
  content: YearContentData;
  status: YearStatus;
  sections: { key: string; title: string }[];
  title: string;
};

/** `**bold**` marks the report's emphasised phrases; everything else is plain text. */
function runsOf(text: string, style: { italics?: boolean } = {}): ParagraphChild[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter((part) => part !== "")
    .map((part) =>
      part.startsWith("**") && part.endsWith("**") ? new TextRun({ text: part.slice(2, -2), bold: true, ...style }) : new TextRun({ text: part, ...style }),
    );
}

const OPERATION_TYPES: Record<string, string> = {
  peacekeeping: "peacekeeping operation",
  "special political mission": "special political mission",
  special_political_mission: "special political mission",
  office: "office",
};

function blockParagraphs(b: Block): Paragraph[] {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: b.attributes.level === "3" ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, children: runsOf(b.rendered) })];
    case "list_item":
      return [new Paragraph({ bullet: { level: 0 }, children: runsOf(b.rendered) })];
    case "caption": {
      const where = [b.attributes.place, b.attributes.date].filter(Boolean).join("; ");
      const credit = [where ? `(${where})` : "", b.attributes.credit ? `© ${b.attributes.credit}` : ""].filter(Boolean).join(" ");
      return [
        new Paragraph({
          children: [...runsOf(b.rendered, { italics: true }), ...(credit ? [new TextRun({ text: ` ${credit}`, italics: true, size: 18 })] : [])],
        }),
      ];
    }
    case "operation": {
      const type = b.attributes.type ? ` (${OPERATION_TYPES[b.attributes.type] ?? b.attributes.type})` : "";
      const note = [b.rendered, b.attributes.note].filter(Boolean).join(" ");
      return [
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun({ text: b.attributes.acronym ?? "", bold: true }),
            new TextRun(` — ${b.attributes.name ?? ""}${type}${note ? `. ${note}` : ""}`),
          ],
        }),
      ];
    }
    case "paragraph":
      return [new Paragraph({ children: runsOf(b.rendered), style: b.attributes.role === "footnote" || b.attributes.role === "note" ? "Note" : undefined })];
  }
}

function sectionParagraphs(input: ChapterInput, section: { key: string; title: string }): Paragraph[] {
  const blocks = (input.content.blocks ?? []).filter((b) => b.section === section.key).sort((a, b) => a.position - b.position);
  const figures = input.content.values.filter((v) => v.section === section.key && v.value !== null);
  const quotes = input.content.quotes.filter((q) => q.section === section.key);
  if (blocks.length === 0 && figures.length === 0 && quotes.length === 0) return [];
  const out: Paragraph[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.title })];
  const operations = blocks.filter((b) => b.kind === "operation");
  for (const b of blocks.filter((x) => x.kind !== "operation")) out.push(...blockParagraphs(b));
  if (operations.length > 0) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: "Operations" }));
    for (const b of operations) out.push(...blockParagraphs(b));
  }
  if (figures.length > 0) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: "Figures" }));
    for (const v of figures) {
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun({ text: printFigure({ value: v.value, unit: v.unit, qualifier: v.qualifier, wording: v.wording }), bold: true }),
            new TextRun(` ${v.label}`),
          ],
        }),
      );
    }
  }
  for (const q of quotes) {
    out.push(new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: `“${q.text}”`, italics: true })] }));
    out.push(
      new Paragraph({
        indent: { left: 720 },
        alignment: AlignmentType.LEFT,
        children: [new TextRun({ text: `— ${q.speaker}${q.title ? `, ${q.title}` : ""}` })],
      }),
    );
  }
  return out;
}

/** The figures a draft still lacks, by label, so the document says what is missing instead of leaving it out. */
function draftNotice(input: ChapterInput): Paragraph[] {
  if (input.status === "locked") return [];
  const missing = input.content.values.filter((v) => v.value === null);
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, text: "Draft" }),
    new Paragraph({
      text: `This edition is not signed off yet (status: ${input.status.replace("_", " ")}). ${missing.length === 0 ? "Every figure has a value." : `${missing.length} figures have no value yet:`}`,
    }),
    ...missing.map((v) => new Paragraph({ bullet: { level: 0 }, text: `${v.label} (${v.metricKey})` })),
  ];
}

export async function buildChapterDocx(input: ChapterInput): Promise<Uint8Array> {
  const doc = new Document({
    creator: "Report Desk",
    title: `${input.title} ${input.content.year}`,
    styles: { paragraphStyles: [{ id: "Note", name: "Note", basedOn: "Normal", run: { size: 18, italics: true } }] },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: input.title }),
          new Paragraph({ text: `${input.content.year} edition` }),
          ...draftNotice(input),
          ...input.sections.flatMap((s) => sectionParagraphs(input, s)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
