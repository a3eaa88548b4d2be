/** How a proposal is named and described to a person, in one place for brackets, cards and lists. */
import { ProposalDecisionKind, ProposalKind } from "../../../schemas/records";
import { assertNever } from "../../../shared/assertNever";
import { sponsorLabel } from "../../../shared/export/proposalWords";
import type { ProposalView } from "../../../shared/proposals/readProposals";

/** "Alt 2 SLV, UZB" or "CUB": the name a bracket shows. */
export function bracketName(view: ProposalView): string {
  return view.altLabel ? `${view.altLabel} ${sponsorLabel(view.sponsors)}` : sponsorLabel(view.sponsors);
}

/** One sentence on what the proposal does. */
export function describeChange(view: ProposalView): string {
  const quote = view.record.anchor.quote;
  const text = view.record.text ?? "";
  switch (view.record.kind) {
    case ProposalKind.insert:
      return `Insert “${text.trim()}”`;
    case ProposalKind.delete:
      return `Delete “${quote}”`;
    case ProposalKind.replace:
      return `Replace “${quote}” with “${text}”`;
    case ProposalKind.newParagraph:
      return `New paragraph${view.addedLabel ? ` ${view.addedLabel}` : ""}: “${text}”`;
    case ProposalKind.deleteParagraph:
      return "Delete the paragraph";
    default:
      return assertNever(view.record.kind);
  }
}

const DECISION_WORDS: Record<ProposalDecisionKind, string> = {
  [ProposalDecisionKind.accepted]: "Accepted by the chair",
  [ProposalDecisionKind.rejected]: "Rejected by the chair",
  [ProposalDecisionKind.setAside]: "Set aside to the Chair's summary",
  [ProposalDecisionKind.reopened]: "Reopened by the chair",
};

/** Where the proposal stands: open, withdrawn, decided, or orphaned. */
export function describeStatus(view: ProposalView): string {
  if (view.record.withdrawn) return "Withdrawn";
  if (view.decision && view.decision.decision !== ProposalDecisionKind.reopened) return DECISION_WORDS[view.decision.decision];
  if (view.where.orphaned) return "Open — its words are no longer in the text";
  return view.decision ? DECISION_WORDS[view.decision.decision] : "Open";
}

/** A date-time as a delegate reads it, in UTC (negotiations span time zones). */
export function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
