/**
 * Front matter: the parts of a real document that are not its numbered text. A UN letter opens with
 * agenda items and its own title ("Carta de fecha…", "Letter dated…"), says two sentences, is
 * signed ("(Firmado) …") and carries an annex with an "[Original: …]" line before the annex's
 * title; statements open with a dateline or "Submitted by" and close with a name, a place and a
 * date. These become unnumbered preamble blocks (and headings, and the document's title), so that
 * the paragraphs numbered 1, 2, 3… are the text under negotiation.
 */
import { BlockType } from "../../shared/schema";
import type { DraftBlock } from "./assembleDraft";
import { withoutReferences } from "./footnotes";

// "Carta de fecha 22 de diciembre…", "Letter dated…", "Lettre datée…", "Nota verbal de fecha…".
const LETTER_TITLE = /^(?:(?:identical\s+)?letters?|carta|cartas\s+idénticas|lettres?|note\s+verbale|nota\s+verbal)\s+(?:de\s+fecha|dated|datée?s?)\b/iu;
const SIGNATURE = /^\((?:firmado|signed|signé|подпись)\)/iu;
const ORIGINAL = /^\[?(?:original|originale?)\s*:\s*[\p{L} ,]+\]?$/iu;
const FRONT_LINE = /^(?:(?:courtesy|unofficial|provisional)\s+translation|traducción\s+(?:de\s+cortesía|no\s+oficial)|distr\.?\s*:?\s*\p{L}+|check\s+against\s+delivery|cotejar\s+con\s+el\s+discurso\s+pronunciado)$/iu;
const ANNEX = /^(?:anexo|annex|annexe)\b/iu;
// A year or a day and month: the date of a dateline or a signature's place and date.
const DATE = /\b(?:1[89]|20)\d\d\b/;
// Words a name or an institution's name may hold uncapitalized: "Misión Permanente de Cuba ante las…".
const PARTICLES = new Set(["de", "del", "la", "las", "los", "el", "y", "e", "of", "the", "to", "and", "for", "at", "in", "on", "van", "von", "der", "da", "do", "dos", "du", "des", "le", "ante", "en", "al"]);

/** Longest block that may be a dateline, an agenda item or a heading of the front matter. */
const MAX_FRONT_CHARS = 320;
/** Longest line of a signature or a closing: a name, a function, a place and date. */
const MAX_CLOSING_CHARS = 80;
/** Furthest into a document a letter's title may stand: after the symbol, agenda items, a subtitle. */
const MAX_LETTER_TITLE_INDEX = 8;

function endsSentence(text: string): boolean {
  return /[.,;:!?…]["'”’»)\]]*$/u.test(withoutReferences(text));
}

function isProse(block: DraftBlock): boolean {
  return block.type === BlockType.paragraph && block.source.kind === "prose";
}

/** A short unpunctuated line whose words are capitalized: "Juan Alfonso Fernández González". */
function isNameLine(text: string): boolean {
  const words = withoutReferences(text).split(/\s+/);
  return words.length >= 2 && words.every((word) => /^[\p{Lu}\d]/u.test(word) || PARTICLES.has(word.toLowerCase()));
}

function toPreamble(block: DraftBlock): void {
  block.type = BlockType.preamble;
  block.level = 1;
}

/**
 * Marks the front matter of `blocks` in place and, when the document is a letter, takes the
 * letter's title out of `blocks` and returns it: it is the draft's title.
 */
export function markFrontMatter(blocks: DraftBlock[]): DraftBlock | null {
  for (const [i, block] of blocks.entries()) {
    const text = withoutReferences(block.text);
    // "**Courtesy translation**" reads as a heading; it is a note on the document, not a section.
    if (block.type === BlockType.heading && FRONT_LINE.test(text)) toPreamble(block);
    if (!isProse(block)) continue;
    if (SIGNATURE.test(text) || ORIGINAL.test(text) || FRONT_LINE.test(text)) toPreamble(block);
    else if (ANNEX.test(text) && text.length <= MAX_FRONT_CHARS && !endsSentence(text)) Object.assign(block, { type: BlockType.heading, level: 1 });
    // The line after "[Original: …]" is the title of what follows.
    const next = blocks[i + 1];
    if (ORIGINAL.test(text) && next && isProse(next) && next.text.length <= MAX_FRONT_CHARS && !/[.;]$/.test(withoutReferences(next.text))) {
      Object.assign(next, { type: BlockType.heading, level: 2 });
    }
  }
  const letter = markLetter(blocks);
  if (letter) blocks.splice(blocks.indexOf(letter), 1);
  markOpening(blocks);
  markClosing(blocks);
  return letter;
}

/** A letter's title, the agenda items before it, and its body up to the signature. */
function markLetter(blocks: DraftBlock[]): DraftBlock | null {
  const at = blocks.findIndex((block, i) => i <= MAX_LETTER_TITLE_INDEX && isProse(block) && LETTER_TITLE.test(withoutReferences(block.text)) && !endsSentence(block.text));
  if (at < 0) return null;
  const signature = blocks.findIndex((block, i) => i > at && SIGNATURE.test(withoutReferences(block.text)));
  const end = signature < 0 ? at : signature;
  blocks.forEach((block, i) => {
    if (i !== at && i < end && isProse(block)) toPreamble(block);
  });
  return blocks[at]!;
}

/**
 * The opening lines before the body: a dateline, "Submitted by", a delegation's name, agenda items
 * — short prose without closing punctuation, followed later by the body they open.
 */
function markOpening(blocks: DraftBlock[]): void {
  const opening: DraftBlock[] = [];
  for (const block of blocks) {
    if (block.type === BlockType.heading || block.type === BlockType.preamble) continue;
    if (!isProse(block) || endsSentence(block.text) || block.text.length > MAX_FRONT_CHARS) {
      // Only text that opens something is front matter; a lone short line is the text itself.
      opening.forEach(toPreamble);
      return;
    }
    opening.push(block);
  }
}

/** A signature or closing at the very end: a name, a function, a place and date, a mission's name. */
function markClosing(blocks: DraftBlock[]): void {
  let first = blocks.length;
  while (first > 0) {
    const block = blocks[first - 1]!;
    const text = withoutReferences(block.text);
    const closing = isProse(block) && text.length <= MAX_CLOSING_CHARS && !/[.;:!?]$/.test(text) && (isNameLine(text) || DATE.test(text));
    if (!closing) break;
    first--;
  }
  // The closing ends a body; a document of nothing but short lines has none.
  if (first === 0 || !blocks.slice(0, first).some((block) => block.type === BlockType.paragraph || block.type === BlockType.subitem)) return;
  blocks.slice(first).forEach(toPreamble);
}
