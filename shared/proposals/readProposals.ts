/**
 * The proposals of a draft as everyone sees them: each with its sponsors, the chair's standing
 * decision, where its words stand now, and its label among alternatives ("Alt 2") or added
 * paragraphs ("12 bis"). A pure function of the `text` room, so every peer draws the same brackets.
 */
import * as Y from "yjs";
import { ProposalDecisionKind, ProposalKind, type Proposal, type ProposalDecision, type RevisionNumbers } from "../../schemas/records";
import { readDraftText, resolveAnchor, type DraftText, type ResolvedAnchor } from "../anchors/resolveAnchor";
import { DecisionPrefix, TextRoot } from "../documentLayout";
import { freeAddedLabel, numberBlocks } from "../numbering";
import { parseRecordKey } from "../recordKeys";
import { revisionBaseline } from "../revisions/revisionBaseline";
import { anchorScopeOf } from "./proposalScope";

/** One proposal as drawn over the chair's text. */
export interface ProposalView {
  /** `STATE:proposalId`, its key in `proposals`. */
  key: string;
  state: string;
  record: Proposal;
  /** The proposing state first, then co-sponsors in alphabetical order. */
  sponsors: string[];
  /** The chair's standing decision, if any. */
  decision: ProposalDecision | null;
  /** Not withdrawn and not cleared (or reopened): still a bracket in the text. */
  open: boolean;
  where: ResolvedAnchor;
  /** "Alt 1", "Alt 2"… when other open proposals are on the same words; null otherwise. */
  altLabel: string | null;
  /** Keys of the open proposals on the same words, itself included, in the order they were made. */
  alternatives: string[];
  /** "12 bis" for a new paragraph; null for other kinds. */
  addedLabel: string | null;
}

/** The key of a proposal's decision in `decisions`. */
export function decisionKey(proposalKey: string): string {
  return `${DecisionPrefix.proposal}${proposalKey}`;
}

/** The key of a state's support for a proposal in `supports`. */
export function supportKey(state: string, proposalKey: string): string {
  return `${state}:${proposalKey}`;
}

/** Whether a decision leaves its proposal open. */
export function isOpenDecision(decision: ProposalDecision | null): boolean {
  return decision === null || decision.decision === ProposalDecisionKind.reopened;
}

function byCreation(a: { key: string; record: Proposal }, b: { key: string; record: Proposal }): number {
  return a.record.createdAt < b.record.createdAt ? -1 : a.record.createdAt > b.record.createdAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function sponsorsByProposal(supports: Y.Map<unknown>): Map<string, string[]> {
  const sponsors = new Map<string, string[]>();
  for (const [key, value] of supports) {
    if (value !== true) continue;
    const parsed = parseRecordKey(key);
    if (!parsed) continue;
    const list = sponsors.get(parsed.id) ?? [];
    list.push(parsed.owner);
    sponsors.set(parsed.id, list);
  }
  return sponsors;
}

/** Where a resolved proposal stands, as a key that equal ranges share. */
function placeKey(view: ProposalView): string | null {
  if (view.where.orphaned || !view.open) return null;
  const { block, from, to } = view.where;
  switch (view.record.kind) {
    case ProposalKind.newParagraph:
      return null;
    case ProposalKind.deleteParagraph:
      return `block ${block.index}`;
    default:
      return `words ${block.index} ${from} ${to}`;
  }
}

/** Every proposal of the `text` room `doc`, in the order they were made. */
export function readProposals(doc: Y.Doc, text: DraftText = readDraftText(doc.getXmlFragment(TextRoot.content))): ProposalView[] {
  const proposals = doc.getMap<Proposal>(TextRoot.proposals);
  const decisions = doc.getMap<ProposalDecision>(TextRoot.decisions);
  const supporters = sponsorsByProposal(doc.getMap(TextRoot.supports));

  const views: ProposalView[] = [];
  for (const [key, record] of proposals) {
    const parsed = parseRecordKey(key);
    if (!parsed || typeof record !== "object" || record === null) continue;
    const decision = decisions.get(decisionKey(key)) ?? null;
    const cosponsors = (supporters.get(key) ?? []).filter((state) => state !== parsed.owner).sort();
    views.push({
      key,
      state: parsed.owner,
      record,
      sponsors: [parsed.owner, ...cosponsors],
      decision,
      open: !record.withdrawn && isOpenDecision(decision),
      where: resolveAnchor(text, record.anchor, anchorScopeOf(record.kind)),
      altLabel: null,
      alternatives: [],
      addedLabel: null,
    });
  }
  views.sort(byCreation);
  labelAlternatives(views);
  labelAddedParagraphs(views, text, revisionBaseline(doc));
  return views;
}

function labelAlternatives(views: ProposalView[]): void {
  const groups = new Map<string, ProposalView[]>();
  for (const view of views) {
    const place = placeKey(view);
    if (place === null) continue;
    const group = groups.get(place) ?? [];
    group.push(view);
    groups.set(place, group);
  }
  for (const group of groups.values()) {
    const keys = group.map((view) => view.key);
    group.forEach((view, index) => {
      view.alternatives = keys;
      view.altLabel = group.length > 1 ? `Alt ${index + 1}` : null;
    });
  }
}

/** Whether a proposal is an open new paragraph whose place in the text is known, so it takes a label. */
function isPlacedNewParagraph(view: ProposalView): boolean {
  return view.record.kind === ProposalKind.newParagraph && !view.where.orphaned && view.open;
}

/**
 * An open proposal to add a paragraph reads as the next free "N bis / ter…" after the paragraph it
 * follows: after "3 ter" when the round has already added "3 bis" (added paragraphs follow the
 * nearest paragraph that kept its number, never "3 bis bis"), and never a number deleted this round.
 */
function labelAddedParagraphs(views: ProposalView[], text: DraftText, baseline: RevisionNumbers | null): void {
  // Numbering reads every block, and the status publisher reads the proposals after each change:
  // a draft with no open proposal of a new paragraph skips it.
  if (!views.some(isPlacedNewParagraph)) return;
  const numbers = numberBlocks(text.blocks, baseline);
  const taken = new Set<string>(Object.values(baseline ?? {}));
  for (const { label } of numbers) if (label !== null) taken.add(label);
  for (const view of views) {
    if (!isPlacedNewParagraph(view) || view.where.orphaned) continue;
    // A paragraph added after a heading or sub-item takes the number of the paragraph before it.
    const after = numbers[text.blocks.indexOf(view.where.block)]!.after;
    view.addedLabel = freeAddedLabel(after, taken);
    taken.add(view.addedLabel);
  }
}
