/**
 * The chair clearing brackets: accept (the change to the text, the decision, and setting aside the
 * alternatives, all in one transaction, so they reach everyone as one update), reject, set aside
 * to the Chair's summary, and reopen (which restores the text an acceptance changed).
 */
import * as Y from "yjs";
import { ProposalDecisionKind, ProposalKind, type AppliedChange, type ProposalDecision, type RevisionNumbers } from "../../schemas/records";
import { createAnchor } from "../anchors/createAnchor";
import { AnchorScope, readDraftText, resolveAnchor } from "../anchors/resolveAnchor";
import { assertNever } from "../assertNever";
import { TextRoot } from "../documentLayout";
import { LocalRefusal } from "../LocalRefusal";
import { freshPid } from "../pid";
import { revisionBaseline } from "../revisions/revisionBaseline";
import { BlockType } from "../schema";
import { FOOTNOTE_CHAR, textBlocks, type TextBlock } from "../text/blockText";
import { deleteWords, insertWords, replaceWords } from "../text/editBlock";
import { addedParagraphPlace } from "./addedParagraphPlace";
import { decisionKey, readProposals, type ProposalView } from "./readProposals";

function openProposal(doc: Y.Doc, key: string): ProposalView {
  const view = readProposals(doc).find((candidate) => candidate.key === key);
  if (!view) throw new LocalRefusal("proposal-not-found", {}, `No proposal ${key}`);
  if (!view.open) throw new LocalRefusal("proposal-not-open", {}, `Proposal ${key} is not open`);
  return view;
}

function decisions(doc: Y.Doc): Y.Map<ProposalDecision> {
  return doc.getMap<ProposalDecision>(TextRoot.decisions);
}

function takenPids(fragment: Y.XmlFragment): Set<string> {
  return new Set(textBlocks(fragment).flatMap((block) => (block.pid ? [block.pid] : [])));
}

function newBlock(type: BlockType, pid: string, level: number | null, text: string): Y.XmlElement {
  const element = new Y.XmlElement(type);
  element.setAttribute("pid", pid);
  if (level !== null && type !== BlockType.paragraph) element.setAttribute("level", level as unknown as string);
  const run = new Y.XmlText();
  run.insert(0, text);
  element.insert(0, [run]);
  return element;
}

/** Where a paragraph added after `block` goes: after the block and the sub-items that follow it. */
function indexAfter(fragment: Y.XmlFragment, block: TextBlock, baseline: RevisionNumbers | null): number {
  const blocks = textBlocks(fragment);
  return blocks[addedParagraphPlace(blocks, baseline)(block)]!.index + 1;
}

/** Makes the change `view` proposes; returns how to undo it, or undefined where it cannot be undone. */
function applyChange(fragment: Y.XmlFragment, view: ProposalView, baseline: RevisionNumbers | null): AppliedChange | undefined {
  if (view.where.orphaned) throw new LocalRefusal("proposal-orphaned", {}, `Proposal ${view.key} is orphaned: its words are no longer in the text`);
  const { block, from, to } = view.where;
  const words = view.record.text ?? "";
  const wordsChanged = (): AppliedChange | undefined =>
    block.pid ? { kind: "words", anchor: createAnchor(fragment, block.pid, from, from + words.length), previous: block.text.slice(from, to) } : undefined;
  switch (view.record.kind) {
    case ProposalKind.insert:
      insertWords(block.element, from, words);
      return wordsChanged();
    case ProposalKind.delete:
      deleteWords(block.element, from, to);
      return wordsChanged();
    case ProposalKind.replace:
      replaceWords(block.element, from, to, words);
      return wordsChanged();
    case ProposalKind.newParagraph: {
      const pid = freshPid(`${block.pid ?? "start"}:${view.key}`, takenPids(fragment));
      fragment.insert(indexAfter(fragment, block, baseline), [newBlock(BlockType.paragraph, pid, null, words)]);
      return { kind: "addedBlock", pid };
    }
    case ProposalKind.deleteParagraph: {
      const blocks = textBlocks(fragment);
      const before = blocks[blocks.findIndex((candidate) => candidate.element === block.element) - 1];
      fragment.delete(block.index, 1);
      if (!block.pid) return undefined;
      const removed: AppliedChange = { kind: "removedBlock", pid: block.pid, type: block.type, text: block.text.split(FOOTNOTE_CHAR).join("") };
      if (block.level !== null) removed.level = block.level;
      if (before?.pid) removed.after = before.pid;
      return removed;
    }
    default:
      return assertNever(view.record.kind);
  }
}

/**
 * Accepts proposal `key`: changes the chair's text, records the decision with how to undo it, and
 * sets aside the open alternatives on the same words, in one transaction of `doc` (the `text` room).
 */
export function acceptProposal(doc: Y.Doc, key: string, now = new Date()): void {
  doc.transact(() => {
    const view = openProposal(doc, key);
    const at = now.toISOString();
    const applied = applyChange(doc.getXmlFragment(TextRoot.content), view, revisionBaseline(doc));
    decisions(doc).set(decisionKey(key), applied ? { decision: ProposalDecisionKind.accepted, at, applied } : { decision: ProposalDecisionKind.accepted, at });
    for (const alternative of view.alternatives) {
      if (alternative === key) continue;
      decisions(doc).set(decisionKey(alternative), { decision: ProposalDecisionKind.setAside, at, alongside: key });
    }
  });
}

/** Rejects proposal `key`, with an optional note for the record. */
export function rejectProposal(doc: Y.Doc, key: string, note?: string, now = new Date()): void {
  decide(doc, key, ProposalDecisionKind.rejected, note, now);
}

/** Sets proposal `key` aside to the Chair's summary. */
export function setAsideProposal(doc: Y.Doc, key: string, note?: string, now = new Date()): void {
  decide(doc, key, ProposalDecisionKind.setAside, note, now);
}

function decide(doc: Y.Doc, key: string, decision: ProposalDecisionKind, note: string | undefined, now: Date): void {
  doc.transact(() => {
    openProposal(doc, key);
    decisions(doc).set(decisionKey(key), note ? { decision, at: now.toISOString(), note } : { decision, at: now.toISOString() });
  });
}

/** Undoes an applied change; false when the text has changed so much since that it cannot. */
function restore(fragment: Y.XmlFragment, applied: AppliedChange): boolean {
  const text = readDraftText(fragment);
  switch (applied.kind) {
    case "words": {
      const where = resolveAnchor(text, applied.anchor, AnchorScope.words);
      if (where.orphaned) return false;
      replaceWords(where.block.element, where.from, where.to, applied.previous);
      return true;
    }
    case "addedBlock": {
      const block = text.blocks.find((candidate) => candidate.pid === applied.pid);
      if (!block) return false;
      fragment.delete(block.index, 1);
      return true;
    }
    case "removedBlock": {
      const after = applied.after === undefined ? null : text.blocks.find((candidate) => candidate.pid === applied.after);
      if (after === undefined) return false;
      const taken = takenPids(fragment);
      const pid = taken.has(applied.pid) ? freshPid(applied.pid, taken) : applied.pid;
      fragment.insert(after ? after.index + 1 : 0, [newBlock(applied.type, pid, applied.level ?? null, applied.text)]);
      return true;
    }
    default:
      return assertNever(applied);
  }
}

/**
 * Reopens proposal `key`. Reopening an acceptance restores the text it changed and reopens the
 * alternatives set aside with it. Returns false when the text could not be restored (the accepted
 * words were edited since); the proposal is reopened all the same.
 */
export function reopenProposal(doc: Y.Doc, key: string, now = new Date()): boolean {
  let restored = true;
  doc.transact(() => {
    const map = decisions(doc);
    const standing = map.get(decisionKey(key));
    if (!standing || standing.decision === ProposalDecisionKind.reopened) throw new LocalRefusal("proposal-already-open", {}, `Proposal ${key} is already open`);
    const at = now.toISOString();
    if (standing.decision === ProposalDecisionKind.accepted) {
      if (standing.applied) restored = restore(doc.getXmlFragment(TextRoot.content), standing.applied);
      for (const [otherKey, other] of map) {
        if (other.alongside === key && other.decision === ProposalDecisionKind.setAside) {
          map.set(otherKey, { decision: ProposalDecisionKind.reopened, at });
        }
      }
    }
    map.set(decisionKey(key), { decision: ProposalDecisionKind.reopened, at });
  });
  return restored;
}
