import "../../../support/english";
import { blockLabelsOfText } from "../../../../client/editor/consensus/blockNames";
import { ProposalKind } from "../../../../schemas/records";
import { TextRoot } from "../../../../shared/documentLayout";
import { acceptProposal } from "../../../../shared/proposals/clearProposal";
import { propose } from "../../../../shared/proposals/proposeChange";
import { doc, item, p } from "../../../support/dsl";
import { pidAt, yDraft } from "../../../support/yDraft";

describe("the names of paragraphs by pid", () => {
  it("keep naming the paragraph SLV objected to 'paragraph 4' after CUB's 3 bis is accepted, once Rev.1 is published", () => {
    const ydoc = yDraft(doc(p("One."), p("Two."), p("Three."), item(1, "three (a);"), p("Four."), p("Five.")));
    const fourth = pidAt(ydoc, 4);
    expect(blockLabelsOfText(ydoc).get(fourth)).toBe("paragraph 4");
    const numbers = { [pidAt(ydoc, 0)]: "1", [pidAt(ydoc, 1)]: "2", [pidAt(ydoc, 2)]: "3", [pidAt(ydoc, 3)]: "(a)", [fourth]: "4", [pidAt(ydoc, 5)]: "5" };
    ydoc.getMap(TextRoot.decisions).set("revision:rev1", { label: "Rev.1", at: "2025-03-01T10:00:00.000Z", ordinal: 1, date: "2025-03-01", numbers, renumbered: {} });
    acceptProposal(ydoc, propose(ydoc, "CUB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 2), text: "CUB's." }));
    const names = blockLabelsOfText(ydoc);
    expect(names.get(fourth)).toBe("paragraph 4");
    expect(names.get(pidAt(ydoc, 4))).toBe("paragraph 3 bis");
    expect(names.get(pidAt(ydoc, 3))).toBe("3 (a)");
  });
});
