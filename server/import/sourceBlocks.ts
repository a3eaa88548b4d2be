/**
 * The importer's first pass: source lines grouped into raw blocks (headings, numbered paragraphs,
 * sub-items, prose and footnote definitions) with their lines still separate and their inline
 * markup untouched. Rules and HTML other than `<sup>` are dropped here.
 */
import { MAX_HEADING_LEVEL } from "../../shared/schema";
import { readDefinitionLine } from "./footnotes";
import { readLineMarker } from "./listMarkers";
import { isBlankSeparatedWrap, startsParagraph, type SourceLine, type TextLayout } from "./paragraphBreaks";

/** A block as the source spells it, before inline parsing. */
export type SourceBlock =
  | { kind: "heading"; level: number; lines: string[] }
  | { kind: "numbered"; marker: string; lines: string[] }
  | { kind: "item"; label: string | null; indent: number; lines: string[] }
  | { kind: "prose"; lines: string[] }
  | { kind: "definition"; label: string; lines: string[] };

/** How to read the source: `plainText` turns on the layout heuristics of `paragraphBreaks`. */
export interface SourceBlockOptions {
  plainText: boolean;
}

const ATX_HEADING = /^(#+)(?:\s+(.*?))?(?:\s+#+)?$/;
const RULE = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
// Any tag but <sup>, which marks footnotes; a letter must follow "<", so "<5 %" is left alone.
const OTHER_TAG = /<\/?(?!sup\b)[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const TAB_WIDTH = 4;

/** Splits `source` into raw blocks in document order. */
export function readSourceBlocks(source: string, options: SourceBlockOptions): SourceBlock[] {
  const { lines, gaps } = readLines(source);
  const layout: TextLayout = { blankSeparated: options.plainText && isBlankSeparatedWrap(lines, gaps) };
  const blocks: SourceBlock[] = [];
  let open: SourceBlock | null = null;
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = gaps[i - 1] ?? Infinity;
    const { text } = line;
    if (RULE.test(text)) {
      open = null;
      return;
    }
    const heading = ATX_HEADING.exec(text);
    if (heading) {
      const level = Math.min(heading[1]?.length ?? 1, MAX_HEADING_LEVEL);
      blocks.push({ kind: "heading", level, lines: [heading[2] ?? ""] });
      open = null;
      return;
    }
    const atBlockStart: boolean = open === null || open.kind === "definition" || gap >= 1;
    const next = openingBlock(text, line.indent, atBlockStart);
    if (next === null && open !== null && previous !== undefined && !breaks(open, previous, line, gap, options, layout)) {
      open.lines.push(text);
      return;
    }
    open = next ?? { kind: "prose", lines: [text] };
    blocks.push(open);
  });
  return blocks;
}

/** The block a line opens by its own marker (definition, numbered paragraph or item), if any. */
function openingBlock(text: string, indent: number, atBlockStart: boolean): SourceBlock | null {
  const definition = readDefinitionLine(text, atBlockStart);
  if (definition) return { kind: "definition", label: definition.label, lines: [definition.rest] };
  const marker = readLineMarker(text, indent);
  if (marker === null) return null;
  return marker.kind === "numbered"
    ? { kind: "numbered", marker: marker.marker, lines: [marker.rest] }
    : { kind: "item", label: marker.label, indent: marker.indent, lines: [marker.rest] };
}

function breaks(
  open: SourceBlock,
  previous: SourceLine,
  line: SourceLine,
  gap: number,
  options: SourceBlockOptions,
  layout: TextLayout,
): boolean {
  if (!options.plainText) return gap >= 1;
  // Only prose has first-line indents: an indented line after an item is its hanging indent.
  if (open.kind === "prose") return startsParagraph(previous, line, gap, layout);
  return startsParagraph(previous, { ...line, indent: previous.indent }, gap, layout);
}

/** Non-blank lines, cleaned of HTML, and the number of blank lines after each but the last. */
function readLines(source: string): { lines: SourceLine[]; gaps: number[] } {
  const lines: SourceLine[] = [];
  const gaps: number[] = [];
  let blanks = 0;
  for (const raw of source.split(/\r\n?|\n/)) {
    const text = (raw.includes("<") ? raw.replace(LINE_BREAK_TAG, " ").replace(OTHER_TAG, "") : raw).trim();
    if (text === "") {
      blanks++;
      continue;
    }
    if (lines.length > 0) gaps.push(blanks);
    lines.push({ text, indent: indentWidth(raw) });
    blanks = 0;
  }
  return { lines, gaps };
}

function indentWidth(raw: string): number {
  let width = 0;
  for (const char of raw) {
    if (char === " ") width++;
    else if (char === "\t") width += TAB_WIDTH;
    else break;
  }
  return width;
}
