/**
 * Acceptance 2 of the proposals issue: chair edits made the way y-prosemirror makes them (typing,
 * deleting, splitting and merging paragraphs, synced with `updateYFragment`) race with proposals
 * from several delegations; once the peers have synced, every peer resolves every anchor alike,
 * and each resolved range holds its quoted words or is orphaned everywhere.
 */
import fc from "fast-check";
import { TextSelection } from "prosemirror-state";
import { EditorState } from "prosemirror-state";
import { initProseMirrorDoc, updateYFragment } from "y-prosemirror";
import * as Y from "yjs";
import { ProposalKind, type Proposal } from "../../../schemas/records";
import { readDraftText, resolveAnchor } from "../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../shared/documentLayout";
import { withUniquePids } from "../../../shared/pid";
import { propose } from "../../../shared/proposals/proposeChange";
import { anchorScopeOf } from "../../../shared/proposals/proposalScope";
import { schema } from "../../../shared/schema";
import { textBlocks } from "../../../shared/text/blockText";
import { doc, h, p } from "../../support/dsl";
import { peerOf, syncAll, yDraft } from "../../support/yDraft";

const CHAIRS = 2;
const STATES = ["CUB", "SLV", "UZB"];
const WORDS = ["ICT ", "security", " and ", "peace", "States", ", ", "the Group", "norms", "."];

type Action =
  | { op: "type"; peer: number; block: number; at: number; text: string }
  | { op: "delete"; peer: number; block: number; at: number; length: number }
  | { op: "split"; peer: number; block: number; at: number }
  | { op: "merge"; peer: number; block: number }
  | { op: "propose"; peer: number; block: number; at: number; length: number; kind: ProposalKind; text: string }
  | { op: "sync"; a: number; b: number };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ op: fc.constant("type" as const), peer: fc.nat(CHAIRS - 1), block: fraction, at: fraction, text: fc.constantFrom(...WORDS) }),
  fc.record({ op: fc.constant("delete" as const), peer: fc.nat(CHAIRS - 1), block: fraction, at: fraction, length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant("split" as const), peer: fc.nat(CHAIRS - 1), block: fraction, at: fraction }),
  fc.record({ op: fc.constant("merge" as const), peer: fc.nat(CHAIRS - 1), block: fraction }),
  fc.record({
    op: fc.constant("propose" as const),
    peer: fc.nat(STATES.length - 1),
    block: fraction,
    at: fraction,
    length: fc.integer({ min: 0, max: 15 }),
    kind: fc.constantFrom(...Object.values(ProposalKind)),
    text: fc.constantFrom(...WORDS),
  }),
  fc.record({ op: fc.constant("sync" as const), a: fc.nat(CHAIRS + STATES.length - 1), b: fc.nat(CHAIRS + STATES.length - 1) }),
) as fc.Arbitrary<Action>;

const pick = (count: number, share: number) => Math.min(count - 1, Math.floor(share * count));

/** A chair's edit as y-prosemirror makes it: a ProseMirror transaction, then `updateYFragment`. */
function chairEdit(ydoc: Y.Doc, edit: (state: EditorState) => EditorState["tr"] | null): void {
  const fragment = ydoc.getXmlFragment(TextRoot.content);
  const { doc: before, meta } = initProseMirrorDoc(fragment, schema);
  const tr = edit(EditorState.create({ doc: before, schema }));
  if (!tr || !tr.docChanged) return;
  // The editor's pid plugin repairs the pid a split copied, in the same change.
  updateYFragment(ydoc, fragment, withUniquePids(tr.doc), meta);
}

/** Start and end positions (ProseMirror) of each top-level block's content. */
function blockRanges(state: EditorState): Array<{ from: number; to: number }> {
  const ranges: Array<{ from: number; to: number }> = [];
  state.doc.forEach((node, offset) => ranges.push({ from: offset + 1, to: offset + 1 + node.content.size }));
  return ranges;
}

function run(peers: Y.Doc[], act: Action): void {
  switch (act.op) {
    case "sync":
      syncAll([peers[act.a]!, peers[act.b]!]);
      return;
    case "propose": {
      const ydoc = peers[CHAIRS + act.peer]!;
      const blocks = textBlocks(ydoc.getXmlFragment(TextRoot.content));
      const block = blocks[pick(blocks.length, act.block)]!;
      if (!block.pid) return;
      const from = Math.floor(act.at * (block.text.length + 1));
      const to = Math.min(block.text.length, from + act.length);
      const state = STATES[act.peer]!;
      if (act.kind === ProposalKind.insert) propose(ydoc, state, { kind: act.kind, pid: block.pid, at: from, text: act.text });
      else if (act.kind === ProposalKind.newParagraph) propose(ydoc, state, { kind: act.kind, after: block.pid, text: act.text });
      else if (act.kind === ProposalKind.deleteParagraph) propose(ydoc, state, { kind: act.kind, pid: block.pid });
      else if (to > from) {
        if (act.kind === ProposalKind.delete) propose(ydoc, state, { kind: act.kind, pid: block.pid, from, to });
        else propose(ydoc, state, { kind: act.kind, pid: block.pid, from, to, text: act.text });
      }
      return;
    }
    default:
      chairEdit(peers[act.peer]!, (state) => {
        const ranges = blockRanges(state);
        const range = ranges[pick(ranges.length, act.block)]!;
        const at = range.from + Math.floor(("at" in act ? act.at : 0) * (range.to - range.from + 1));
        switch (act.op) {
          case "type":
            return state.tr.insertText(act.text, at);
          case "delete":
            return range.to > at ? state.tr.delete(at, Math.min(range.to, at + act.length)) : null;
          case "split":
            return state.tr.setSelection(TextSelection.create(state.doc, at)).split(at);
          case "merge":
            return range.to + 1 < state.doc.content.size ? state.tr.join(range.to + 1) : null;
        }
      });
  }
}

function resolvedEverywhere(ydoc: Y.Doc): Array<{ key: string; at: string; quote: string; held: boolean }> {
  const text = readDraftText(ydoc.getXmlFragment(TextRoot.content));
  const proposals = [...ydoc.getMap<Proposal>(TextRoot.proposals).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return proposals.map(([key, record]) => {
    const found = resolveAnchor(text, record.anchor, anchorScopeOf(record.kind));
    if (found.orphaned) return { key, at: "orphaned", quote: record.anchor.quote, held: true };
    const words = found.block.text.slice(found.from, found.to);
    const held = anchorScopeOf(record.kind) === "block" || words === record.anchor.quote;
    return { key, at: `${found.block.index}:${found.from}-${found.to}`, quote: record.anchor.quote, held };
  });
}

describe("anchors under concurrent editing", () => {
  it("resolve to the same words on every peer, or are orphaned on every peer", () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 5, maxLength: 40 }), (actions) => {
        const origin = yDraft(
          doc(
            h(2, "A. Existing and potential threats"),
            p("States recalled that ICT security is a matter of peace and security."),
            p("The Group noted the norms of responsible State behaviour."),
            p("Capacity-building should be demand-driven and gender-sensitive."),
          ),
          1,
        );
        const peers = Array.from({ length: CHAIRS + STATES.length }, (_, index) => peerOf(origin, 10 + index));
        for (const act of actions) run(peers, act);
        syncAll(peers);
        const readings = peers.map(resolvedEverywhere);
        for (const reading of readings) {
          expect(reading).toEqual(readings[0]);
          for (const entry of reading) expect(entry.held).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
