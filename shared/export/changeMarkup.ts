/**
 * What a proposal does to the chair's words, as `<ins>`/`<del>` markup: the one form HTML and
 * Akoma Ntoso share (both have those two elements with the same meaning).
 */
import { ProposalKind } from "../../schemas/records";
import { assertNever } from "../assertNever";
import { escapeMarkup } from "./escapeMarkup";
import type { ExportProposal } from "./exportModel";

/** The change `proposal` makes to `words` (already markup): inserted words, struck words, or both. */
export function changeMarkup(proposal: ExportProposal, words: string): string {
  const inserted = `<ins>${escapeMarkup((proposal.text ?? "").trim())}</ins>`;
  switch (proposal.kind) {
    case ProposalKind.insert:
    case ProposalKind.newParagraph:
      return inserted;
    case ProposalKind.delete:
    case ProposalKind.deleteParagraph:
      return `<del>${words}</del>`;
    case ProposalKind.replace:
      return `<del>${words}</del> ${inserted}`;
    default:
      return assertNever(proposal.kind);
  }
}
