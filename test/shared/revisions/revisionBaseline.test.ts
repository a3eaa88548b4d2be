/**
 * The round's numbers read from the `text` room: the latest revision's record in `decisions`, and
 * what proposals and every export print from it while the chair accepts and deletes paragraphs.
 */
import * as Y from "yjs";
import { ProposalKind, StanceKind, type Revision } from "../../../schemas/records";
import { validateRecord } from "../../../schemas/validateRecord";
import { setStance } from "../../../shared/consensus/stanceWrites";
import { DecisionPrefix, TextRoot } from "../../../shared/documentLayout";
import { ExportView, type ExportBlock } from "../../../shared/export/exportModel";
import { readExportDraft } from "../../../shared/export/readExportDraft";
import { labelSequence } from "../../../shared/numbering";
import { acceptProposal } from "../../../shared/proposals/clearProposal";
import { propose } from "../../../shared/proposals/proposeChange";
import { readProposals } from "../../../shared/proposals/readProposals";
import { revisionBaseline, touchesRevisions } from "../../../shared/revisions/revisionBaseline";
import { textBlocks } from "../../../shared/text/blockText";
import { doc, p } from "../../support/dsl";
import { pidAt, secondsApart, yDraft } from "../../support/yDraft";

/** Six paragraphs, as the chair publishes them in Rev.1. */
function sixParagraphs(): Y.Doc {
  return yDraft(doc(...[1, 2, 3, 4, 5, 6].map((n) => p(`Paragraph ${n} of the Pre-draft.`))));
}

/** Records, as the server does when the chair publishes, revision `ordinal` numbering `ydoc`'s text as it stands. */
function publish(ydoc: Y.Doc, ordinal: number): Revision {
  const blocks = textBlocks(ydoc.getXmlFragment(TextRoot.content));
  const labels = labelSequence(blocks, null);
  const numbers = Object.fromEntries(blocks.flatMap((block, index) => (block.pid && labels[index] ? [[block.pid, labels[index]!]] : [])));
  const record: Revision = { label: `Rev.${ordinal}`, at: `2025-03-0${ordinal}T10:00:00.000Z`, ordinal, date: `2025-03-0${ordinal}`, numbers, renumbered: {} };
  const key = `${DecisionPrefix.revision}rev${ordinal}`;
  expect(validateRecord(TextRoot.decisions, key, record)).toEqual({ ok: true });
  ydoc.getMap(TextRoot.decisions).set(key, record);
  return record;
}

const options = (view: ExportView) => ({ draftId: "draft1", view, exportedAt: "2025-03-03T10:00:00.000Z" });
const numbers = (blocks: ExportBlock[]) => blocks.map((block) => (block.type === "paragraph" || block.type === "added" ? block.number : block.type));

describe("the round's numbers", () => {
  it("are none before the first revision: the text is numbered by position", () => {
    expect(revisionBaseline(sixParagraphs())).toBeNull();
  });

  it("are the numbers of the revision published last", () => {
    const ydoc = sixParagraphs();
    publish(ydoc, 1);
    ydoc.getXmlFragment(TextRoot.content).delete(0, 1);
    const rev2 = publish(ydoc, 2);
    expect(revisionBaseline(ydoc)).toEqual(rev2.numbers);
    expect(Object.values(rev2.numbers)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("change only when a revision is recorded, not another decision", () => {
    expect(touchesRevisions(["revision:rev1"])).toBe(true);
    expect(touchesRevisions(["agreed:p1", "proposal:CUB:x"])).toBe(false);
  });

  it("hold when CUB's 3 bis is accepted: every export reads 1, 2, 3, 3 bis, 4…, and SLV's reservation on 4 stays on 4", () => {
    const ydoc = sixParagraphs();
    const floor = new Y.Doc();
    const clock = secondsApart();
    const fourth = pidAt(ydoc, 3);
    setStance(floor, "SLV", fourth, StanceKind.reserve, "Not yet", clock());
    publish(ydoc, 1);
    acceptProposal(ydoc, propose(ydoc, "CUB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 2), text: "CUB's new paragraph." }, clock()), clock());
    for (const view of Object.values(ExportView)) {
      const model = readExportDraft(ydoc, floor, options(view));
      expect(numbers(model.blocks)).toEqual(["1", "2", "3", "3 bis", "4", "5", "6"]);
      const four = model.blocks.find((block) => block.type === "paragraph" && block.number === "4")!;
      expect(four.type === "paragraph" && four.reservations).toEqual([{ state: "SLV", reason: "Not yet" }]);
    }
  });

  it("name an open proposal after 3 while 3 bis stands 3 ter, one after 3 bis 3 quater, and print them after 3 bis", () => {
    const ydoc = sixParagraphs();
    const clock = secondsApart();
    publish(ydoc, 1);
    acceptProposal(ydoc, propose(ydoc, "CUB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 2), text: "CUB's new paragraph." }, clock()), clock());
    const afterThree = propose(ydoc, "UZB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 2), text: "UZB's." }, clock());
    const afterBis = propose(ydoc, "SLV", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 3), text: "SLV's." }, clock());
    const labels = Object.fromEntries(readProposals(ydoc).map((view) => [view.key, view.addedLabel]));
    expect(labels[afterThree]).toBe("3 ter");
    expect(labels[afterBis]).toBe("3 quater");
    const model = readExportDraft(ydoc, null, options(ExportView.bracketed));
    expect(numbers(model.blocks)).toEqual(["1", "2", "3", "3 bis", "3 ter", "3 quater", "4", "5", "6"]);
  });

  it("place a paragraph accepted after 3 while 3 bis stands after 3 bis, as the 3 ter it was proposed as, so 3 bis keeps its number", () => {
    const ydoc = sixParagraphs();
    const clock = secondsApart();
    publish(ydoc, 1);
    acceptProposal(ydoc, propose(ydoc, "CUB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 2), text: "CUB's new paragraph." }, clock()), clock());
    const uzb = propose(ydoc, "UZB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 2), text: "UZB's new paragraph." }, clock());
    expect(readProposals(ydoc).find((view) => view.key === uzb)?.addedLabel).toBe("3 ter");
    acceptProposal(ydoc, uzb, clock());
    const model = readExportDraft(ydoc, null, options(ExportView.clean));
    expect(model.blocks.map((block) => [block.type === "paragraph" ? block.number : null, block.type === "paragraph" ? block.runs.map((run) => (run.type === "words" ? run.text : "")).join("") : null]).slice(2, 5)).toEqual([
      ["3", "Paragraph 3 of the Pre-draft."],
      ["3 bis", "CUB's new paragraph."],
      ["3 ter", "UZB's new paragraph."],
    ]);
  });

  it("leave a deleted paragraph's number unused: 4 deleted reads 1, 2, 3, 3 bis, 5, 6, and a paragraph proposed after 3 bis is 3 ter", () => {
    const ydoc = sixParagraphs();
    const clock = secondsApart();
    publish(ydoc, 1);
    acceptProposal(ydoc, propose(ydoc, "CUB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 2), text: "CUB's new paragraph." }, clock()), clock());
    acceptProposal(ydoc, propose(ydoc, "SLV", { kind: ProposalKind.deleteParagraph, pid: pidAt(ydoc, 4) }, clock()), clock());
    const proposed = propose(ydoc, "UZB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 3), text: "UZB's." }, clock());
    expect(readProposals(ydoc).find((view) => view.key === proposed)?.addedLabel).toBe("3 ter");
    expect(numbers(readExportDraft(ydoc, null, options(ExportView.clean)).blocks)).toEqual(["1", "2", "3", "3 bis", "5", "6"]);
  });

  it("are renumbered 1…N by the next revision", () => {
    const ydoc = sixParagraphs();
    publish(ydoc, 1);
    acceptProposal(ydoc, propose(ydoc, "CUB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 2), text: "CUB's new paragraph." }));
    publish(ydoc, 2);
    expect(numbers(readExportDraft(ydoc, null, options(ExportView.clean)).blocks)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });
});
