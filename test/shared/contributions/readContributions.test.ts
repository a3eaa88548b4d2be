/** Contributions as readers see them: the draft's sections, a contribution's section, and an original beside its translation. */
import { alignedRows, contributionParagraphs, draftSections, sectionOf } from "../../../shared/contributions/readContributions";
import { TextRoot } from "../../../shared/documentLayout";
import { doc, h, p } from "../../support/dsl";
import { pidAt, yDraft } from "../../support/yDraft";

describe("reading contributions", () => {
  it("cuts the draft into sections at its headings, the blocks before the first heading apart", () => {
    const ydoc = yDraft(doc(p("Preamble."), h(2, "A. Introduction"), p("One."), h(2, "G. Regular institutional dialogue"), p("Two."), p("Three.")));
    const sections = draftSections(ydoc.getXmlFragment(TextRoot.content));
    expect(sections.map((section) => [section.title, section.pids.length])).toEqual([["", 1], ["A. Introduction", 2], ["G. Regular institutional dialogue", 3]]);
    expect(sectionOf(sections, pidAt(ydoc, 5))?.title).toBe("G. Regular institutional dialogue");
    expect(sectionOf(sections, pidAt(ydoc, 3))?.pid).toBe(pidAt(ydoc, 3));
    expect(sectionOf(sections, undefined)).toBeUndefined();
  });

  it("pairs paragraph with paragraph where both texts have as many, and otherwise sets them whole side by side", () => {
    expect(contributionParagraphs("Uno.\n\n \nDos.\r\n\r\nTres.")).toEqual(["Uno.", "Dos.", "Tres."]);
    expect(alignedRows("Uno.\n\nDos.", "One.\n\nTwo.")).toEqual({ aligned: true, rows: [[["Uno."], ["One."]], [["Dos."], ["Two."]]] });
    expect(alignedRows("Uno.\n\nDos.", "One and two.")).toEqual({ aligned: false, rows: [[["Uno.", "Dos."], ["One and two."]]] });
  });
});
