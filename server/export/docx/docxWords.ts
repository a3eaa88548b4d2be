/**
 * The words Concord itself writes into Word documents (authors of tracked changes, reservation
 * footnotes, the notes naming alternatives and co-sponsors, decisions), in one place so that a
 * translation replaces this file and touches no layout.
 */
import { ProposalKind } from "../../../schemas/records";
import { assertNever } from "../../../shared/assertNever";
import type { ExportProposal, ExportReservation } from "../../../shared/export/exportModel";
import { stateByCode } from "../../../shared/states";

/** The author of a comment written by the chair. */
const CHAIR = "chair";

/** Who a tracked change or comment is by, as Word shows it: "Cuba (CUB)", or "Chair". */
export function authorName(author: string): string {
  if (author === CHAIR) return "Chair";
  return `${stateByCode(author).name} (${author})`;
}

/** Initials Word shows on a comment: the state code, or "CH" for the chair. */
export function authorInitials(author: string): string {
  return author === CHAIR ? "CH" : author;
}

/** The author of the notes Concord adds (alternatives, co-sponsors): not any state's words. */
export const EXPORT_NOTE_AUTHOR = "Concord";

/** A reservation's footnote: "Reservation by Cuba: reason" or "Reservation by Cuba." */
export function reservationNote(reservation: ExportReservation): string {
  const by = `Reservation by ${stateByCode(reservation.state).name}`;
  const reason = reservation.reason?.trim();
  return reason ? `${by}: ${reason}` : `${by}.`;
}

/** Sponsors in words: "Cuba (CUB)", or "Cuba (CUB), co-sponsored by El Salvador (SLV) and Uzbekistan (UZB)". */
export function sponsorsPhrase(sponsors: readonly string[]): string {
  const [first, ...others] = sponsors.map(authorName);
  if (first === undefined) throw new RangeError("A proposal without a sponsor");
  if (others.length === 0) return first;
  const last = others.pop()!;
  return `${first}, co-sponsored by ${others.length ? `${others.join(", ")} and ${last}` : last}`;
}

/** What a proposal does, in words: `replace “open” with “free”`; `quote` is the chair's words it touches, when known. */
export function whatItProposes(proposal: ExportProposal, quote: string | null): string {
  const on = quote ? ` “${quote}”` : "";
  const words = `“${proposal.text ?? ""}”`;
  switch (proposal.kind) {
    case ProposalKind.insert:
      return `insert ${words}`;
    case ProposalKind.delete:
      return `delete${on}`;
    case ProposalKind.replace:
      return quote ? `replace${on} with ${words}` : `replace with ${words}`;
    case ProposalKind.newParagraph:
      return proposal.addedLabel ? `add paragraph ${proposal.addedLabel}: ${words}` : `add a paragraph: ${words}`;
    case ProposalKind.deleteParagraph:
      return "delete the paragraph";
    default:
      return assertNever(proposal.kind);
  }
}

/** Who proposes: `Alt 1 — Cuba (CUB), co-sponsored by El Salvador (SLV)`. */
export function proposalWho(proposal: ExportProposal): string {
  const label = proposal.altLabel ? `${proposal.altLabel} — ` : "";
  return `${label}${sponsorsPhrase(proposal.sponsors)}`;
}

/** One line of a note: `Alt 1 — Cuba (CUB), co-sponsored by El Salvador (SLV): replace “open” with “free”`. */
export function proposalLine(proposal: ExportProposal, quote: string | null): string {
  return `${proposalWho(proposal)}: ${whatItProposes(proposal, quote)}`;
}

/** The heading over proposals whose paragraph is no longer in the text. */
export const UNPLACED_HEADING = "Proposals on paragraphs no longer in the text";

/** The heading over open proposals whose words are no longer in the text. */
export const ORPHANS_HEADING = "Proposals whose words are no longer in the text";

/** The heading of the compilation of proposals. */
export const COMPILATION_HEADING = "Compilation of proposals";
