/** The redline's words: numbers across two texts and what became of each block, said as the marks show them. */
import "../../support/english";
import { speak } from "../../support/speak";
import { changeWords, countsWords, footnoteWords, numberSaid, numberShown, sideName } from "../../../client/revisions/redlineWords";
import { LIVE_TEXT } from "../../../shared/appPaths";

/** Runs `check` with the page speaking `language`, then English again. */
function speaking(language: string, check: () => void): void {
  speak(language);
  try {
    check();
  } finally {
    speak("en");
  }
}

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
    expect(countsWords("Rev.1", "Rev.2", { changed: 2, added: 1, deleted: 0, moved: 1 })).toBe("Rev.1 → Rev.2: 2 paragraphs changed, 1 paragraph added, and 1 paragraph moved.");
  });

  it("names the live text in the UI language, whatever the server called it, and a revision by its label", () => {
    expect(sideName({ id: LIVE_TEXT, label: "Live text" })).toBe("Live text");
    expect(sideName({ id: "r1", label: "Rev.1" })).toBe("Rev.1");
    speaking("fr", () => expect(sideName({ id: LIVE_TEXT, label: "Live text" })).toBe("Texte en cours"));
  });
});

describe("the redline's words in the other UN languages", () => {
  it("count paragraphs with Russian's few and many", () => {
    speaking("ru", () => {
      expect(countsWords("Rev.1", "Rev.2", { changed: 0, added: 3, deleted: 0, moved: 0 })).toBe("Rev.1 → Rev.2: 3 пункта добавлены.");
      expect(countsWords("Rev.1", "Rev.2", { changed: 0, added: 5, deleted: 0, moved: 0 })).toBe("Rev.1 → Rev.2: 5 пунктов добавлены.");
    });
  });

  it("count paragraphs with Arabic's dual, and point the arrow the way Arabic reads", () => {
    speaking("ar", () => {
      expect(countsWords("Rev.1", "Rev.2", { changed: 0, added: 2, deleted: 0, moved: 0 })).toBe("Rev.1 ← Rev.2: أُضيفت فقرتان.");
      expect(numberShown({ oldLabel: "4", newLabel: "5", interimLabel: null })).toBe("4 ← 5");
    });
  });

  it("agree a kind of block with what became of it, in French", () => {
    speaking("fr", () => {
      expect(changeWords({ type: "subitem", change: "deleted", moved: false })).toBe("Alinéa supprimé");
      expect(footnoteWords({ oldNumber: null, newNumber: 1, change: "added" })).toBe("Note de bas de page 1 : ajoutée");
    });
  });
});
