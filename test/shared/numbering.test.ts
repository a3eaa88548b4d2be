import type { Node as PMNode } from "prosemirror-model";
import type { RevisionNumbers } from "../../schemas/records";
import { addedParagraphLabel, blockLabels, labelSequence, numberBlocks, toLetter, toRoman, type NumberedBlock } from "../../shared/numbering";
import { schema } from "../../shared/schema";
import { doc, h, item, p, pre } from "../support/dsl";

/** Blocks as numbering sees them, each named by its pid: `para("p1")`, `sub(1, "p1a")`. */
const para = (pid: string): NumberedBlock => ({ type: "paragraph", level: null, pid });
const sub = (level: 1 | 2, pid: string): NumberedBlock => ({ type: "subitem", level, pid });
const heading = (pid: string): NumberedBlock => ({ type: "heading", level: 2, pid });

/** The numbers a revision of `blocks` records when it is published: 1…N by position, by pid. */
function publish(blocks: NumberedBlock[]): RevisionNumbers {
  const labels = labelSequence(blocks, null);
  return Object.fromEntries(blocks.flatMap((block, index) => (labels[index] === null ? [] : [[block.pid!, labels[index]!]])));
}

/** `node` with the blocks' pids set to `ids`, in order. */
function withPids(node: PMNode, ids: string[]): PMNode {
  const blocks: PMNode[] = [];
  node.forEach((block, _offset, index) => blocks.push(block.type.create({ ...block.attrs, pid: ids[index] }, block.content)));
  return schema.node("doc", null, blocks);
}

describe("numbering", () => {
  it("numbers paragraphs straight through sections, letters sub-items and resets them per paragraph", () => {
    const labels = blockLabels(
      doc(h(2, "A."), p("one"), item(1, "x"), item(2, "x"), item(2, "y"), item(1, "y"), h(2, "B."), p("two"), item(1, "z")),
      null,
    ).map((entry) => entry.label);
    expect(labels).toEqual([null, "1", "(a)", "(i)", "(ii)", "(b)", null, "2", "(a)"]);
  });

  it("letters sub-items afresh under a heading, as seed 004's '3. Structure' needs", () => {
    const labels = blockLabels(doc(h(2, "2. Scope"), item(1, "a"), item(1, "b"), item(1, "c"), h(2, "3. Structure"), item(1, "a"), item(1, "b")), null);
    expect(labels.map((entry) => entry.label)).toEqual([null, "(a)", "(b)", "(c)", null, "(a)", "(b)"]);
  });

  it("neither numbers nor letters preamble, and counts on after it", () => {
    const labels = blockLabels(doc(pre("Letter dated 22 December 2020"), p("one"), item(1, "x"), pre("(Signed) A. B."), item(1, "y"), p("two")), null);
    expect(labels.map((entry) => entry.label)).toEqual([null, "1", "(a)", null, "(a)", "2"]);
  });

  it("writes roman numerals as the UN prints them", () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map(toRoman)).toEqual(["i", "iv", "ix", "xiv", "xl", "xc", "cd", "mcmxciv"]);
  });

  it("letters past (z) as (aa), (bb)", () => {
    expect([1, 26, 27, 28, 53].map(toLetter)).toEqual(["a", "z", "aa", "bb", "aaa"]);
  });

  it("refuses numbers that have no label", () => {
    expect(() => toRoman(0)).toThrow(RangeError);
    expect(() => toLetter(-1)).toThrow(RangeError);
  });

  it("names added paragraphs bis, ter, quater… up to vicies, then by count", () => {
    expect([1, 2, 3, 10, 11, 19, 20].map((nth) => addedParagraphLabel("12", nth))).toEqual([
      "12 bis", "12 ter", "12 quater", "12 undecies", "12 duodecies", "12 vicies", "12 (21)",
    ]);
  });
});

describe("numbers during a round", () => {
  // Rev.1: six paragraphs, the third with two sub-items, the second of which has two of its own.
  const rev1Text = [para("p1"), para("p2"), para("p3"), sub(1, "p3a"), sub(1, "p3b"), sub(2, "p3b1"), sub(2, "p3b2"), para("p4"), para("p5"), para("p6")];
  const rev1 = publish(rev1Text);
  const paragraphsOnly = [para("p1"), para("p2"), para("p3"), para("p4"), para("p5"), para("p6")];
  const rev1Paragraphs = publish(paragraphsOnly);

  it("numbers the text as the revision did while nothing has changed", () => {
    expect(labelSequence(rev1Text, rev1)).toEqual(labelSequence(rev1Text, null));
    expect(labelSequence(rev1Text, rev1)).toEqual(["1", "2", "3", "(a)", "(b)", "(i)", "(ii)", "4", "5", "6"]);
  });

  it("reads CUB's paragraph accepted after 3 as 3 bis, and 4 stays 4", () => {
    const text = [para("p1"), para("p2"), para("p3"), para("cub"), para("p4"), para("p5"), para("p6")];
    expect(labelSequence(text, rev1Paragraphs)).toEqual(["1", "2", "3", "3 bis", "4", "5", "6"]);
  });

  it("reads a second paragraph added after 3 bis as 3 ter, not 3 bis bis", () => {
    const text = [para("p1"), para("p2"), para("p3"), para("cub"), para("uzb"), para("p4"), para("p5"), para("p6")];
    expect(labelSequence(text, rev1Paragraphs)).toEqual(["1", "2", "3", "3 bis", "3 ter", "4", "5", "6"]);
  });

  it("leaves the number of a deleted paragraph unused: 4 deleted reads 3, 3 bis, 5", () => {
    const text = [para("p1"), para("p2"), para("p3"), para("cub"), para("p5"), para("p6")];
    expect(labelSequence(text, rev1Paragraphs)).toEqual(["1", "2", "3", "3 bis", "5", "6"]);
  });

  it("gives a paragraph added where a deleted one stood the next free number after the one before", () => {
    const text = [para("p1"), para("p2"), para("p3"), para("new"), para("p5"), para("p6")];
    expect(labelSequence(text, rev1Paragraphs)).toEqual(["1", "2", "3", "3 bis", "5", "6"]);
  });

  it("never gives again a number the revision printed, even one it printed with bis", () => {
    const unrenumbered = { p3: "3", gone: "3 bis", p4: "4" };
    expect(labelSequence([para("p3"), para("new"), para("p4")], unrenumbered)).toEqual(["3", "3 ter", "4"]);
  });

  it("reads a paragraph added before paragraph 1 as 0 bis, and the next as 0 ter", () => {
    const text = [heading("title"), para("first"), para("second"), para("p1"), para("p2")];
    expect(labelSequence(text, rev1Paragraphs)).toEqual([null, "0 bis", "0 ter", "1", "2"]);
  });

  it("numbers a paragraph added after a heading by the paragraph before the heading", () => {
    const text = [para("p1"), para("p2"), para("p3"), heading("B"), para("new"), para("p4")];
    expect(labelSequence(text, rev1Paragraphs)).toEqual(["1", "2", "3", null, "3 bis", "4"]);
  });

  it("lets a moved paragraph keep its number, and numbers one added after it from there", () => {
    const text = [para("p1"), para("p2"), para("p5"), para("new"), para("p3"), para("p4"), para("p6")];
    expect(labelSequence(text, rev1Paragraphs)).toEqual(["1", "2", "5", "5 bis", "3", "4", "6"]);
  });

  it("reads a sub-item added after (a) as (a bis), and the revision's (b) stays (b)", () => {
    const text = [para("p1"), para("p2"), para("p3"), sub(1, "p3a"), sub(1, "new"), sub(1, "p3b"), para("p4")];
    expect(labelSequence(text, rev1)).toEqual(["1", "2", "3", "(a)", "(a bis)", "(b)", "4"]);
  });

  it("reads a sub-sub-item added after (i) as (i bis), and a deleted (a) leaves (b)", () => {
    const text = [para("p3"), sub(1, "p3b"), sub(2, "p3b1"), sub(2, "new"), sub(2, "p3b2")];
    expect(labelSequence(text, rev1)).toEqual(["3", "(b)", "(i)", "(i bis)", "(ii)"]);
  });

  it("letters afresh the sub-items of a paragraph added since, and a list new under a paragraph of the revision", () => {
    const text = [para("p1"), sub(1, "x"), sub(1, "y"), para("p2"), para("new"), sub(1, "z"), sub(2, "zz"), sub(1, "w"), para("p3")];
    expect(labelSequence(text, rev1)).toEqual(["1", "(a)", "(b)", "2", "2 bis", "(a)", "(i)", "(b)", "3"]);
  });

  it("numerals afresh the sub-sub-items of a sub-item added since", () => {
    const text = [para("p3"), sub(1, "p3a"), sub(1, "new"), sub(2, "n1"), sub(2, "n2"), sub(1, "p3b")];
    expect(labelSequence(text, rev1)).toEqual(["3", "(a)", "(a bis)", "(i)", "(ii)", "(b)"]);
  });

  it("gives a paragraph turned into a sub-item a letter, and its paragraph number stays unused", () => {
    const text = [para("p3"), sub(1, "p3a"), sub(1, "p3b"), sub(1, "p4"), para("p5")];
    expect(labelSequence(text, rev1)).toEqual(["3", "(a)", "(b)", "(b bis)", "5"]);
  });

  it("numbers a second block with the same pid as added, without failing", () => {
    const text = [para("p1"), para("p1"), para("p2"), sub(1, "p2"), para("p3")];
    expect(labelSequence(text, rev1Paragraphs)).toEqual(["1", "1 bis", "2", "(a)", "3"]);
  });

  it("numbers blocks without a pid as added", () => {
    const text: NumberedBlock[] = [para("p1"), { type: "paragraph", level: null, pid: null }, para("p2")];
    expect(labelSequence(text, rev1Paragraphs)).toEqual(["1", "1 bis", "2"]);
  });

  it("finds no number for a pid that is a name on Object's prototype", () => {
    const text = [para("constructor"), para("__proto__"), para("p1")];
    expect(labelSequence(text, rev1Paragraphs)).toEqual(["0 bis", "0 ter", "1"]);
  });

  it("numbers by position under a revision that numbered no paragraph", () => {
    const text = [heading("A"), para("x"), para("y"), sub(1, "z")];
    expect(labelSequence(text, {})).toEqual(labelSequence(text, null));
  });

  it("says after which number a paragraph added at each block would stand", () => {
    const text = [heading("A"), para("p1"), para("p2"), para("p3"), para("cub"), sub(1, "cuba"), para("p4")];
    expect(numberBlocks(text, rev1Paragraphs).map((entry) => entry.after)).toEqual(["0", "1", "2", "3", "3", "3", "4"]);
    expect(numberBlocks(text, null).map((entry) => entry.after)).toEqual(["0", "1", "2", "3", "4", "4", "5"]);
  });

  it("numbers a ProseMirror document by its blocks' pids", () => {
    const pmDoc = withPids(doc(p("one"), p("new"), p("two")), ["p1", "new", "p2"]);
    expect(blockLabels(pmDoc, rev1Paragraphs).map((entry) => [entry.pid, entry.label])).toEqual([
      ["p1", "1"],
      ["new", "1 bis"],
      ["p2", "2"],
    ]);
  });
});
