/**
 * Where a paragraph ends in plain text. Markdown is explicit: a blank line ends a paragraph and
 * nothing else does. Text pasted or exported from PDFs is not, so plain text gets the heuristics
 * below, each written for a layout seen in real submissions.
 */

/** One non-blank source line: its text without indentation or HTML, and its indentation width. */
export interface SourceLine {
  text: string;
  indent: number;
}

// A line ending a sentence: full stop, question, exclamation, ellipsis or the colon before a list,
// optionally followed by closing quotes or brackets.
const SENTENCE_END = /[.!?…:]["'”’»)\]]*$/u;
// A line that could open a paragraph: a capital or digit, perhaps after an opening quote or bracket.
const PARAGRAPH_START = /^["“‘«(¿¡]?[\p{Lu}\d]/u;
const CONTINUATION_START = /^\p{Ll}/u;

/** Fewest single-blank gaps that make a file look blank-separated rather than just short. */
const MIN_WRAP_GAPS = 4;
/** Share of gaps between lines that must be exactly one blank line. */
const MIN_SINGLE_GAP_SHARE = 0.5;
/** Share of those single gaps that must be followed by a lower-case continuation of a sentence. */
const MIN_CONTINUATION_SHARE = 0.2;
/** Upper-case letters a line needs, and no lower-case one, to count as set in capitals. */
const MIN_CAPITALS = 5;

/** Whether `text` is set in capitals, as titles in PDF exports are. */
export function isAllCaps(text: string): boolean {
  if (/\p{Ll}/u.test(text)) return false;
  return (text.match(/\p{Lu}/gu)?.length ?? 0) >= MIN_CAPITALS;
}

/**
 * Whether a plain-text file was hard-wrapped with a blank line after every line, as some PDF
 * extractors write: most gaps between lines are exactly one blank line, and a fair share of the
 * lines after such a gap start in lower case, i.e. continue a sentence. An ordinary file with one
 * paragraph per line also has single blank gaps, but the line after each starts a new sentence.
 * `gaps[i]` is the number of blank lines between `lines[i]` and `lines[i + 1]`.
 */
export function isBlankSeparatedWrap(lines: readonly SourceLine[], gaps: readonly number[]): boolean {
  let single = 0;
  let continued = 0;
  gaps.forEach((gap, i) => {
    if (gap !== 1) return;
    single++;
    if (CONTINUATION_START.test(lines[i + 1]?.text ?? "")) continued++;
  });
  return (
    single >= MIN_WRAP_GAPS && single / gaps.length >= MIN_SINGLE_GAP_SHARE && continued / single >= MIN_CONTINUATION_SHARE
  );
}

/** How plain text is laid out, as far as paragraph breaks go. */
export interface TextLayout {
  /** A blank line follows every wrapped line (see `isBlankSeparatedWrap`). */
  blankSeparated: boolean;
}

/**
 * Whether `line` starts a new paragraph after `previous` (the last line of an open prose block),
 * with `gap` blank lines between them:
 * - Two or more blank lines always end a paragraph, one does unless the file is blank-separated.
 * - In a blank-separated file, a line ending a sentence followed by a line that is indented or
 *   starts with a capital is a paragraph break; anything else is a wrapped line.
 * - A line indented deeper than the one before starts a paragraph (first-line indent): PDF text
 *   often loses the blank line between paragraphs but keeps the indent.
 * - A change between capitals and ordinary case ends a title set in capitals.
 */
export function startsParagraph(previous: SourceLine, line: SourceLine, gap: number, layout: TextLayout): boolean {
  if (gap >= 2 || (gap === 1 && !layout.blankSeparated)) return true;
  if (line.indent > previous.indent) return true;
  if (hasCase(previous.text) && hasCase(line.text) && isAllCaps(previous.text) !== isAllCaps(line.text)) return true;
  if (!layout.blankSeparated) return false;
  return SENTENCE_END.test(previous.text) && (line.indent > 0 || PARAGRAPH_START.test(line.text));
}

function hasCase(text: string): boolean {
  return /[\p{Lu}\p{Ll}]/u.test(text);
}
