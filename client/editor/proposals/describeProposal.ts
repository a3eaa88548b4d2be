/** How a proposal is named and described to a person, in one place for brackets, cards and lists. */
import { ProposalDecisionKind, ProposalKind } from "../../../schemas/records";
import { assertNever } from "../../../shared/assertNever";
import { sponsorLabel } from "../../../shared/export/proposalWords";
import type { ProposalView } from "../../../shared/proposals/readProposals";
import { formatDateTime } from "../../i18n/formatDates";
import { t } from "../../i18n/localize";
import type { MessageKey } from "../../i18n/messageKeys";

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
      return t("proposals.insert", { text: text.trim() });
    case ProposalKind.delete:
      return t("proposals.delete", { quote });
    case ProposalKind.replace:
      return t("proposals.replace", { quote, text });
    case ProposalKind.newParagraph:
      return view.addedLabel ? t("proposals.newParagraphNumbered", { label: view.addedLabel, text }) : t("proposals.newParagraph", { text });
    case ProposalKind.deleteParagraph:
      return t("proposals.deleteParagraph");
    default:
      return assertNever(view.record.kind);
  }
}

const DECISION_WORDS: Record<ProposalDecisionKind, MessageKey> = {
  [ProposalDecisionKind.accepted]: "proposals.accepted",
  [ProposalDecisionKind.rejected]: "proposals.rejected",
  [ProposalDecisionKind.setAside]: "proposals.setAside",
  [ProposalDecisionKind.reopened]: "proposals.reopened",
};

/** Where the proposal stands: open, withdrawn, decided, or orphaned. */
export function describeStatus(view: ProposalView): string {
  if (view.record.withdrawn) return t("proposals.withdrawn");
  if (view.decision && view.decision.decision !== ProposalDecisionKind.reopened) return t(DECISION_WORDS[view.decision.decision]);
  if (view.where.orphaned) return t("proposals.openOrphaned");
  return view.decision ? t(DECISION_WORDS[view.decision.decision]) : t("proposals.open");
}

/**
 * A date-time as a delegate reads it: in the reader's language and time zone (`formatDateTime`).
 * Kept under this name for the audit view, which shows record times the same way.
 */
export function formatTime(iso: string): string {
  return formatDateTime(iso);
}
