/**
 * The events one audit entry adds to a paragraph's history: its change to the paragraph's words,
 * and each record it wrote about the paragraph — a proposal, a co-sponsorship, a decision (with
 * the proposal's words, and the words an acceptance changed), an agreement, a silence procedure, a
 * stance, a comment. The audit keeps what each record said, so nothing here reads the live text
 * except, through `KnownProposals`, a proposal the entries themselves do not show.
 */
import type { Comment, Proposal, ProposalDecision, SilenceProcedure, Stance } from "../../schemas/records";
import type { AuditEntryView } from "../../shared/audit/auditEntry";
import type { ParagraphWords, RecordWords } from "../../shared/audit/auditWords";
import { DecisionPrefix, FloorRoot, TextRoot } from "../../shared/documentLayout";
import { HistoryEventKind, type HistoryEvent, type ProposalWords } from "../../shared/history/paragraphHistory";
import { parseRecordKey } from "../../shared/recordKeys";

/** A proposal as the history knows it: the paragraph it is anchored in and its words. */
export interface KnownProposal {
  pid: string;
  words: ProposalWords;
}

/**
 * The proposals a history has met, by `STATE:proposalId`: first those of the live text, then each
 * record as the entries show it (so a decision names the proposal as it stood when decided).
 */
export class KnownProposals {
  private readonly known = new Map<string, KnownProposal>();

  /** Notes a proposal record (the audit's gist or the live record); anything else is ignored. */
  learn(key: string, value: unknown): void {
    const proposal = value as Partial<Proposal> | null;
    const pid = proposal?.anchor?.pid;
    if (typeof pid !== "string" || typeof proposal?.kind !== "string") return;
    this.known.set(key, { pid, words: { kind: proposal.kind, text: proposal.text ?? null, quote: proposal.anchor?.quote ?? "" } });
  }

  get(key: string): KnownProposal | null {
    return this.known.get(key) ?? null;
  }

  /** Whether proposal `key` may be about `pid`: it is, or where it stands is not known. */
  mayBeOn(key: string, pid: string): boolean {
    const known = this.known.get(key);
    return !known || known.pid === pid;
  }
}

type Base = Pick<HistoryEvent, "seq" | "at" | "principal" | "userName">;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether an acceptance's record of how to undo it names paragraph `pid`. */
function appliedTo(decision: ProposalDecision | null, pid: string): boolean {
  const applied = decision?.applied as { pid?: unknown; anchor?: { pid?: unknown } } | undefined;
  return applied?.pid === pid || applied?.anchor?.pid === pid;
}

/** Decisions that change the words: an acceptance makes the change, a reopening undoes it. */
const changesWords = (decision: ProposalDecision | null): boolean => decision?.decision === "accepted" || decision?.decision === "reopened";

/**
 * The event a record write makes in `pid`'s history, or null when the record is about another
 * paragraph (one write can touch several) or is not part of a history (status, meta, contacts).
 * `change` is the entry's change to the paragraph's words, which a decision that made it carries.
 */
function recordEvent({ root, key, value }: RecordWords, pid: string, base: Base, proposals: KnownProposals, change: ParagraphWords | null): HistoryEvent | null {
  switch (root) {
    case TextRoot.proposals: {
      if (value !== null) proposals.learn(key, value);
      const known = proposals.get(key);
      if (value === null ? !proposals.mayBeOn(key, pid) : known?.pid !== pid) return null;
      return { ...base, kind: HistoryEventKind.proposal, key, proposal: value === null ? null : (known?.words ?? null), withdrawn: (value as Proposal | null)?.withdrawn === true };
    }
    case TextRoot.supports: {
      const support = parseRecordKey(key);
      if (!support || !proposals.mayBeOn(support.id, pid)) return null;
      return { ...base, kind: HistoryEventKind.support, state: support.owner, proposalKey: support.id, withdrawn: value !== true };
    }
    case TextRoot.decisions:
      return decisionEvent(key, value, pid, base, proposals, change);
    case FloorRoot.stances: {
      if (parseRecordKey(key)?.id !== pid) return null;
      const stance = value as Stance | null;
      return { ...base, kind: HistoryEventKind.stance, state: parseRecordKey(key)!.owner, stance: stance?.stance ?? null, reason: stance?.reason ?? null };
    }
    case FloorRoot.comments: {
      const comment = value as Comment | null;
      if (comment?.pid !== pid) return null;
      return { ...base, kind: HistoryEventKind.comment, author: parseRecordKey(key)?.owner ?? key, body: comment.body, reply: comment.replyTo !== undefined, resolved: comment.resolved === true };
    }
    default:
      return null;
  }
}

function decisionEvent(key: string, value: unknown, pid: string, base: Base, proposals: KnownProposals, change: ParagraphWords | null): HistoryEvent | null {
  if (key.startsWith(DecisionPrefix.proposal)) {
    const proposalKey = key.slice(DecisionPrefix.proposal.length);
    const decision = isObject(value) ? (value as unknown as ProposalDecision) : null;
    if (!proposals.mayBeOn(proposalKey, pid) && !appliedTo(decision, pid)) return null;
    return {
      ...base,
      kind: HistoryEventKind.decision,
      proposalKey,
      decision: decision?.decision ?? null,
      note: decision?.note ?? null,
      proposal: proposals.get(proposalKey)?.words ?? null,
      change: changesWords(decision) ? change : null,
    };
  }
  if (key.startsWith(DecisionPrefix.agreed)) {
    return key === `${DecisionPrefix.agreed}${pid}` ? { ...base, kind: HistoryEventKind.agreement, agreed: value !== null } : null;
  }
  if (key.startsWith(DecisionPrefix.silence)) {
    const procedure = isObject(value) ? (value as unknown as SilenceProcedure) : null;
    // The gist leaves out the fingerprints: a procedure on the whole draft was indexed under the
    // paragraphs it covered, so being in this paragraph's entries is enough.
    if (procedure && procedure.pids !== "all" && !procedure.pids.includes(pid) && !procedure.outcome?.adopted.includes(pid)) return null;
    const outcome = procedure?.outcome;
    return {
      ...base,
      kind: HistoryEventKind.silence,
      key,
      wholeDraft: procedure?.pids === "all",
      deadline: procedure?.deadline ?? null,
      note: procedure?.note ?? null,
      outcome: outcome ? { settledAt: outcome.settledAt, adopted: outcome.adopted.includes(pid), brokenBy: outcome.brokenBy } : null,
    };
  }
  return null;
}

/**
 * The events audit entry `entry` adds to paragraph `pid`'s history, in the order the write made
 * them: its change to the words (unless a decision in the same write made it and carries it), then
 * its records about the paragraph.
 */
export function historyEvents(entry: AuditEntryView, pid: string, proposals: KnownProposals): HistoryEvent[] {
  const base: Base = { seq: entry.seq, at: entry.at, principal: entry.principal, userName: entry.userName };
  const change = entry.words?.paragraphs?.find((paragraph) => paragraph.pid === pid) ?? null;
  const events: HistoryEvent[] = [];
  let carried = false;
  for (const record of entry.words?.records ?? []) {
    const event = recordEvent(record, pid, base, proposals, carried ? null : change);
    if (!event) continue;
    if (event.kind === HistoryEventKind.decision && event.change) carried = true;
    events.push(event);
  }
  if (change && !carried) events.unshift({ ...base, kind: HistoryEventKind.words, change });
  return events;
}
