/**
 * How a draft looks in Word, whichever view is written: UN numbering as text ("12." and "(a)" on a
 * hanging indent, so the numbers are the draft's own and not Word's list counters), headings, the
 * symbol and revision in the header, the draft's language, and right-to-left paragraphs for Arabic.
 */
import {
  AlignmentType,
  Document,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import { ProposalDecisionKind } from "../../../schemas/records";
import { assertNever } from "../../../shared/assertNever";
import type { ExportDraft, ExportMark, ExportMeta, ExportProposal } from "../../../shared/export/exportModel";
import { proposalStanding } from "../../../shared/export/proposalWords";
import { TextDirection, textDirection } from "../../../shared/textDirection";
import type { DocxParts } from "./DocxParts";
import { proposalWho, whatItProposes } from "./docxWords";

/** Twips per step of indentation (1 cm): where a paragraph's text starts after its number. */
const INDENT_STEP = 567;

/** Word's heading styles, by level. */
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** What every paragraph and run of one document needs to know about its text. */
export interface DocxText {
  rtl: boolean;
}

/** The text settings of `draft` (an export, a redline), from its language. */
export function docxTextOf(draft: { meta: Pick<ExportMeta, "language"> }): DocxText {
  return { rtl: textDirection(draft.meta.language) === TextDirection.rtl };
}

/** Characters XML 1.0 forbids: the C0 controls but tab, line feed and return, and U+FFFE/U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * People's words as a document may hold them. docx drops most control characters itself but writes
 * U+FFFE and U+FFFF, and one such character typed into a proposal would make the file unreadable to Word.
 */
export function documentText(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Run options for words with the chair's emphasis. */
export function runOptions(text: string, marks: readonly ExportMark[], layout: DocxText): IRunOptions {
  return { text: documentText(text), italics: marks.includes("em") || undefined, bold: marks.includes("strong") || undefined, rightToLeft: layout.rtl || undefined };
}

/** A run of plain words. */
export function wordsRun(text: string, layout: DocxText, marks: readonly ExportMark[] = []): TextRun {
  return new TextRun(runOptions(text, marks, layout));
}

/** The text of a number as it starts its paragraph: "12." then a tab to the hanging indent; "(a)" likewise. */
export function numberText(label: string, numbered: boolean): string {
  return numbered ? `${label}.\t` : `${label}\t`;
}

/** A proposal listed in words (the compilation, orphaned proposals): who in bold, then what, then where it stands in italics (rejected, withdrawn…). */
export function proposalChildren(proposal: ExportProposal, quote: string | null, layout: DocxText): TextRun[] {
  const children = [wordsRun(proposalWho(proposal), layout, ["strong"]), wordsRun(`: ${whatItProposes(proposal, quote)}`, layout)];
  const open = !proposal.withdrawn && (proposal.decision === null || proposal.decision === ProposalDecisionKind.reopened);
  if (!open) children.push(wordsRun(` (${proposalStanding(proposal)})`, layout, ["em"]));
  return children;
}

/** How a block is set: a heading of a level, a numbered paragraph, a sub-item of a level, or plain text. */
export type BlockShape =
  | { type: "heading"; level: number }
  | { type: "numbered" }
  | { type: "subitem"; level: number }
  | { type: "plain" }
  | { type: "note" };

function shapeOptions(shape: BlockShape): IParagraphOptions {
  switch (shape.type) {
    case "heading":
      return { heading: HEADINGS[Math.min(Math.max(shape.level, 1), HEADINGS.length) - 1], keepNext: true };
    case "numbered":
      return { indent: { left: INDENT_STEP, hanging: INDENT_STEP }, alignment: AlignmentType.BOTH };
    case "subitem":
      return { indent: { left: INDENT_STEP * (shape.level + 1), hanging: INDENT_STEP }, alignment: AlignmentType.BOTH };
    case "plain":
      return { alignment: AlignmentType.BOTH };
    case "note":
      return { indent: { left: INDENT_STEP * 2 } };
    default:
      return assertNever(shape);
  }
}

/**
 * A paragraph of `shape`. In a right-to-left draft it is bidirectional, and its indents mirror:
 * Word reads `w:left` as the leading edge of a right-to-left paragraph.
 */
export function blockParagraph(shape: BlockShape, children: ParagraphChild[], layout: DocxText, extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ ...shapeOptions(shape), spacing: { after: 120 }, bidirectional: layout.rtl || undefined, ...extra, children });
}

/** The header of every page: the document symbol, and under it the revision. */
function header(meta: ExportMeta, layout: DocxText): Header {
  const lines = [meta.symbol, meta.revision].filter((line): line is string => !!line);
  return new Header({
    children: lines.map((line) => new Paragraph({ alignment: AlignmentType.END, bidirectional: layout.rtl || undefined, children: [wordsRun(line, layout)] })),
  });
}

/** The draft's title, first in the body. */
export function titleParagraph(title: string, layout: DocxText): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    bidirectional: layout.rtl || undefined,
    spacing: { after: 240 },
    children: [wordsRun(title, layout, ["strong"])],
  });
}

/** What `packDocx` wraps into a file. */
export interface DocxContent {
  /** The front matter: the title, the symbol and revision of the header, the language. */
  meta: ExportMeta;
  /** What the file is, in its properties ("clean text, exported …"). */
  description: string;
  parts: DocxParts;
  body: Paragraph[];
  /** Whether Word keeps tracking the reader's own changes (the bracketed view). */
  trackRevisions: boolean;
}

/** The description of an export in its file's properties. */
export function exportDescription(draft: ExportDraft): string {
  return `${draft.view} text, exported ${draft.exportedAt}`;
}

/** The .docx file of `content`: styles in the draft's language, the header, footnotes and comments. */
export async function packDocx({ meta, description, parts, body, trackRevisions }: DocxContent): Promise<Buffer> {
  const layout = docxTextOf({ meta });
  const language = meta.language || "en";
  const document = new Document({
    title: meta.title,
    subject: meta.symbol ?? undefined,
    creator: "Concord",
    description,
    features: { trackRevisions },
    styles: {
      default: {
        document: {
          run: { font: "Times New Roman", size: 24, language: layout.rtl ? { value: language, bidirectional: language } : { value: language } },
        },
      },
    },
    footnotes: parts.footnotes,
    comments: { children: parts.comments },
    sections: [{ headers: { default: header(meta, layout) }, children: body }],
  });
  return Packer.toBuffer(document);
}
