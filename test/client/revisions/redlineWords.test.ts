/** The redline's words: numbers across two texts and what became of each block, said as the marks show them. */
import { installCatalog } from "../../../client/i18n/localize";
import { changeWords, countsWords, footnoteWords, numberSaid, numberShown } from "../../../client/revisions/redlineWords";
import { compileCatalog, readCatalog } from "../../../tools/catalogs.cjs";

const paragraph = { type: "paragraph" as const, interimLabel: null, moved: false };

describe("the redline's words", () => {
  it("shows a renumbered paragraph as 4 → 5, and says it", () => {
    const block = { ...paragraph, oldLabel: "4", newLabel: "5", change: "unchanged" as const };
    expect(numberShown(block)).toBe("4 → 5");
    expect(numberSaid(block)).toBe("Paragraph 4, now 5");
    expect(changeWords(block)).toBeNull();
  });

  it("shows a paragraph added during the round under its new number, with the bis it had", () => {
    const block = { ...paragraph, oldLabel: null, newLabel: "4", interimLabel: "3 bis", change: "added" as const };
    expect(numberShown(block)).toBe("4 (was 3 bis)");
    expect(numberSaid(block)).toBe("Paragraph 4, numbered 3 bis during the round");
    expect(changeWords(block)).toBe("Paragraph added");
  });

  it("says a deleted, a moved and a changed block in words", () => {
    expect(changeWords({ type: "subitem", change: "deleted", moved: false })).toBe("Sub-item deleted");
    expect(changeWords({ type: "paragraph", change: "unchanged", moved: true })).toBe("Paragraph moved");
    expect(changeWords({ type: "paragraph", change: "changed", moved: true })).toBe("Words changed; moved");
    expect(numberShown({ oldLabel: null, newLabel: null, interimLabel: null })).toBeNull();
  });

  it("names a footnote by its numbers and its change", () => {
    expect(footnoteWords({ oldNumber: 2, newNumber: 3, change: "changed" })).toBe("Footnote 2 → 3: words changed");
    expect(footnoteWords({ oldNumber: null, newNumber: 1, change: "added" })).toBe("Footnote 1: added");
  });

  it("sums up the comparison", () => {
    expect(countsWords("Rev.1", "Rev.2", { changed: 0, added: 1, deleted: 0, moved: 0 })).toBe("Rev.1 → Rev.2: 1 paragraph added.");
    expect(countsWords("Rev.1", "Live text", { changed: 0, added: 0, deleted: 0, moved: 0 })).toBe("Rev.1 → Live text: no change.");
  });

  it("points the arrow the way the page reads: from the old number on the right on an Arabic page", () => {
    const block = { ...paragraph, oldLabel: "4", newLabel: "5", change: "unchanged" as const };
    installCatalog("ar", compileCatalog("ar", readCatalog("ar")));
    try {
      expect(numberShown(block)).toBe("4 ← 5");
      expect(footnoteWords({ oldNumber: 2, newNumber: 3, change: "changed" })).toContain("2 ← 3");
    } finally {
      installCatalog("en", compileCatalog("en", readCatalog("en")));
    }
  });
});
