/**
 * What a page break leaves in text copied from a PDF: the letterhead or running head printed on
 * every page, page numbers, the document's symbol and job number alone on a line. None of it is a
 * paragraph. A paragraph the break cut in two is joined again: its first half ends mid-sentence and
 * the next page opens with what cannot start a sentence (a lower-case word, a number, a symbol).
 */
import { BlockType } from "../../shared/schema";
import type { DraftBlock } from "./assembleDraft";
import { withoutReferences } from "./footnotes";

/** Times an identical short block must recur to be a page's running head. */
const MIN_RUNNING_HEAD_REPEATS = 3;
/** Longest block that may be a running head. */
const MAX_RUNNING_HEAD_CHARS = 320;

// One piece of a page's furniture: a symbol (A/77/37, A/AC.292/2025/CRP.1), a page number (3,
// 3/12), a job number (20-17890, GE.20-12345(E)), a release code "(S)", a barcode (*2017890*), a dash.
const FURNITURE = /^(?:[A-Z]{1,6}(?:\/[A-Z0-9][\w.\-()]*)+|\d{1,4}(?:\/\d{1,4})?|(?:GE\.)?\d{2}-\d{5}(?:\([A-Z]\))?|\([A-Z]\)|\*\d{5,}\*|[-–—])$/;
const PAGE_LINE = /^(?:page|página|pág\.|p\.)\s*\d{1,4}(?:\s*(?:of|de|sur|\/)\s*\d{1,4})?$/i;
// A paragraph ends here; anything else (a word, a comma) means the page cut it mid-sentence.
const PARAGRAPH_END = /[.!?…:;]["'”’»)\]]*$/u;
// A capitalized word ("The previous…") may open a paragraph of its own; "A/77/37 and…" may not.
const SENTENCE_START = /^["“‘«(¿¡]?\p{Lu}\p{Ll}/u;

/** Whether a line is page furniture only: every word a symbol, page or job number, and some digit. */
export function isPageFurniture(line: string): boolean {
  const text = line.trim();
  if (PAGE_LINE.test(text)) return true;
  const words = text.split(/\s+/);
  return /\d/.test(text) && words.every((word) => FURNITURE.test(word));
}

/**
 * Drops page furniture and the repeats of running heads (the first copy stays, as front matter:
 * the letterhead), and joins a paragraph across the page break that cut it.
 */
export function dropPageDebris(drafts: readonly DraftBlock[]): DraftBlock[] {
  const counts = new Map<string, number>();
  for (const draft of drafts) {
    if (draft.source.kind === "prose") counts.set(draft.text, (counts.get(draft.text) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const kept: DraftBlock[] = [];
  let pageBreak = false;
  for (const draft of drafts) {
    const prose = draft.source.kind === "prose";
    // "- 3 -" reads as a bullet holding "3 -".
    const bullet = draft.source.kind === "item" && draft.source.label === null;
    if ((prose || bullet) && draft.source.lines.length === 1 && isPageFurniture(bullet ? `- ${draft.text}` : draft.text)) {
      pageBreak = true;
      continue;
    }
    if (prose && draft.text.length <= MAX_RUNNING_HEAD_CHARS && (counts.get(draft.text) ?? 0) >= MIN_RUNNING_HEAD_REPEATS) {
      pageBreak = true;
      if (seen.has(draft.text)) continue;
      seen.add(draft.text);
      kept.push({ ...draft, type: BlockType.preamble, level: 1 });
      continue;
    }
    const previous = kept[kept.length - 1];
    const cut = previous && (previous.type === BlockType.paragraph || previous.type === BlockType.subitem) && !PARAGRAPH_END.test(withoutReferences(previous.text));
    if (pageBreak && cut && prose && draft.type === BlockType.paragraph && !SENTENCE_START.test(draft.text)) {
      kept[kept.length - 1] = { ...previous, text: `${previous.text} ${draft.text}` };
    } else {
      kept.push(draft);
    }
    pageBreak = false;
  }
  return kept;
}
