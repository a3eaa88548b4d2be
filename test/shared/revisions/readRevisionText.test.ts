/**
 * A text of a draft read for the redline: blocks in order with their pids, numbers, the chair's
 * words without footnote markers, and the footnotes' words.
 */
import * as Y from "yjs";
import { MetaKey, TextRoot } from "../../../shared/documentLayout";
import { readRevisionText } from "../../../shared/revisions/readRevisionText";
import { doc, em, fn, h, item, p, pre } from "../../support/dsl";
import { pidAt, yDraft } from "../../support/yDraft";

describe("reading a text for the redline", () => {
  it("reads each block's pid, number, words and footnotes in order", () => {
    const textDoc = yDraft(
      doc(pre("[Original: English]"), h(1, "A. Introduction"), p("States should promote ", em("an open"), " environment.", fn("A/RES/73/27.")), item(1, "first"), item(2, "deeper"), p("", fn("Only a note."), fn(""))),
    );
    textDoc.getMap(TextRoot.meta).set(MetaKey.title, "Pre-draft report");
    textDoc.getMap(TextRoot.meta).set(MetaKey.language, "fr");
    const read = readRevisionText(textDoc);
    expect([read.title, read.symbol, read.language]).toEqual(["Pre-draft report", null, "fr"]);
    expect(read.blocks.map((block) => [block.type, block.level, block.label, block.words, block.footnotes])).toEqual([
      ["preamble", null, null, "[Original: English]", []],
      ["heading", 1, null, "A. Introduction", []],
      ["paragraph", null, "1", "States should promote an open environment.", ["A/RES/73/27."]],
      ["subitem", 1, "(a)", "first", []],
      ["subitem", 2, "(i)", "deeper", []],
      ["paragraph", null, "2", "", ["Only a note.", ""]],
    ]);
    expect(read.blocks.map((block) => block.pid)).toEqual([0, 1, 2, 3, 4, 5].map((index) => pidAt(textDoc, index)));
  });

  it("gives a block whose pid an earlier block holds a pid of its own, so it matches nothing", () => {
    const textDoc = yDraft(doc(p("One."), p("Two.")));
    const [, second] = textDoc.getXmlFragment(TextRoot.content).toArray() as Y.XmlElement[];
    second!.setAttribute("pid", pidAt(textDoc, 0));
    expect(readRevisionText(textDoc).blocks.map((block) => block.pid)).toEqual([pidAt(textDoc, 0), "block-1"]);
  });
});
