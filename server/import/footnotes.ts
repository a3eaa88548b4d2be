/**
 * Footnotes in imported text. A definition is a line of its own anywhere in the file: `[^1]: text`,
 * `<sup>1</sup> text` or `¹ text`. References in running text are matched to definitions by label,
 * where `<sup>10</sup>` and `¹⁰` are both label "10".
 */

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** The label of a run of superscript digits, as PDF exports print footnote markers: "¹⁰" → "10". */
export function superscriptLabel(run: string): string {
  return Array.from(run, (char) => {
    const digit = SUPERSCRIPT_DIGITS.indexOf(char);
    if (digit < 0) throw new RangeError(`Not a superscript digit: "${char}"`);
    return String(digit);
  }).join("");
}

/** A footnote definition line: its label and the text after the marker. */
export interface DefinitionLine {
  label: string;
  rest: string;
}

const MARKDOWN_DEFINITION = /^\[\^([^\]\s]+)\]:\s*(.*)$/;
const SUP_DEFINITION = /^<sup>\s*(\d+)\s*<\/sup>\s*(.*)$/;
const SUPERSCRIPT_DEFINITION = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(\S.*)$/;

/**
 * Reads a footnote definition from a line without its indentation. `[^1]:` is unambiguous; the
 * `<sup>` and superscript forms are also how a reference looks when a wrapped line happens to start
 * with one, so they count only where a new block may start (`atBlockStart`).
 */
export function readDefinitionLine(text: string, atBlockStart: boolean): DefinitionLine | null {
  const markdown = MARKDOWN_DEFINITION.exec(text);
  if (markdown) return { label: markdown[1] ?? "", rest: markdown[2] ?? "" };
  if (!atBlockStart) return null;
  const sup = SUP_DEFINITION.exec(text);
  if (sup) return { label: sup[1] ?? "", rest: sup[2] ?? "" };
  const superscript = SUPERSCRIPT_DEFINITION.exec(text);
  if (superscript) return { label: superscriptLabel(superscript[1] ?? ""), rest: superscript[2] ?? "" };
  return null;
}

interface Definition {
  at: number;
  text: string;
}

/**
 * The definitions of a document, by label. A reference takes the first definition of its label
 * after it, else the last one before it: documents that restart footnote numbers on every page put
 * each page's definitions after its references, and Markdown may cite one note twice.
 */
export class FootnoteIndex {
  private readonly byLabel = new Map<string, Definition[]>();

  /** Records the definition of `label` found at block position `at` (positions only increase). */
  add(label: string, at: number, text: string): void {
    const list = this.byLabel.get(label) ?? [];
    list.push({ at, text });
    this.byLabel.set(label, list);
  }

  /** The text of the definition a reference to `label` at block position `at` points to. */
  find(label: string, at: number): string | null {
    const list = this.byLabel.get(label);
    if (!list || list.length === 0) return null;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]!.at <= at) low = mid + 1;
      else high = mid;
    }
    return (list[low] ?? list[list.length - 1]!).text;
  }
}

/**
 * `text` without its footnote references, `**` and Markdown's backslash escapes (Concord's own
 * export writes "\[Original: …\]"), for looking at how a block starts and ends.
 */
export function withoutReferences(text: string): string {
  return text
    .replace(/<sup>[^<]*<\/sup>|\[\^[^\]]*\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, "")
    .replace(/\*\*/g, "")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .trim();
}
