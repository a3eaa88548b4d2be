import { blockLabels, toLetter, toRoman } from "../../shared/numbering";
import { doc, h, item, p, pre } from "../support/dsl";

describe("numbering", () => {
  it("numbers paragraphs straight through sections, letters sub-items and resets them per paragraph", () => {
    const labels = blockLabels(
      doc(h(2, "A."), p("one"), item(1, "x"), item(2, "x"), item(2, "y"), item(1, "y"), h(2, "B."), p("two"), item(1, "z")),
    ).map((entry) => entry.label);
    expect(labels).toEqual([null, "1", "(a)", "(i)", "(ii)", "(b)", null, "2", "(a)"]);
  });

  it("letters sub-items afresh under a heading, as seed 004's '3. Structure' needs", () => {
    const labels = blockLabels(doc(h(2, "2. Scope"), item(1, "a"), item(1, "b"), item(1, "c"), h(2, "3. Structure"), item(1, "a"), item(1, "b")));
    expect(labels.map((entry) => entry.label)).toEqual([null, "(a)", "(b)", "(c)", null, "(a)", "(b)"]);
  });

  it("neither numbers nor letters preamble, and counts on after it", () => {
    const labels = blockLabels(doc(pre("Letter dated 22 December 2020"), p("one"), item(1, "x"), pre("(Signed) A. B."), item(1, "y"), p("two")));
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
});
