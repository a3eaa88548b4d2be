/**
 * One paragraph's history as `GET /api/drafts/:id/paragraphs/:pid/history` serves it (issue 13):
 * every change to its words, every proposal and decision on it, agreements and silence procedures,
 * for readers of the `floor` room the stances and comments too, and its text in each published
 * revision. Read from the audit, which lives beside the update log, so compaction loses none of it.
 */
import type { ProposalDecisionKind, ProposalKind, SilenceBreak, StanceKind } from "../../schemas/records";
import type { ParagraphWords } from "../audit/auditWords";

/** What an event of a paragraph's history is. */
export const HistoryEventKind = {
  /** The chair changed its words, added it or removed it. */
  words: "words",
  /** A state proposed a change to it, changed its proposal or withdrew it. */
  proposal: "proposal",
  /** A state co-sponsored a proposal on it, or stopped. */
  support: "support",
  /** The chair accepted, rejected, set aside or reopened a proposal on it. */
  decision: "decision",
  /** The chair declared it agreed ad ref, or the agreement was taken back. */
  agreement: "agreement",
  /** A silence procedure covering it started, changed or was settled by the server. */
  silence: "silence",
  /** A state's stance on it (`floor`: only for those who may read the floor). */
  stance: "stance",
  /** A comment on it (`floor`: only for those who may read the floor). */
  comment: "comment",
} as const;
export type HistoryEventKind = (typeof HistoryEventKind)[keyof typeof HistoryEventKind];

/** A proposal's words as the history shows it. */
export interface ProposalWords {
  kind: ProposalKind;
  /** The words it proposes; null for a deletion. */
  text: string | null;
  /** The chair's words it is about (empty for an insertion point). */
  quote: string;
}

/** Who and when, shared by every event. */
interface EventBase {
  /** The audit entry the event comes from; events of one write share it. */
  seq: number;
  at: string;
  /** `chair`, `state:CUB`, or `server`. */
  principal: string;
  /** The user's name as the members list shows it; null for the server's own writes. */
  userName: string | null;
}

/** The chair's change to the paragraph's words (`before` null: added; `after` null: removed). */
export interface WordsEvent extends EventBase {
  kind: typeof HistoryEventKind.words;
  change: ParagraphWords;
}

/** A proposal written (`proposal` null: deleted). */
export interface ProposalEvent extends EventBase {
  kind: typeof HistoryEventKind.proposal;
  /** `STATE:proposalId`. */
  key: string;
  proposal: ProposalWords | null;
  withdrawn: boolean;
}

/** A co-sponsorship given (`withdrawn` false) or taken back. */
export interface SupportEvent extends EventBase {
  kind: typeof HistoryEventKind.support;
  state: string;
  /** The proposal's `STATE:proposalId`. */
  proposalKey: string;
  withdrawn: boolean;
}

/** The chair's decision on a proposal, with the proposal's words and what it did to the paragraph. */
export interface DecisionEvent extends EventBase {
  kind: typeof HistoryEventKind.decision;
  proposalKey: string;
  /** Null when the decision was deleted. */
  decision: ProposalDecisionKind | null;
  note: string | null;
  /** The proposal as it stood; null when no record of it is left. */
  proposal: ProposalWords | null;
  /** The paragraph's words before and after, when this write changed them (an acceptance). */
  change: ParagraphWords | null;
}

/** An agreement ad ref declared (`agreed` true) or taken back. */
export interface AgreementEvent extends EventBase {
  kind: typeof HistoryEventKind.agreement;
  agreed: boolean;
}

/** How a silence procedure ended for this paragraph. */
export interface SilenceEnd {
  settledAt: string;
  /** Whether this paragraph was adopted at the deadline. */
  adopted: boolean;
  brokenBy: SilenceBreak[];
}

/** A silence procedure started, moved, settled (`outcome`) or deleted (`deadline` null). */
export interface SilenceEvent extends EventBase {
  kind: typeof HistoryEventKind.silence;
  /** `silence:<id>`. */
  key: string;
  /** Whether it covers the whole draft rather than a list of paragraphs. */
  wholeDraft: boolean;
  deadline: string | null;
  note: string | null;
  outcome: SilenceEnd | null;
}

/** A state's stance on the paragraph. */
export interface StanceEvent extends EventBase {
  kind: typeof HistoryEventKind.stance;
  state: string;
  /** Null when the record was deleted. */
  stance: StanceKind | null;
  reason: string | null;
}

/** A comment on the paragraph (`body` null: deleted). */
export interface CommentEvent extends EventBase {
  kind: typeof HistoryEventKind.comment;
  /** A state code or `chair`. */
  author: string;
  body: string | null;
  reply: boolean;
  resolved: boolean;
}

/** One event of a paragraph's history. */
export type HistoryEvent = WordsEvent | ProposalEvent | SupportEvent | DecisionEvent | AgreementEvent | SilenceEvent | StanceEvent | CommentEvent;

/** The paragraph in one published revision. */
export interface ParagraphInRevision {
  /** The revision's id. */
  id: string;
  label: string;
  ordinal: number;
  /** The date it bears, `YYYY-MM-DD`. */
  date: string;
  publishedAt: string;
  /** Its number in that revision ("12", "(a)"); null when unnumbered or absent. */
  number: string | null;
  /** Its words in that revision (footnotes as "[Footnote: …]"); null when it was not in it. */
  words: string | null;
}

/** One page of a paragraph's history, oldest first; `next` is the `after` that asks for the following page. */
export interface ParagraphHistoryPage {
  pid: string;
  events: HistoryEvent[];
  next: number | null;
  /** The paragraph in each published revision, oldest first. */
  revisions: ParagraphInRevision[];
}
