/**
 * Proposals drawn over the chair's text as UN brackets: words proposed for deletion or replacement
 * struck through inside brackets, with every alternative for them grouped after the words
 * (`[~~open~~ → Alt 1 CUB: free / Alt 2 SLV: inclusive]`); insertions as a bracket at their point;
 * new paragraphs as "N bis" blocks; paragraphs proposed for deletion struck through. Built from the
 * Yjs state alone, since y-prosemirror replaces the whole document on every remote change.
 */
import type { Node as PMNode } from "prosemirror-model";
import { Decoration } from "prosemirror-view";
import { ProposalKind, type RevisionNumbers } from "../../../schemas/records";
import type { DraftText } from "../../../shared/anchors/resolveAnchor";
import { addedParagraphPlace } from "../../../shared/proposals/addedParagraphPlace";
import type { ProposalView } from "../../../shared/proposals/readProposals";
import type { TextBlock } from "../../../shared/text/blockText";
import { bracketName } from "./describeProposal";
import { positionOf, textLength } from "./textOffsets";
import { t, uiLanguage } from "../../i18n/localize";

/** Class names the stylesheet and tests rely on. */
export const BracketClass = {
  bracket: "bracket",
  proposal: "proposal",
  words: "proposal-words",
  deletedBlock: "proposal-deleted-block",
  addedBlock: "proposal-added-block",
} as const;

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * `node` isolated from the text around it: state codes and "Alt 1" are Latin, and in an Arabic
 * paragraph beginning with `[CUB: …]` they must neither set its direction nor reorder its brackets.
 */
function isolated(node: HTMLElement): HTMLElement {
  const bdi = document.createElement("bdi");
  bdi.append(node);
  return bdi;
}

/** One focusable proposal inside a bracket: its sponsors, then its words. */
function proposalChip(view: ProposalView): HTMLElement {
  const chip = element("span", BracketClass.proposal);
  chip.tabIndex = 0;
  chip.dataset["key"] = view.key;
  chip.dataset["kind"] = view.record.kind;
  chip.append(isolated(element("b", "sponsors", bracketName(view))), t("proposals.afterSponsors"));
  switch (view.record.kind) {
    case ProposalKind.delete:
    case ProposalKind.deleteParagraph:
      chip.append(element("i", "action", t("proposals.deleteAction")));
      break;
    default:
      chip.append(element("ins", "words", (view.record.text ?? "").trim()));
  }
  return chip;
}

/** The bracket after (or, for an insertion, at) a group of proposals on the same words. */
function bracketBody(views: readonly ProposalView[], opens: boolean): HTMLElement {
  const body = element("span", BracketClass.bracket);
  body.contentEditable = "false";
  // The arrow from struck words to their alternatives is drawn by the stylesheet, pointing the way the text reads.
  if (opens) body.append("[");
  else body.append(" ", element("span", "bracket-arrow"), " ");
  views.forEach((view, index) => {
    if (index > 0) body.append(" / ");
    body.append(proposalChip(view));
  });
  body.append("]");
  return body;
}

function widgetKey(prefix: string, views: readonly ProposalView[]): string {
  // The language is part of the key: a bracket's words are drawn in it, and a switch must draw them again.
  return `${prefix}:${uiLanguage()}:${views.map((view) => `${view.key}=${view.altLabel}/${view.sponsors.join(",")}/${view.record.text ?? ""}`).join("|")}`;
}

/** Decorations for every open proposal that has a place in `doc`; a proposed paragraph stands where the round `baseline` opened places it. */
export function bracketDecorations(doc: PMNode, text: DraftText, views: readonly ProposalView[], baseline: RevisionNumbers | null): Decoration[] {
  // The Yjs blocks and the editor's blocks line up one to one once y-prosemirror has synced them.
  if (text.blocks.length !== doc.childCount) return [];
  const starts: number[] = [];
  doc.forEach((_node, offset) => starts.push(offset));
  const placeAdded = addedParagraphPlace(text.blocks, baseline);
  const blockIndex = new Map<TextBlock, number>(text.blocks.map((block, index) => [block, index]));
  const fits = (index: number) => textLength(doc.child(index)) === text.blocks[index]!.text.length;
  const at = (index: number, offset: number) => positionOf(doc.child(index), starts[index]!, offset);

  const decorations: Decoration[] = [];
  const groups = new Map<string, { index: number; from: number; to: number; views: ProposalView[] }>();
  const deletions = new Map<number, ProposalView[]>();
  for (const view of views) {
    if (!view.open || view.where.orphaned) continue;
    const index = blockIndex.get(view.where.block)!;
    if (!fits(index)) continue;
    switch (view.record.kind) {
      case ProposalKind.deleteParagraph:
        deletions.set(index, [...(deletions.get(index) ?? []), view]);
        break;
      case ProposalKind.newParagraph: {
        const after = placeAdded(view.where.block);
        const at = starts[after]! + doc.child(after).nodeSize;
        const added = element("p", BracketClass.addedBlock);
        added.contentEditable = "false";
        added.dataset["num"] = `${view.addedLabel ?? ""}.`;
        added.append(bracketBody([view], true));
        decorations.push(Decoration.widget(at, added, { side: 1, key: widgetKey("added", [view]), ignoreSelection: true }));
        break;
      }
      default: {
        const place = `${index} ${view.where.from} ${view.where.to}`;
        const group = groups.get(place) ?? { index, from: view.where.from, to: view.where.to, views: [] };
        group.views.push(view);
        groups.set(place, group);
      }
    }
  }
  for (const [index, group] of deletions) {
    const start = starts[index]!;
    decorations.push(Decoration.node(start, start + doc.child(index).nodeSize, { class: BracketClass.deletedBlock }));
    decorations.push(Decoration.widget(start + 1, bracketBody(group, true), { side: -1, key: widgetKey("block", group), ignoreSelection: true }));
  }
  for (const { index, from, to, views: group } of groups.values()) {
    if (from === to) {
      decorations.push(Decoration.widget(at(index, from), bracketBody(group, true), { side: 1, key: widgetKey("point", group), ignoreSelection: true }));
      continue;
    }
    decorations.push(Decoration.widget(at(index, from), element("span", BracketClass.bracket, "["), { side: -1, key: `open:${index}:${from}`, ignoreSelection: true }));
    decorations.push(Decoration.inline(at(index, from), at(index, to), { class: BracketClass.words }));
    decorations.push(Decoration.widget(at(index, to), bracketBody(group, false), { side: 1, key: widgetKey("words", group), ignoreSelection: true }));
  }
  return decorations;
}
