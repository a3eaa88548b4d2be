/**
 * The link from a proposal to the written contribution its words came from: shown on the
 * proposal's card and in the list, it opens the contribution beside the text.
 */
import type { Proposal } from "../../schemas/records";
import { parseRecordKey } from "../../shared/recordKeys";
import { t } from "../i18n/localize";

/** The event that opens a contribution in the panel, dispatched on `document` with the contribution's key as detail. */
export const OPEN_CONTRIBUTION_EVENT = "concord:open-contribution";

/** A link to `proposal`'s source contribution; null when it has none. */
export function proposalSourceLink(proposal: Proposal): HTMLElement | null {
  if (!proposal.source) return null;
  const key = proposal.source.contribution;
  const link = document.createElement("a");
  link.className = "proposal-source";
  link.href = "#contributions";
  link.textContent = t("contributions.source", { state: parseRecordKey(key)?.owner ?? "" });
  link.addEventListener("click", (event) => {
    event.preventDefault();
    document.dispatchEvent(new CustomEvent(OPEN_CONTRIBUTION_EVENT, { detail: key }));
  });
  return link;
}
