/**
 * How every export names a proposal's people and standing: the sponsors as a bracket shows them
 * (`CUB, SLV +2`), what it does and where it stands in the compilation ("replace", "rejected"…).
 */
import { ProposalDecisionKind, ProposalKind } from "../../schemas/records";
import { assertNever } from "../assertNever";
import type { ExportProposal } from "./exportModel";

/** Sponsors as a bracket names them: up to two states, then how many more. */
export function sponsorLabel(sponsors: readonly string[]): string {
  return sponsors.length <= 2 ? sponsors.join(", ") : `${sponsors.slice(0, 2).join(", ")} +${sponsors.length - 2}`;
}

/** Who a bracket is by: "Alt 2 SLV, UZB", or the sponsors alone. */
export function bracketAuthor(proposal: ExportProposal): string {
  return proposal.altLabel ? `${proposal.altLabel} ${sponsorLabel(proposal.sponsors)}` : sponsorLabel(proposal.sponsors);
}

/** Where a proposal stands, as the compilation prints it. */
export function proposalStanding(proposal: ExportProposal): string {
  if (proposal.withdrawn) return "withdrawn";
  switch (proposal.decision) {
    case null:
    case ProposalDecisionKind.reopened:
      return "open";
    case ProposalDecisionKind.accepted:
      return "accepted";
    case ProposalDecisionKind.rejected:
      return "rejected";
    case ProposalDecisionKind.setAside:
      return "set aside to the Chair's summary";
    default:
      return assertNever(proposal.decision);
  }
}

/** What a proposal does, in words: "replace", "insert"… as the compilation lists it. */
export function proposalAction(kind: ProposalKind): string {
  switch (kind) {
    case ProposalKind.insert:
      return "insert";
    case ProposalKind.delete:
      return "delete";
    case ProposalKind.replace:
      return "replace";
    case ProposalKind.newParagraph:
      return "add a paragraph";
    case ProposalKind.deleteParagraph:
      return "delete the paragraph";
    default:
      return assertNever(kind);
  }
}

/** Co-sponsors of a proposal: its sponsors after the proposing state. */
export function cosponsorsOf(proposal: ExportProposal): string[] {
  return proposal.sponsors.slice(1);
}
