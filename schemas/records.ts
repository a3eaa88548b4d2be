/**
 * The JSON records stored in a draft's Yjs maps, as TypeScript types. Each mirrors a schema in
 * `schemas/records/` (which `validateRecord` enforces on every write); keep the two in step.
 */

/** What a proposal does to the chair's text. */
export const ProposalKind = {
  insert: "insert",
  delete: "delete",
  replace: "replace",
  newParagraph: "newParagraph",
  deleteParagraph: "deleteParagraph",
} as const;
export type ProposalKind = (typeof ProposalKind)[keyof typeof ProposalKind];

/**
 * Where a proposal or comment sits: relative positions for the range (base64 of an encoded
 * `Y.RelativePosition`) plus the quoted words with some context, so the range can be found again by
 * its quote after a paragraph split collapses the positions.
 */
export interface Anchor {
  pid: string;
  start?: string;
  end?: string;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * A state's proposed change, at `proposals["STATE:proposalId"]`. `text` is present exactly for
 * insert, replace and newParagraph.
 */
export interface Proposal {
  kind: ProposalKind;
  anchor: Anchor;
  text?: string;
  createdAt: string;
  updatedAt?: string;
  withdrawn?: boolean;
}

/** A state co-sponsoring a proposal, at `supports["STATE:OWNERSTATE:proposalId"]`; withdrawing deletes the key. */
export type Support = true;


/** How the chair cleared a proposal; `setAside` sends it to the Chair's summary. */
export const ProposalDecisionKind = {
  accepted: "accepted",
  rejected: "rejected",
  setAside: "setAside",
  reopened: "reopened",
} as const;
export type ProposalDecisionKind = (typeof ProposalDecisionKind)[keyof typeof ProposalDecisionKind];

/** What accepting a proposal changed in the chair's text, kept so that reopening it can restore the text. */
export type AppliedChange =
  /** Words now at `anchor` replaced `previous`. */
  | { kind: "words"; anchor: Anchor; previous: string }
  /** A paragraph was added with this pid. */
  | { kind: "addedBlock"; pid: string }
  /** A block was removed; it stood after block `after` (absent: it was first). */
  | { kind: "removedBlock"; pid: string; type: "heading" | "paragraph" | "subitem" | "preamble"; level?: number; text: string; after?: string };

/** The chair's decision on one proposal, at `decisions["proposal:STATE:proposalId"]`. */
export interface ProposalDecision {
  decision: ProposalDecisionKind;
  at: string;
  note?: string;
  /** On an acceptance: how to undo it. */
  applied?: AppliedChange;
  /** On a proposal set aside because an alternative was accepted: that alternative's key. */
  alongside?: string;
}

/**
 * A paragraph agreed ad referendum, at `decisions["agreed:<pid>"]`. It holds only while the
 * paragraph's text still has this fingerprint (hex or base64url).
 */
export interface Agreement {
  at: string;
  fingerprint: string;
}

/** A state that broke silence, and why. */
export interface SilenceBreak {
  state: string;
  reason: string;
}

/** How the server settled a silence procedure at its deadline. */
export interface SilenceOutcome {
  settledAt: string;
  adopted: string[];
  brokenBy: SilenceBreak[];
}

/**
 * A silence procedure, at `decisions["silence:<id>"]`: the paragraphs (or `"all"`) are adopted at the
 * deadline unless a state breaks silence. The server writes `outcome` when it settles.
 */
export interface SilenceProcedure {
  pids: string[] | "all";
  startedAt: string;
  deadline: string;
  note?: string;
  /** Each covered paragraph's fingerprint at the start: one changed since is not adopted. */
  fingerprints?: Record<string, string>;
  outcome?: SilenceOutcome;
}

/** A published revision (Pre-draft, Zero draft, Rev.1…), at `decisions["revision:<id>"]`. */
export interface Revision {
  label: string;
  at: string;
}

/** A state's position on a paragraph; only `object` blocks agreement, `reserve` becomes a footnote. */
export const StanceKind = {
  object: "object",
  reserve: "reserve",
  support: "support",
  none: "none",
} as const;
export type StanceKind = (typeof StanceKind)[keyof typeof StanceKind];

/** A state's stance on a paragraph, at `stances["STATE:pid"]`; an objection carries a non-blank reason. */
export interface Stance {
  stance: StanceKind;
  reason?: string;
  at: string;
}

/** A comment on a paragraph (optionally on a proposal or a range), at `comments["AUTHOR:commentId"]`. */
export interface Comment {
  pid: string;
  proposalId?: string;
  anchor?: Anchor;
  replyTo?: string;
  body: string;
  at: string;
  resolved?: boolean;
}

/** Values of the `meta` map, by `MetaKey` (shared/documentLayout.ts). */
export interface Meta {
  title?: string;
  symbol?: string;
  revision?: string;
  language?: string;
  schemaVersion?: number;
  silenceNoticeHours?: number;
}

/** A paragraph's consensus status, as the server computes it. */
export const ConsensusStatus = {
  objected: "objected",
  bracketed: "bracketed",
  underSilence: "underSilence",
  agreed: "agreed",
  open: "open",
} as const;
export type ConsensusStatus = (typeof ConsensusStatus)[keyof typeof ConsensusStatus];

/** A paragraph's status as the server publishes it, at `status[pid]`. */
export interface ParagraphStatus {
  status: ConsensusStatus;
  changedSinceAgreed?: boolean;
  objectedBy?: string[];
}

/** The draft's progress ("37/52 paragraphs agreed"), at `status["progress"]`. */
export interface Progress {
  agreed: number;
  total: number;
  /** Proposals not yet withdrawn or cleared: the draft's open brackets. */
  openProposals: number;
  /** Paragraphs at least one state objects to. */
  objected: number;
}
