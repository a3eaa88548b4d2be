import "../../../support/english";
import * as Y from "yjs";
import { ProposalKind, StanceKind } from "../../../../schemas/records";
import { readDraftText } from "../../../../shared/anchors/resolveAnchor";
import { setStance } from "../../../../shared/consensus/stanceWrites";
import { TextRoot } from "../../../../shared/documentLayout";
import { acceptProposal } from "../../../../shared/proposals/clearProposal";
import { propose, supportProposal, withdrawProposal } from "../../../../shared/proposals/proposeChange";
import { readProposals } from "../../../../shared/proposals/readProposals";
import { delegationItems, stancesOf } from "../../../../client/editor/delegation/delegationItems";
import { paragraphPlaces } from "../../../../client/editor/paragraphPlaces";
import { doc, h, p } from "../../../support/dsl";
import { pidAt, secondsApart, wordSpan, yDraft } from "../../../support/yDraft";

const FIRST = "States should promote an open, secure and stable ICT environment.";
const SECOND = "The Group welcomed regional initiatives.";
const THIRD = "States noted the digital divide.";

/** Records made one second apart, so their order is the order of the test. */
const at = secondsApart();

function itemsOf(state: string, ydoc: Y.Doc, floorDoc: Y.Doc | null) {
  const text = readDraftText(ydoc.getXmlFragment(TextRoot.content));
  return delegationItems(state, readProposals(ydoc, text), paragraphPlaces(text, null), stancesOf(floorDoc));
}

describe("a delegation's own items", () => {
  it("lists its proposals open first, then cleared, each in text order, with the paragraph they are on", () => {
    const ydoc = yDraft(doc(h(2, "A. Introduction"), p(FIRST), p(SECOND), p(THIRD)));
    const late = propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 3), ...wordSpan(THIRD, "noted"), text: "regretted" }, at());
    const accepted = propose(ydoc, "CUB", { kind: ProposalKind.delete, pid: pidAt(ydoc, 2), ...wordSpan(SECOND, "regional ") }, at());
    const early = propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "stable"), text: "peaceful" }, at());
    const withdrawn = propose(ydoc, "CUB", { kind: ProposalKind.deleteParagraph, pid: pidAt(ydoc, 1) }, at());
    withdrawProposal(ydoc, "CUB", withdrawn);
    acceptProposal(ydoc, accepted);
    propose(ydoc, "SLV", { kind: ProposalKind.deleteParagraph, pid: pidAt(ydoc, 3) }, at());

    const { proposed } = itemsOf("CUB", ydoc, null);
    expect(proposed.map(({ view, place }) => [view.key, view.open, place?.name])).toEqual([
      [early, true, "Paragraph 1"],
      [late, true, "Paragraph 3"],
      [withdrawn, false, "Paragraph 1"],
      [accepted, false, "Paragraph 2"],
    ]);
  });

  it("lists the other states' proposals it co-sponsors, not its own or those it stopped co-sponsoring", () => {
    const ydoc = yDraft(doc(p(FIRST), p(SECOND)));
    const own = propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 0), ...wordSpan(FIRST, "stable"), text: "peaceful" }, at());
    const slv = propose(ydoc, "SLV", { kind: ProposalKind.deleteParagraph, pid: pidAt(ydoc, 1) }, at());
    const uzb = propose(ydoc, "UZB", { kind: ProposalKind.delete, pid: pidAt(ydoc, 0), ...wordSpan(FIRST, "open, ") }, at());
    supportProposal(ydoc, "CUB", slv);
    supportProposal(ydoc, "CUB", uzb);
    supportProposal(ydoc, "CUB", uzb, false);
    supportProposal(ydoc, "SLV", own);

    const items = itemsOf("CUB", ydoc, null);
    expect(items.supported.map(({ view, place }) => [view.key, place?.name])).toEqual([[slv, "Paragraph 2"]]);
    expect(items.proposed.map(({ view }) => view.key)).toEqual([own]);
    expect(itemsOf("SLV", ydoc, null).supported.map(({ view }) => view.key)).toEqual([own]);
  });

  it("lists the paragraphs it objects to in text order, not its reservations, its withdrawn objections or other states'", () => {
    const ydoc = yDraft(doc(p(FIRST), p(SECOND), p(THIRD)));
    const floorDoc = new Y.Doc();
    setStance(floorDoc, "CUB", pidAt(ydoc, 2), StanceKind.object, "Too weak.");
    setStance(floorDoc, "CUB", pidAt(ydoc, 0), StanceKind.object, "Too strong.");
    setStance(floorDoc, "CUB", pidAt(ydoc, 1), StanceKind.reserve, "A footnote, please.");
    setStance(floorDoc, "SLV", pidAt(ydoc, 1), StanceKind.object, "No.");
    setStance(floorDoc, "CUB", "gone-paragraph", StanceKind.object, "Was wrong.");
    setStance(floorDoc, "UZB", pidAt(ydoc, 0), StanceKind.object, "Also no.");
    setStance(floorDoc, "UZB", pidAt(ydoc, 0), StanceKind.none);

    const { objections } = itemsOf("CUB", ydoc, floorDoc);
    expect(objections.map(({ pid, place, stance }) => [pid, place?.name ?? null, stance.reason])).toEqual([
      [pidAt(ydoc, 0), "Paragraph 1", "Too strong."],
      [pidAt(ydoc, 2), "Paragraph 3", "Too weak."],
      ["gone-paragraph", null, "Was wrong."],
    ]);
    expect(itemsOf("UZB", ydoc, floorDoc).objections).toEqual([]);
    expect(itemsOf("CUB", ydoc, null).objections).toEqual([]);
  });
});
