/**
 * What one delegation has on the table, as data for its own view: the proposals it made (open
 * first, then cleared and withdrawn), the other states' proposals it co-sponsors, and the
 * paragraphs it objects to — each with the place in the text it is about. Pure, so it is tested
 * without a page.
 */
import type * as Y from "yjs";
import { StanceKind, type Stance } from "../../../schemas/records";
import { FloorRoot } from "../../../shared/documentLayout";
import type { ProposalView } from "../../../shared/proposals/readProposals";
import { parseRecordKey } from "../../../shared/recordKeys";
import { proposalPid, type ParagraphPlace } from "../paragraphPlaces";

/** A proposal in the view, with the paragraph it is on; null once that paragraph has left the text. */
export interface PlacedProposal {
  view: ProposalView;
  place: ParagraphPlace | null;
}

/** An objection of the delegation, with the paragraph it is on; null once that paragraph has left the text. */
export interface PlacedObjection {
  pid: string;
  stance: Stance;
  place: ParagraphPlace | null;
}

/** Everything the delegation's view lists. */
export interface DelegationItems {
  proposed: PlacedProposal[];
  supported: PlacedProposal[];
  objections: PlacedObjection[];
}

/** Text order; what is no longer in the text comes last. */
function byPlace(a: { place: ParagraphPlace | null }, b: { place: ParagraphPlace | null }): number {
  return (a.place?.index ?? Number.MAX_SAFE_INTEGER) - (b.place?.index ?? Number.MAX_SAFE_INTEGER);
}

/** The `state:pid` stances of the `floor` room, for `delegationItems`. */
export function stancesOf(floorDoc: Y.Doc | null): Iterable<[string, Stance]> {
  return floorDoc ? floorDoc.getMap<Stance>(FloorRoot.stances).entries() : [];
}

/**
 * The items of delegation `state`, from every proposal `views` (as `readProposals` returns them),
 * the text's `places` and the `floor` room's `stances` (empty for a page without the floor room).
 */
export function delegationItems(state: string, views: readonly ProposalView[], places: ReadonlyMap<string, ParagraphPlace>, stances: Iterable<[string, Stance]>): DelegationItems {
  const placed = (view: ProposalView): PlacedProposal => ({ view, place: places.get(proposalPid(view)) ?? null });
  const proposed = views.filter((view) => view.state === state).map(placed);
  // Stable sorts: open before cleared, each in text order, and the order they were made within a paragraph.
  proposed.sort(byPlace).sort((a, b) => Number(b.view.open) - Number(a.view.open));
  const supported = views.filter((view) => view.state !== state && view.sponsors.includes(state)).map(placed);
  supported.sort(byPlace).sort((a, b) => Number(b.view.open) - Number(a.view.open));
  const objections: PlacedObjection[] = [];
  for (const [key, stance] of stances) {
    const parsed = parseRecordKey(key);
    if (parsed?.owner !== state || stance.stance !== StanceKind.object) continue;
    objections.push({ pid: parsed.id, stance, place: places.get(parsed.id) ?? null });
  }
  objections.sort(byPlace);
  return { proposed, supported, objections };
}
