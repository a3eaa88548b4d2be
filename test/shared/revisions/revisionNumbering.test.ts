import { liveLabels } from "../../../shared/revisions/liveLabels";
import { revisionNumbering } from "../../../shared/revisions/revisionNumbering";
import { doc, h, item, p, pre } from "../../support/dsl";
import { pidAt, yDraft } from "../../support/yDraft";

describe("revisionNumbering", () => {
  it("numbers paragraphs 1…N and sub-items afresh, by pid, leaving headings and preamble out", () => {
    const ydoc = yDraft(doc(pre("[Original: English]"), h(1, "A."), p("one"), item(1, "x"), item(2, "y"), h(1, "B."), item(1, "z"), p("two")));
    const { numbers } = revisionNumbering(ydoc);
    expect(numbers).toEqual({
      [pidAt(ydoc, 2)]: "1",
      [pidAt(ydoc, 3)]: "(a)",
      [pidAt(ydoc, 4)]: "(i)",
      [pidAt(ydoc, 6)]: "(a)",
      [pidAt(ydoc, 7)]: "2",
    });
  });

  it("records as renumbered exactly the paragraphs whose live label differs from their new number", () => {
    const ydoc = yDraft(doc(p("one"), item(1, "x"), p("two"), p("three")));
    const { numbers, renumbered } = revisionNumbering(ydoc);
    const live = liveLabels(ydoc);
    const changed = Object.fromEntries([0, 2, 3].map((index) => pidAt(ydoc, index)).filter((pid) => live.get(pid) !== numbers[pid]).map((pid) => [live.get(pid)!, numbers[pid]!]));
    expect(renumbered).toEqual(changed);
  });

  it("gives an empty text no numbers", () => {
    expect(revisionNumbering(yDraft(doc(h(1, "Only a heading."))))).toEqual({ numbers: {}, renumbered: {} });
  });
});
