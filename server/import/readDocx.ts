/**
 * Word (.docx) import through mammoth. Mammoth reads the package and hands us its document tree
 * (paragraphs with their style and list numbering, runs with bold and italic, footnote references
 * and the notes themselves) through `transformDocument`; this module turns that tree into the
 * importer's blocks. Mammoth's HTML is never used.
 */
import type { Node as PMNode, Mark } from "prosemirror-model";
import { BlockType, MAX_HEADING_LEVEL, MAX_SUBITEM_LEVEL, schema } from "../../shared/schema";
import type { DraftBlock } from "./assembleDraft";
import { importRefusals } from "./ImportRefusal";
import { readLineMarker } from "./listMarkers";
import { readListFormats, type ListFormat } from "./wordNumbering";

/** Mammoth's document tree, as far as the importer reads it (mammoth ships no types for it). */
interface WordElement {
  type: string;
  children?: WordElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  isBold?: boolean;
  isItalic?: boolean;
  noteType?: string;
  noteId?: string;
  body?: WordElement[];
  notes?: { resolve: (reference: WordElement) => WordElement | null };
}

/** A paragraph of the Word file, with what the importer needs to decide its kind. */
export interface WordParagraph {
  /** Heading level from the paragraph style (Title and Heading 1 → 1), or null. */
  headingLevel: number | null;
  /** In Word's Title style. */
  isTitle: boolean;
  /** List level (0 is the outermost) and whether the list is numbered or lettered, or null. */
  list: { level: number; format: ListFormat } | null;
  inline: PMNode[];
}

const HEADING_STYLE = /^(?:heading\s*(\d)|title)$/i;
const HEADING_STYLE_ID = /^(?:heading(\d)|title)$/i;

/** Reads the paragraphs of a Word file in order, refusing a file mammoth cannot read. */
export async function readWordParagraphs(bytes: Buffer): Promise<WordParagraph[]> {
  let tree: WordElement | null = null;
  // Mammoth (with its XML and zip readers) is loaded by the first Word file, not by every process.
  const { default: mammoth } = await import("mammoth");
  try {
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        // Images are neither read nor encoded: a draft has none.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
        transformDocument: (element: WordElement) => {
          tree = element;
          return { ...element, children: [] };
        },
      },
    );
  } catch (error) {
    throw importRefusals.unreadableWord(error instanceof Error ? error.message : String(error));
  }
  if (tree === null) throw importRefusals.unreadableWord("no document");
  const document: WordElement = tree;
  const paragraphs: WordElement[] = [];
  collectParagraphs(document.children ?? [], paragraphs);
  const formats = matchingFormats(paragraphs, readListFormats(bytes));
  let numbered = 0;
  return paragraphs.map((paragraph) => {
    let list: WordParagraph["list"] = null;
    if (paragraph.numbering) {
      const level = listLevel(paragraph.numbering);
      list = { level, format: formats?.[numbered] ?? (paragraph.numbering.isOrdered ? defaultFormat(level) : "bullet") };
      numbered++;
    }
    return {
      headingLevel: headingLevel(paragraph),
      isTitle: /^title$/i.test(paragraph.styleName ?? paragraph.styleId ?? ""),
      list,
      inline: inlineOf(paragraph.children ?? [], [], document),
    };
  });
}

function listLevel(numbering: NonNullable<WordElement["numbering"]>): number {
  return Number(numbering.level) || 0;
}

/**
 * The formats read from the XML, when they line up with mammoth's list paragraphs one for one and
 * level for level; otherwise (numbering through paragraph styles, tracked changes) null, and each
 * level takes the usual UN format: 1., (a), (i).
 */
function matchingFormats(
  paragraphs: readonly WordElement[],
  read: ReadonlyArray<{ level: number; format: ListFormat }> | null,
): ListFormat[] | null {
  const listed = paragraphs.filter((paragraph) => paragraph.numbering);
  if (read === null || read.length !== listed.length) return null;
  const aligned = listed.every((paragraph, i) => listLevel(paragraph.numbering!) === read[i]!.level);
  return aligned ? read.map((entry) => entry.format) : null;
}

/** The importer's blocks for the paragraphs of a Word file. */
export function wordBlocks(paragraphs: readonly WordParagraph[]): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  paragraphs.forEach((paragraph, at) => {
    const text = paragraph.inline.map((node) => (node.isText ? node.text : "")).join("");
    if (text.trim() === "" && !paragraph.inline.some((node) => node.type.name === "footnote")) return;
    const block = (type: BlockType, level: number, source: DraftBlock["source"], inline = paragraph.inline): void => {
      blocks.push({ type, level, text: text.trim(), at, source, inline, isTitle: paragraph.isTitle || undefined });
    };
    if (paragraph.headingLevel !== null) {
      block(BlockType.heading, Math.min(paragraph.headingLevel, MAX_HEADING_LEVEL), { kind: "heading", level: paragraph.headingLevel, lines: [text] });
      return;
    }
    if (paragraph.list !== null) {
      const { level, format } = paragraph.list;
      if (format === "decimal" && level === 0) {
        block(BlockType.paragraph, 1, { kind: "numbered", marker: "", lines: [text] });
      } else {
        const itemLevel = format === "roman" ? 2 : Math.min(Math.max(level, 1), MAX_SUBITEM_LEVEL);
        // Not an "item" source: Word says its level, so the guessing for typed labels stays out.
        block(BlockType.subitem, itemLevel, { kind: "prose", lines: [text] });
      }
      return;
    }
    // People also number by typing "1." or "(a)" themselves.
    const marker = readLineMarker(text.trim(), 0);
    if (marker === null) {
      block(BlockType.paragraph, 1, { kind: "prose", lines: [text] });
      return;
    }
    const inline = dropLeadingText(paragraph.inline, text.length - text.trimStart().length + text.trim().length - marker.rest.length);
    if (marker.kind === "numbered") block(BlockType.paragraph, 1, { kind: "numbered", marker: marker.marker, lines: [marker.rest] }, inline);
    else block(BlockType.subitem, 1, { kind: "item", label: marker.label, indent: 0, lines: [marker.rest] }, inline);
  });
  return blocks;
}

function defaultFormat(level: number): ListFormat {
  return level === 0 ? "decimal" : level === 1 ? "letter" : "roman";
}

function headingLevel(paragraph: WordElement): number | null {
  const match = HEADING_STYLE.exec(paragraph.styleName ?? "") ?? HEADING_STYLE_ID.exec(paragraph.styleId ?? "");
  if (!match) return null;
  return match[1] ? Math.max(1, Number(match[1])) : 1;
}

function collectParagraphs(elements: readonly WordElement[], out: WordElement[]): void {
  for (const element of elements) {
    if (element.type === "paragraph") out.push(element);
    else if (element.children) collectParagraphs(element.children, out);
  }
}

function inlineOf(elements: readonly WordElement[], marks: readonly Mark[], document: WordElement): PMNode[] {
  const nodes: PMNode[] = [];
  for (const element of elements) {
    switch (element.type) {
      case "text":
        if (element.value) nodes.push(schema.text(element.value, marks));
        break;
      case "tab":
      case "break":
        nodes.push(schema.text(" ", marks));
        break;
      case "run": {
        let runMarks = marks;
        if (element.isBold) runMarks = schema.marks.strong!.create().addToSet(runMarks);
        if (element.isItalic) runMarks = schema.marks.em!.create().addToSet(runMarks);
        nodes.push(...inlineOf(element.children ?? [], runMarks, document));
        break;
      }
      case "noteReference": {
        const note = document.notes?.resolve(element) ?? null;
        const text = note ? noteText(note.body ?? []) : "";
        nodes.push(schema.nodes.footnote.create(null, text ? schema.text(text) : null));
        break;
      }
      default:
        if (element.children) nodes.push(...inlineOf(element.children, marks, document));
    }
  }
  return mergeText(nodes);
}

function noteText(body: readonly WordElement[]): string {
  const parts: string[] = [];
  const walk = (elements: readonly WordElement[]): void => {
    for (const element of elements) {
      if (element.type === "text") parts.push(element.value ?? "");
      else if (element.type === "tab" || element.type === "break" || element.type === "paragraph") parts.push(" ");
      if (element.children) walk(element.children);
    }
  };
  walk(body);
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** Joins neighbouring text nodes with the same marks and collapses runs of whitespace. */
function mergeText(nodes: readonly PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (last?.isText && node.isText && last.sameMarkup(node)) out[out.length - 1] = schema.text(last.text! + node.text!, last.marks);
    else out.push(node);
  }
  return out.flatMap((node) => {
    if (!node.isText) return [node];
    const text = node.text!.replace(/\s+/g, " ");
    return text ? [schema.text(text, node.marks)] : [];
  });
}

/** The inline nodes without their first `count` characters of text (a typed list marker). */
function dropLeadingText(nodes: readonly PMNode[], count: number): PMNode[] {
  let rest = count;
  const out: PMNode[] = [];
  for (const node of nodes) {
    if (rest > 0 && node.isText) {
      const text = node.text!;
      if (text.length <= rest) {
        rest -= text.length;
        continue;
      }
      out.push(schema.text(text.slice(rest), node.marks));
      rest = 0;
      continue;
    }
    out.push(node);
  }
  if (out[0]?.isText) {
    const trimmed = out[0].text!.trimStart();
    if (trimmed) out[0] = schema.text(trimmed, out[0].marks);
    else out.shift();
  }
  return out;
}
