import fc from "fast-check";
import { DiffKind, wordDiff } from "../../../shared/text/wordDiff";

describe("the word diff", () => {
  it("marks the words removed and added between the same words", () => {
    expect(wordDiff("States should promote an open ICT environment.", "States should promote a free and open ICT environment.")).toEqual([
      { kind: DiffKind.same, text: "States should promote " },
      { kind: DiffKind.removed, text: "an" },
      { kind: DiffKind.added, text: "a free and" },
      { kind: DiffKind.same, text: " open ICT environment." },
    ]);
  });

  it("gives back both texts from its parts, whatever the texts", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (before, after) => {
        const parts = wordDiff(before, after);
        expect(parts.filter((part) => part.kind !== DiffKind.added).map((part) => part.text).join("")).toBe(before);
        expect(parts.filter((part) => part.kind !== DiffKind.removed).map((part) => part.text).join("")).toBe(after);
      }),
    );
  });
});
