/**
 * The one model every export format writes from: the draft as blocks (heading, numbered paragraph,
 * sub-item, a proposed new paragraph) made of runs (the chair's words with their emphasis, footnotes,
 * brackets with their proposals). Read once from the rooms by `readExportDraft`; each writer
 * (Markdown, text, HTML, JSON, DOCX, Akoma Ntoso, PDF) is a function of this model alone.
 */
import type { ProposalDecision, ProposalDecisionKind, ProposalKind } from "../../schemas/records";

/** Which text is exported: the chair's alone, with the open proposals in brackets, or the compilation of proposals. */
export const ExportView = { clean: "clean", bracketed: "bracketed", compilation: "compilation" } as const;
export type ExportView = (typeof ExportView)[keyof typeof ExportView];

/** Emphasis the chair's words may carry. */
export const ExportMark = { em: "em", strong: "strong" } as const;
export type ExportMark = (typeof ExportMark)[keyof typeof ExportMark];

/** A stretch of the chair's words with one set of marks. */
export interface WordsRun {
  type: "words";
  text: string;
  marks: ExportMark[];
}

/** A footnote of the chair's text, numbered across the whole draft from 1. */
export interface FootnoteRun {
  type: "footnote";
  number: number;
  text: string;
}

/**
 * Open proposals on the same words (or the same insertion point): the chair's words they touch and
 * each proposal, the alternatives in the order they were made ("Alt 1", "Alt 2"…).
 */
export interface BracketRun {
  type: "bracket";
  /** The chair's words the proposals touch; empty for an insertion point. */
  words: WordsRun[];
  proposals: ExportProposal[];
  /**
   * Its words overlap an earlier bracket's, so it cannot stand in the text: writers print it after
   * the block's words, naming the words it is on. Absent means false.
   */
  detached?: boolean;
}

/** A piece of a block. */
export type ExportRun = WordsRun | FootnoteRun | BracketRun;

/** One proposal as documents print it. */
export interface ExportProposal {
  /** `STATE:proposalId`. */
  key: string;
  kind: ProposalKind;
  /** The proposing state first, then co-sponsors in alphabetical order (state codes). */
  sponsors: string[];
  /** The proposed words, for insert, replace and newParagraph. */
  text: string | null;
  /** "Alt 1"… when other open proposals are on the same words; null otherwise. */
  altLabel: string | null;
  createdAt: string;
  /** The chair's standing decision; null while open. Only the compilation lists decided proposals. */
  decision: ProposalDecisionKind | null;
  /** The whole decision record (time, note, what accepting changed), for the JSON interchange. */
  decisionRecord: ProposalDecision | null;
  /** Withdrawn by its state: kept for the compilation and the interchange, never a bracket. */
  withdrawn: boolean;
  updatedAt: string | null;
  /** "12 bis" for an open new paragraph placed in the text; null otherwise. */
  addedLabel: string | null;
  /** The chair's words it is on now (the anchor's quote when orphaned); "" for an insertion point. */
  quote: string;
  /** Where it stands now: characters `from`–`to` of block `pid` (the whole block for block proposals). */
  place: ExportPlace | null;
  /** The anchor as recorded, without its Yjs positions: how an orphan can be found again. */
  anchor: { pid: string; quote: string; prefix: string; suffix: string };
}

/** Where a proposal stands in the chair's text. */
export interface ExportPlace {
  pid: string;
  from: number;
  to: number;
}

/** A state's reservation on a paragraph; documents print it as a footnote. */
export interface ExportReservation {
  state: string;
  reason: string | null;
}

/** A comment thread on a paragraph (only where the reader may read the `floor` room). */
export interface ExportComment {
  /** A state code or `chair`. */
  author: string;
  body: string;
  at: string;
  /** The words it is on, when it is on words. */
  quote: string | null;
  replies: Array<{ author: string; body: string; at: string }>;
}

/** What every numbered or counted block carries. */
interface BlockBase {
  pid: string;
  runs: ExportRun[];
  /** Reservations on this block, from `floor` (empty when the reader may not see it). */
  reservations: ExportReservation[];
  comments: ExportComment[];
  /** Open proposals to delete this whole block. */
  deletions: ExportProposal[];
  /**
   * Every proposal anchored in this block (words, deletion of the block, paragraphs added after it)
   * in text order: the compilation of proposals lists them under the block, decided ones included.
   */
  proposals: ExportProposal[];
}

/** A section heading. */
export interface HeadingBlock extends BlockBase {
  type: "heading";
  level: number;
}

/** A numbered paragraph; `number` is its UN number ("12"). */
export interface ParagraphBlock extends BlockBase {
  type: "paragraph";
  number: string;
}

/** A lettered or roman sub-item; `label` is "(a)" or "(i)". */
export interface SubitemBlock extends BlockBase {
  type: "subitem";
  level: number;
  label: string;
}

/**
 * Unnumbered text: a letter's front matter, its signature, an "[Original: …]" line — read and
 * negotiated like the rest, but neither numbered nor counted for consensus.
 */
export interface PreambleBlock extends BlockBase {
  type: "preamble";
}

/** A paragraph a state proposes to add ("12 bis"): the bracketed view only. */
export interface AddedParagraphBlock {
  type: "added";
  /** "12 bis". */
  number: string;
  proposal: ExportProposal;
}

/** One block of the exported draft. */
export type ExportBlock = HeadingBlock | PreambleBlock | ParagraphBlock | SubitemBlock | AddedParagraphBlock;

/** The draft's front matter, from `meta`. */
export interface ExportMeta {
  title: string;
  symbol: string | null;
  revision: string | null;
  /** BCP 47 code of the text's language ("en", "ar"). */
  language: string;
}

/** The whole draft as one view exports it. */
export interface ExportDraft {
  draftId: string;
  view: ExportView;
  meta: ExportMeta;
  blocks: ExportBlock[];
  /** Open proposals whose words are no longer in the text (bracketed view and compilation). */
  orphans: Array<{ proposal: ExportProposal; quote: string }>;
  /**
   * Proposals (open or not) whose paragraph is no longer in the text, in the order they were made:
   * every view has them, so the compilation and the interchange lose none.
   */
  unplaced: ExportProposal[];
  /** When the export was made (ISO time): documents print it, tests pin it. */
  exportedAt: string;
  /** Paragraphs agreed ad referendum, from `decisions` (the interchange keeps them). */
  agreements: ExportAgreement[];
}

/** The chair's agreement on a paragraph: it holds while the paragraph's text keeps this fingerprint. */
export interface ExportAgreement {
  pid: string;
  at: string;
  fingerprint: string;
}
