/**
 * The chair's clearing queue as data: open proposals grouped by the paragraph they are on, in text
 * order, optionally narrowed to one state's; then those whose words are gone, and the cleared and
 * withdrawn. Pure, so the grouping is tested without a page.
 */
import { ProposalKind } from "../../../schemas/records";
import type { ProposalView } from "../../../shared/proposals/readProposals";
import { proposalPid, type ParagraphPlace } from "../paragraphPlaces";
import { t } from "../../i18n/localize";

/** The open proposals on one paragraph, in the order the chair reads them. */
export interface QueueGroup {
  place: ParagraphPlace;
  views: ProposalView[];
}

/** Everything the chair's list shows. */
export interface ClearingQueue {
  /** Open proposals whose words are found, by paragraph in text order. */
  groups: QueueGroup[];
  /** Open proposals whose words are no longer in the text. */
  orphaned: ProposalView[];
  /** Cleared and withdrawn proposals, never narrowed by the state filter: the record of what happened. */
  closed: ProposalView[];
  /** Every state that sponsors an open proposal, in alphabetical order: the filter's choices. */
  states: string[];
}

/** Whether `state` is among the sponsors of `view`: a co-sponsored proposal is the co-sponsor's too. */
export function sponsoredBy(view: ProposalView, state: string | null): boolean {
  return state === null || view.sponsors.includes(state);
}

/** Where a proposal comes in its paragraph: by its words' position; a new paragraph after them all. */
function positionIn(view: ProposalView): number {
  if (view.where.orphaned) return 0;
  return view.record.kind === ProposalKind.newParagraph ? Number.MAX_SAFE_INTEGER : view.where.from;
}

/**
 * Builds the queue from `views` (as `readProposals` returns them, in the order they were made) and
 * the text's `places`; with `state`, only the open proposals that state sponsors are kept.
 */
export function clearingQueue(views: readonly ProposalView[], places: ReadonlyMap<string, ParagraphPlace>, state: string | null): ClearingQueue {
  const states = new Set<string>();
  const groups = new Map<string, QueueGroup>();
  const orphaned: ProposalView[] = [];
  const closed: ProposalView[] = [];
  for (const view of views) {
    if (!view.open) {
      closed.push(view);
      continue;
    }
    for (const sponsor of view.sponsors) states.add(sponsor);
    if (!sponsoredBy(view, state)) continue;
    if (view.where.orphaned) {
      orphaned.push(view);
      continue;
    }
    const pid = proposalPid(view);
    const place = places.get(pid) ?? { pid, index: view.where.block.index, name: t("proposals.block", { number: view.where.block.index + 1 }) };
    const group = groups.get(pid) ?? { place, views: [] };
    group.views.push(view);
    groups.set(pid, group);
  }
  const ordered = [...groups.values()].sort((a, b) => a.place.index - b.place.index);
  // Array.prototype.sort is stable: proposals at the same place keep the order they were made (Alt 1, Alt 2).
  for (const group of ordered) group.views.sort((a, b) => positionIn(a) - positionIn(b));
  return { groups: ordered, orphaned, closed, states: [...states].sort() };
}
