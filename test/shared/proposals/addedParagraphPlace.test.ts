import { readDraftText } from "../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../shared/documentLayout";
import { addedParagraphPlace } from "../../../shared/proposals/addedParagraphPlace";
import { doc, h, item, p } from "../../support/dsl";
import { pidAt, yDraft } from "../../support/yDraft";

describe("where a proposed paragraph stands", () => {
  // 3, its sub-item, 3 bis and 3 ter (added since Rev.1) with a sub-item, a heading, then 3 quater and 4.
  const ydoc = yDraft(doc(p("Three."), item(1, "three (a);"), p("Added."), p("Added too."), item(1, "its (a);"), h(2, "B."), p("Added after B."), p("Four.")));
  const blocks = readDraftText(ydoc.getXmlFragment(TextRoot.content)).blocks;

  it("is right after the paragraph's sub-items before any revision", () => {
    expect(addedParagraphPlace(blocks, null)(blocks[0]!)).toBe(1);
    expect(addedParagraphPlace(blocks, null)(blocks[2]!)).toBe(2);
  });

  it("is after the paragraphs added since that follow it, with their sub-items, and stops at a heading", () => {
    const round = { [pidAt(ydoc, 0)]: "3", [pidAt(ydoc, 1)]: "(a)", [pidAt(ydoc, 7)]: "4" };
    expect(addedParagraphPlace(blocks, round)(blocks[0]!)).toBe(4);
    expect(addedParagraphPlace(blocks, round)(blocks[2]!)).toBe(4);
    expect(addedParagraphPlace(blocks, round)(blocks[5]!)).toBe(6);
    expect(addedParagraphPlace(blocks, round)(blocks[7]!)).toBe(7);
  });

  it("is right after the sub-items under a revision that numbered no paragraph", () => {
    expect(addedParagraphPlace(blocks, {})(blocks[0]!)).toBe(1);
  });
});
