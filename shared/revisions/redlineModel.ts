/**
 * The redline between two texts of a draft (two published revisions, or a revision and the live
 * text): blocks matched by pid, words compared with `diff`, paragraphs added, deleted and moved,
 * old and new numbers side by side, footnotes compared. Computed once by `compareRevisions`; the
 * page, HTML, PDF and Word writers draw it.
 */

/** A stretch of words, unchanged, inserted (only in the newer text) or deleted (only in the older). */
export interface RedlineWords {
  change: "same" | "inserted" | "deleted";
  text: string;
}

/** What became of a block between the two texts. */
export const BlockChange = {
  unchanged: "unchanged",
  /** Its words (or footnotes) changed. */
  changed: "changed",
  /** Only in the newer text. */
  added: "added",
  /** Only in the older text. */
  deleted: "deleted",
} as const;
export type BlockChange = (typeof BlockChange)[keyof typeof BlockChange];

/** One footnote of a block, compared with the footnote at the same place in the other text. */
export interface RedlineFootnote {
  /** Its number in the older and the newer text; null where it is absent. */
  oldNumber: number | null;
  newNumber: number | null;
  change: BlockChange;
  words: RedlineWords[];
}

/** One block of either text, in reading order of the newer text (deleted blocks where they stood). */
export interface RedlineBlock {
  pid: string;
  type: "heading" | "paragraph" | "subitem" | "preamble";
  /** Heading or sub-item level; null otherwise. */
  level: number | null;
  change: BlockChange;
  /** It stands elsewhere among the other blocks than it did (matched by pid, not by place). */
  moved: boolean;
  /** Its number in the older text ("12", "(a)"); null where it is absent or unnumbered. */
  oldLabel: string | null;
  /** Its number in the newer text; null where it is absent or unnumbered. */
  newLabel: string | null;
  /**
   * Where a paragraph added since the older revision was numbered while the round lasted ("3 bis"),
   * from the newer revision's record of renumbering; null otherwise.
   */
  interimLabel: string | null;
  /** The chair's words: `same` + `inserted` give the newer text, `same` + `deleted` the older. */
  words: RedlineWords[];
  footnotes: RedlineFootnote[];
}

/** One side of the comparison. */
export interface RedlineSide {
  /** A revision id, or `LIVE_TEXT`. */
  id: string;
  /** "Rev.1", or "Live text". */
  label: string;
  /** When it was published; null for the live text. */
  at: string | null;
}

/** Counts for a summary line: "3 paragraphs changed, 1 added, 0 deleted, 1 moved". */
export interface RedlineCounts {
  changed: number;
  added: number;
  deleted: number;
  moved: number;
}

/** The whole comparison. */
export interface Redline {
  draftId: string;
  title: string;
  /** The document symbol of the newer side (A/AC.292/2025/CRP.1), for the header and the file's name; null when it has none. */
  symbol: string | null;
  /** BCP 47 code of the draft's language. */
  language: string;
  from: RedlineSide;
  to: RedlineSide;
  blocks: RedlineBlock[];
  counts: RedlineCounts;
  /** When the comparison was made (ISO time): documents print it, and it dates the live text's side. */
  madeAt: string;
}
