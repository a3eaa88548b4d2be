/**
 * Inline content of one imported block: footnote references become footnote nodes and, in
 * Markdown, `**strong**`, `*em*` and `_em_` become marks; plain text reads only `**strong**` (a lone
 * `*` there marks a footnote, `_` a blank to fill). Everything else is kept character for character.
 */
import type { Mark, Node as PMNode } from "prosemirror-model";
import { schema } from "../../shared/schema";
import { superscriptLabel } from "./footnotes";

/** What inline syntax to read, and where footnote text comes from. */
export interface InlineOptions {
  /** Read Markdown emphasis and backslash escapes; when false, only `**strong**` is read. */
  markdown: boolean;
  /** Turn references into footnote nodes; when false, a reference stays as its label's text. */
  references: boolean;
  /** The definition text for a reference to `label`, or null when the file defines none. */
  footnoteText: (label: string) => string | null;
}

interface Output {
  nodes: PMNode[];
  /** Pieces of the text node being built, joined once when it ends. */
  pending: string[];
  marks: readonly Mark[];
}

/** A syntax read at one position with a sticky pattern: escapes and footnote references. */
interface Token {
  pattern: RegExp;
  markdownOnly: boolean;
  apply: (match: RegExpExecArray, marks: readonly Mark[], out: Output, options: InlineOptions) => void;
}

const TOKENS: readonly Token[] = [
  { pattern: /\\([!-/:-@[-`{-~])/y, markdownOnly: true, apply: (m, marks, out) => addText(out, m[1] ?? "", marks) },
  {
    pattern: /\[\^([^\]\s]+)\]/y,
    markdownOnly: false,
    apply: (m, marks, out, options) => addReference(out, m[1] ?? "", marks, options, true),
  },
  {
    pattern: /<sup>\s*(\d+)\s*<\/sup>/y,
    markdownOnly: false,
    apply: (m, marks, out, options) => addReference(out, m[1] ?? "", marks, options, true),
  },
  // <sup> around anything but a number ("30<sup>th</sup>") is not a footnote: keep the text only.
  { pattern: /<\/?sup>/y, markdownOnly: false, apply: () => undefined },
  {
    pattern: /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/y,
    markdownOnly: false,
    apply: (m, marks, out, options) => addReference(out, m[0], marks, options, false),
  },
];

/** An emphasis delimiter; the longer token of a character is tried first. */
interface Delimiter {
  token: string;
  mark: "em" | "strong";
  /** Underscores inside words (snake_case_names) are not emphasis. */
  wordBound: boolean;
}

const DELIMITERS: readonly Delimiter[] = [
  { token: "**", mark: "strong", wordBound: false },
  { token: "__", mark: "strong", wordBound: true },
  { token: "*", mark: "em", wordBound: false },
  { token: "_", mark: "em", wordBound: true },
];

/** The one delimiter plain text reads: `**strong**`, which no PDF or e-mail writes by accident. */
const TEXT_DELIMITERS: readonly Delimiter[] = DELIMITERS.filter((delimiter) => delimiter.token === "**");

/** Deepest nesting of emphasis read; past it delimiters are text, which also bounds recursion. */
const MAX_EMPHASIS_DEPTH = 4;

// Characters at which a token or delimiter may start; everything else is copied straight through.
const SPECIAL = /[\\[<⁰¹²³⁴⁵⁶⁷⁸⁹*_]/g;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const SPACE = /\s/;

/** Parses the text of one block (whitespace already normalized) into inline nodes. */
export function parseInline(text: string, options: InlineOptions): PMNode[] {
  const out: Output = { nodes: [], pending: [], marks: [] };
  parseSpan(text, [], out, options, 0);
  flush(out);
  return out.nodes;
}

/** The plain text of `text` with its inline syntax read and dropped, for footnote definitions. */
export function inlineText(text: string, options: InlineOptions): string {
  const nodes = parseInline(text, { ...options, references: false });
  return nodes.map((node) => node.text ?? "").join("");
}

function parseSpan(text: string, marks: readonly Mark[], out: Output, options: InlineOptions, depth: number): void {
  const emphasis = depth < MAX_EMPHASIS_DEPTH;
  const delimiters = options.markdown ? DELIMITERS : TEXT_DELIMITERS;
  // Closer positions are found once per span, so an opener without a closer costs a binary search
  // rather than a scan to the end: a hostile file full of lone asterisks stays linear.
  const closers = emphasis ? delimiters.map((delimiter) => closersOf(text, delimiter)) : [];
  let pos = 0;
  while (pos < text.length) {
    SPECIAL.lastIndex = pos;
    const next = SPECIAL.exec(text)?.index ?? text.length;
    if (next > pos) {
      addText(out, text.slice(pos, next), marks);
      pos = next;
      continue;
    }
    const char = text[pos] ?? "";
    const token = matchToken(text, pos, options);
    if (token !== null) {
      token.rule.apply(token.found, marks, out, options);
      pos += token.found[0].length;
      continue;
    }
    const span = emphasis ? matchEmphasis(text, pos, delimiters, closers) : null;
    if (span !== null) {
      const inner = text.slice(pos + span.delimiter.token.length, span.close);
      parseSpan(inner, withMark(marks, span.delimiter.mark), out, options, depth + 1);
      pos = span.close + span.delimiter.token.length;
      continue;
    }
    addText(out, char, marks);
    pos++;
  }
}

function matchToken(text: string, pos: number, options: InlineOptions): { rule: Token; found: RegExpExecArray } | null {
  for (const rule of TOKENS) {
    if (rule.markdownOnly && !options.markdown) continue;
    rule.pattern.lastIndex = pos;
    const found = rule.pattern.exec(text);
    if (found) return { rule, found };
  }
  return null;
}

/** The emphasis opening at `pos` and the position of its closer, as in CommonMark's simple cases. */
function matchEmphasis(
  text: string,
  pos: number,
  delimiters: readonly Delimiter[],
  closers: readonly number[][],
): { delimiter: Delimiter; close: number } | null {
  for (const [i, delimiter] of delimiters.entries()) {
    if (!opensAt(text, pos, delimiter)) continue;
    const close = firstAtLeast(closers[i] ?? [], pos + delimiter.token.length + 1);
    if (close !== undefined) return { delimiter, close };
  }
  return null;
}

// An opener needs a non-space just inside, so "2 * 3 * 4" stays text.
function opensAt(text: string, pos: number, { token, wordBound }: Delimiter): boolean {
  if (!text.startsWith(token, pos)) return false;
  const inside = text[pos + token.length] ?? " ";
  if (SPACE.test(inside) || inside === token[0]) return false;
  return !wordBound || !WORD_CHAR.test(text[pos - 1] ?? " ");
}

/** Positions where `delimiter` could close emphasis, ascending. */
function closersOf(text: string, { token, wordBound }: Delimiter): number[] {
  const positions: number[] = [];
  for (let at = text.indexOf(token, 1); at >= 0; at = text.indexOf(token, at + 1)) {
    const inside = text[at - 1] ?? " ";
    const after = text[at + token.length] ?? " ";
    if (SPACE.test(inside) || inside === "\\" || inside === token[0] || after === token[0]) continue;
    if (wordBound && WORD_CHAR.test(after)) continue;
    positions.push(at);
  }
  return positions;
}

function firstAtLeast(sorted: readonly number[], min: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? 0) < min) low = mid + 1;
    else high = mid;
  }
  return sorted[low];
}

function addReference(out: Output, marker: string, marks: readonly Mark[], options: InlineOptions, explicit: boolean): void {
  const label = explicit ? marker : superscriptLabel(marker);
  if (!options.references) {
    addText(out, explicit ? label : marker, marks);
    return;
  }
  const found = options.footnoteText(label);
  // A bare superscript with no definition is more likely a unit (km², m³) than a footnote.
  if (found === null && !explicit) {
    addText(out, marker, marks);
    return;
  }
  flush(out);
  out.nodes.push(schema.nodes.footnote.create(null, schema.text(found || label)));
}

function addText(out: Output, text: string, marks: readonly Mark[]): void {
  if (!sameMarks(out.marks, marks)) flush(out);
  out.marks = marks;
  out.pending.push(text);
}

function flush(out: Output): void {
  const text = out.pending.join("");
  if (text !== "") out.nodes.push(schema.text(text, out.marks));
  out.pending = [];
}

function withMark(marks: readonly Mark[], name: Delimiter["mark"]): readonly Mark[] {
  return schema.marks[name]!.create().addToSet(marks);
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((mark, i) => mark.eq(b[i]!));
}
