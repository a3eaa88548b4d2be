import "../../../support/english";
import type * as Y from "yjs";
import { ProposalKind } from "../../../../schemas/records";
import { readDraftText } from "../../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../../shared/documentLayout";
import { rejectProposal } from "../../../../shared/proposals/clearProposal";
import { propose, supportProposal, withdrawProposal } from "../../../../shared/proposals/proposeChange";
import { readProposals } from "../../../../shared/proposals/readProposals";
import { textBlocks } from "../../../../shared/text/blockText";
import { replaceWords } from "../../../../shared/text/editBlock";
import { clearingQueue } from "../../../../client/editor/proposals/clearingQueue";
import { paragraphPlaces } from "../../../../client/editor/paragraphPlaces";
import { doc, h, item, p } from "../../../support/dsl";
import { pidAt, secondsApart, wordSpan, yDraft } from "../../../support/yDraft";

const FIRST = "States should promote an open, secure and stable ICT environment.";
const SECOND = "States observed the following developments:";
const THIRD = "The Group welcomed regional initiatives.";

function draft(): Y.Doc {
  return yDraft(doc(h(2, "A. Introduction"), p(FIRST), p(SECOND), item(1, "ransomware operations;"), p(THIRD)));
}

/** Records made one second apart, so their order is the order of the test. */
const at = secondsApart();

function queueOf(ydoc: Y.Doc, state: string | null) {
  const text = readDraftText(ydoc.getXmlFragment(TextRoot.content));
  return clearingQueue(readProposals(ydoc, text), paragraphPlaces(text, null), state);
}

/** "Paragraph 1: CUB replace, SLV insert" for each group. */
function summary(ydoc: Y.Doc, state: string | null): string[] {
  return queueOf(ydoc, state).groups.map((group) => `${group.place.name}: ${group.views.map((view) => `${view.state} ${view.record.kind}`).join(", ")}`);
}

describe("the chair's clearing queue", () => {
  it("groups open proposals by paragraph in text order, by position within one, whatever order they were made in", () => {
    const ydoc = draft();
    propose(ydoc, "SLV", { kind: ProposalKind.insert, pid: pidAt(ydoc, 4), at: THIRD.length - 1, text: " and subregional" }, at());
    propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "stable"), text: "peaceful" }, at());
    propose(ydoc, "UZB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 1), text: "States recalled capacity-building." }, at());
    propose(ydoc, "SLV", { kind: ProposalKind.delete, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "open, ") }, at());
    propose(ydoc, "CUB", { kind: ProposalKind.delete, pid: pidAt(ydoc, 3), ...wordSpan("ransomware operations;", "operations") }, at());

    expect(summary(ydoc, null)).toEqual([
      "Paragraph 1: SLV delete, CUB replace, UZB newParagraph",
      "Paragraph 2 (a): CUB delete",
      "Paragraph 3: SLV insert",
    ]);
    expect(queueOf(ydoc, null).states).toEqual(["CUB", "SLV", "UZB"]);
  });

  it("keeps alternatives on the same words in the order they were made", () => {
    const ydoc = draft();
    propose(ydoc, "SLV", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "stable"), text: "resilient" }, at());
    propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "stable"), text: "peaceful" }, at());
    expect(queueOf(ydoc, null).groups[0]!.views.map((view) => view.altLabel)).toEqual(["Alt 1", "Alt 2"]);
  });

  it("narrows the open proposals to those a state sponsors, co-sponsored ones included, and keeps the record of cleared ones whole", () => {
    const ydoc = draft();
    const cuba = propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "stable"), text: "peaceful" }, at());
    propose(ydoc, "SLV", { kind: ProposalKind.delete, pid: pidAt(ydoc, 2), ...wordSpan(SECOND, "the following ") }, at());
    const rejected = propose(ydoc, "SLV", { kind: ProposalKind.deleteParagraph, pid: pidAt(ydoc, 4) }, at());
    rejectProposal(ydoc, rejected);
    const withdrawn = propose(ydoc, "UZB", { kind: ProposalKind.deleteParagraph, pid: pidAt(ydoc, 2) }, at());
    withdrawProposal(ydoc, "UZB", withdrawn);

    expect(summary(ydoc, "SLV")).toEqual(["Paragraph 2: SLV delete"]);
    expect(summary(ydoc, "CUB")).toEqual(["Paragraph 1: CUB replace"]);
    expect(queueOf(ydoc, "SLV").closed.map((view) => view.key).sort()).toEqual([rejected, withdrawn].sort());
    // States whose proposals are all cleared are not offered.
    expect(queueOf(ydoc, null).states).toEqual(["CUB", "SLV"]);

    supportProposal(ydoc, "SLV", cuba);
    expect(summary(ydoc, "SLV")).toEqual(["Paragraph 1: CUB replace", "Paragraph 2: SLV delete"]);
  });

  it("lists proposals whose words are gone apart from the paragraphs, under the same filter", () => {
    const ydoc = draft();
    propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 4), ...wordSpan(THIRD, "regional"), text: "subregional" }, at());
    propose(ydoc, "SLV", { kind: ProposalKind.replace, pid: pidAt(ydoc, 4), ...wordSpan(THIRD, "welcomed"), text: "noted" }, at());
    replaceWords(textBlocks(ydoc.getXmlFragment(TextRoot.content))[4]!.element, 0, THIRD.length, "Something else entirely.");
    const everyone = queueOf(ydoc, null);
    expect(everyone.groups).toEqual([]);
    expect(everyone.orphaned.map((view) => view.state)).toEqual(["CUB", "SLV"]);
    expect(queueOf(ydoc, "SLV").orphaned.map((view) => view.state)).toEqual(["SLV"]);
  });
});
