/**
 * A tiny DSL for export models in tests, so writers are tested without rooms:
 * `exportDraft("bracketed", para("4", "The Group ", bracket("open", proposal("replace", "CUB", "free"))))`.
 */
import type { ProposalDecisionKind, ProposalKind } from "../../schemas/records";
import type {
  AddedParagraphBlock,
  BracketRun,
  ExportComment,
  ExportDraft,
  ExportMeta,
  ExportProposal,
  ExportReservation,
  ExportRun,
  ExportView,
  FootnoteRun,
  HeadingBlock,
  ParagraphBlock,
  PreambleBlock,
  SubitemBlock,
  WordsRun,
} from "../../shared/export/exportModel";

type RunInput = string | ExportRun;

/** What a block carries besides its runs: from `floor`, and the proposals on it. */
export interface BlockExtras {
  pid?: string;
  reservations?: ExportReservation[];
  comments?: ExportComment[];
  deletions?: ExportProposal[];
  proposals?: ExportProposal[];
}

let counter = 0;
const nextId = () => `id${++counter}`;

const runsOf = (content: RunInput[]): ExportRun[] => content.map((run) => (typeof run === "string" ? words(run) : run));

function base(content: RunInput[], extras: BlockExtras = {}) {
  const runs = runsOf(content);
  const inBrackets = runs.flatMap((run) => (run.type === "bracket" ? run.proposals : []));
  return {
    pid: extras.pid ?? nextId(),
    runs,
    reservations: extras.reservations ?? [],
    comments: extras.comments ?? [],
    deletions: extras.deletions ?? [],
    proposals: extras.proposals ?? [...inBrackets, ...(extras.deletions ?? [])],
  };
}

/** The chair's words, with emphasis. */
export const words = (text: string, ...marks: WordsRun["marks"]): WordsRun => ({ type: "words", text, marks });
/** A footnote of the chair's text. */
export const note = (number: number, text: string): FootnoteRun => ({ type: "footnote", number, text });
/** A bracket over the chair's `quote` ("" for an insertion point); its proposals are on those words. */
export const bracket = (quote: string, ...proposals: ExportProposal[]): BracketRun => ({
  type: "bracket",
  words: quote ? [words(quote)] : [],
  proposals: proposals.map((made) => ({ ...made, quote })),
});
/** A bracket whose words overlap an earlier bracket's: it follows the block's words. */
export const detachedBracket = (quote: string, ...proposals: ExportProposal[]): BracketRun => ({ ...bracket(quote, ...proposals), detached: true });

/** A proposal by `sponsors` (the proposing state first, or one code). */
export function proposal(
  kind: ProposalKind,
  sponsors: string | string[],
  text: string | null = null,
  extra: { altLabel?: string; decision?: ProposalDecisionKind; createdAt?: string; key?: string; quote?: string; withdrawn?: boolean; addedLabel?: string } = {},
): ExportProposal {
  const list = typeof sponsors === "string" ? [sponsors] : sponsors;
  return {
    key: extra.key ?? `${list[0]}:${nextId()}`,
    kind,
    sponsors: list,
    text,
    altLabel: extra.altLabel ?? null,
    createdAt: extra.createdAt ?? "2025-01-01T10:00:00.000Z",
    decision: extra.decision ?? null,
    decisionRecord: extra.decision ? { decision: extra.decision, at: "2025-01-02T10:00:00.000Z" } : null,
    withdrawn: extra.withdrawn ?? false,
    updatedAt: null,
    addedLabel: extra.addedLabel ?? null,
    quote: extra.quote ?? "",
    place: null,
    anchor: { pid: "", quote: extra.quote ?? "", prefix: "", suffix: "" },
  };
}

/** A reservation by `state`. */
export const reservation = (state: string, reason: string | null = null): ExportReservation => ({ state, reason });
/** A comment thread by `author` on `quote` (null: the whole paragraph), with replies `[author, body]`. */
export const thread = (author: string, body: string, quote: string | null = null, ...replies: Array<[string, string]>): ExportComment => ({
  author,
  body,
  at: "2025-01-01T11:00:00.000Z",
  quote,
  replies: replies.map(([by, words]) => ({ author: by, body: words, at: "2025-01-01T12:00:00.000Z" })),
});

/** A numbered paragraph. */
export const para = (number: string, ...content: RunInput[]): ParagraphBlock => ({ type: "paragraph", number, ...base(content) });
/** A numbered paragraph with reservations, comments, deletions or proposals. */
export const paraWith = (number: string, extras: BlockExtras, ...content: RunInput[]): ParagraphBlock => ({ type: "paragraph", number, ...base(content, extras) });
/** A heading. */
export const heading = (level: number, ...content: RunInput[]): HeadingBlock => ({ type: "heading", level, ...base(content) });
/** A sub-item labelled "(a)" or "(i)". */
export const subitem = (level: number, label: string, ...content: RunInput[]): SubitemBlock => ({ type: "subitem", level, label, ...base(content) });
/** Unnumbered front matter. */
export const preamble = (...content: RunInput[]): PreambleBlock => ({ type: "preamble", ...base(content) });
/** A paragraph a state proposes to add ("3 bis"). */
export const added = (number: string, by: ExportProposal): AddedParagraphBlock => ({ type: "added", number, proposal: by });

/** A draft of `blocks` in `view`. */
export function exportDraft(
  view: ExportView,
  blocks: ExportDraft["blocks"],
  meta: Partial<ExportMeta> = {},
  orphans: ExportDraft["orphans"] = [],
  unplaced: ExportProposal[] = [],
): ExportDraft {
  return {
    draftId: "draft-1",
    view,
    meta: { title: "Pre-draft report of the Open-ended Working Group", symbol: "A/AC.292/2025/CRP.1", revision: "Zero draft", language: "en", ...meta },
    blocks,
    orphans,
    unplaced,
    agreements: [],
    exportedAt: "2025-02-01T09:00:00.000Z",
  };
}
