/**
 * The redline between two texts (issue 13, acceptance 3): for random pairs of texts, the redline's
 * unchanged and inserted words are the newer text and its unchanged and deleted words the older one,
 * block by block and footnote by footnote, and its counts are the texts' own; then, as sentences,
 * what a reader sees: a moved, an added and a deleted paragraph, "4 → 5", and "3 bis".
 */
import fc from "fast-check";
import { compareRevisions } from "../../../shared/revisions/compareRevisions";
import type { RevisionText } from "../../../shared/revisions/readRevisionText";
import { BlockChange, type Redline, type RedlineBlock, type RedlineWords } from "../../../shared/revisions/redlineModel";
import { heading, para, randomTexts, subitem, text } from "../../support/revisionTexts";

const REV1 = { id: "r1", label: "Rev.1", at: "2025-03-01T09:00:00.000Z" };
const REV2 = { id: "r2", label: "Rev.2", at: "2025-04-01T09:00:00.000Z" };

function compare(older: RevisionText, newer: RevisionText, renumbered: Record<string, string> | null = null): Redline {
  return compareRevisions(older, newer, { draftId: "d1", from: REV1, to: REV2, renumbered, madeAt: "2025-04-02T09:00:00.000Z" });
}

/** The words a side reads: unchanged ones and those only it has. */
const side = (words: readonly RedlineWords[], only: "inserted" | "deleted") =>
  words
    .filter((part) => part.change !== (only === "inserted" ? "deleted" : "inserted"))
    .map((part) => part.text)
    .join("");
const newerWords = (words: readonly RedlineWords[]) => side(words, "inserted");
const olderWords = (words: readonly RedlineWords[]) => side(words, "deleted");

/** Words with what trips a comparison: unicode, odd whitespace, nothing at all. */
const word = fc.oneof(
  fc.constantFrom("the", "States", "open", "ICT", "مفتوحة", "🇺🇳", "e\u0301", "", " ", "  ", "\t", "\n", "\u00A0", "\u2003", ".", ","),
  fc.string({ maxLength: 6, unit: "grapheme" }),
);
const words = fc.array(word, { maxLength: 12 }).map((parts) => parts.join(""));
const randomText = randomTexts(words);

/** The length of a longest increasing subsequence, the slow and obvious way. */
function longestIncreasingLength(values: readonly number[]): number {
  const best = values.map(() => 1);
  values.forEach((value, i) => {
    for (let j = 0; j < i; j++) if (values[j]! < value) best[i] = Math.max(best[i]!, best[j]! + 1);
  });
  return Math.max(0, ...best);
}

describe("the redline between two texts", () => {
  it("turns the older text into the newer one by its insertions and deletions, and counts what it shows", () => {
    fc.assert(
      fc.property(randomText, randomText, (older, newer) => {
        const redline = compare(older, newer);
        const shown = redline.blocks.filter((one) => one.change !== BlockChange.deleted);
        expect(shown.map((one) => one.pid)).toEqual(newer.blocks.map((one) => one.pid));
        expect(shown.map((one) => newerWords(one.words))).toEqual(newer.blocks.map((one) => one.words));
        expect(shown.map((one) => one.footnotes.filter((note) => note.newNumber !== null).map((note) => newerWords(note.words)))).toEqual(newer.blocks.map((one) => one.footnotes));
        expect(shown.map((one) => one.newLabel)).toEqual(newer.blocks.map((one) => one.label));

        // Each stretch is words, and a stretch of changes reads as one deletion then one insertion.
        for (const one of redline.blocks) {
          const kinds = one.words.map((part) => part.change).join(" ");
          expect(one.words.every((part) => part.text !== "")).toBe(true);
          expect(kinds).not.toMatch(/\b(\w+) \1\b|inserted deleted/);
        }

        const was = redline.blocks.filter((one) => one.change !== BlockChange.added);
        const byPid = new Map(was.map((one) => [one.pid, one]));
        expect(was).toHaveLength(older.blocks.length);
        expect(older.blocks.map((one) => olderWords(byPid.get(one.pid)!.words))).toEqual(older.blocks.map((one) => one.words));
        expect(older.blocks.map((one) => byPid.get(one.pid)!.footnotes.filter((note) => note.oldNumber !== null).map((note) => olderWords(note.words)))).toEqual(
          older.blocks.map((one) => one.footnotes),
        );
        expect(older.blocks.map((one) => byPid.get(one.pid)!.oldLabel)).toEqual(older.blocks.map((one) => one.label));

        // Each deleted block stands right after the block it followed in the older text.
        older.blocks.forEach((one, index) => {
          const at = redline.blocks.findIndex((shownBlock) => shownBlock.pid === one.pid);
          if (redline.blocks[at]!.change !== BlockChange.deleted) return;
          expect(index === 0 ? at : redline.blocks[at - 1]!.pid).toBe(index === 0 ? 0 : older.blocks[index - 1]!.pid);
        });

        const oldPids = new Map(older.blocks.map((one, index) => [one.pid, index]));
        const kept = newer.blocks.filter((one) => oldPids.has(one.pid));
        const keptOld = (pid: string) => older.blocks[oldPids.get(pid)!]!;
        expect(redline.counts).toEqual({
          added: newer.blocks.length - kept.length,
          deleted: older.blocks.length - kept.length,
          changed: kept.filter((one) => keptOld(one.pid).words !== one.words || JSON.stringify(keptOld(one.pid).footnotes) !== JSON.stringify(one.footnotes)).length,
          moved: kept.length - longestIncreasingLength(kept.map((one) => oldPids.get(one.pid)!)),
        });
        // What did not move keeps its order; what did is marked.
        const still = kept.filter((one) => !redline.blocks.find((shownBlock) => shownBlock.pid === one.pid)!.moved).map((one) => oldPids.get(one.pid)!);
        expect(still).toEqual([...still].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it("marks a paragraph that changed places as moved, and only that one", () => {
    const older = text([para("a", "One."), para("b", "Two."), para("c", "Three."), para("d", "Four.")]);
    const newer = text([para("a", "One."), para("c", "Three."), para("d", "Four."), para("b", "Two.")]);
    const redline = compare(older, newer);
    expect(redline.blocks.map((one) => [one.pid, one.moved, one.oldLabel, one.newLabel])).toEqual([
      ["a", false, "1", "1"],
      ["c", false, "3", "2"],
      ["d", false, "4", "3"],
      ["b", true, "2", "4"],
    ]);
    expect(redline.counts).toEqual({ changed: 0, added: 0, deleted: 0, moved: 1 });
  });

  it("shows an added paragraph's words as inserted, and a deleted one's as deleted where it stood", () => {
    const older = text([heading("h", "A. Introduction"), para("a", "One."), para("b", "Two."), para("c", "Three.")]);
    const newer = text([heading("h", "A. Introduction"), para("a", "One."), para("n", "New words."), para("c", "Three.")]);
    const redline = compare(older, newer);
    expect(redline.blocks.map((one) => [one.pid, one.change, one.oldLabel, one.newLabel, one.words])).toEqual([
      ["h", BlockChange.unchanged, null, null, [{ change: "same", text: "A. Introduction" }]],
      ["a", BlockChange.unchanged, "1", "1", [{ change: "same", text: "One." }]],
      ["b", BlockChange.deleted, "2", null, [{ change: "deleted", text: "Two." }]],
      ["n", BlockChange.added, null, "2", [{ change: "inserted", text: "New words." }]],
      ["c", BlockChange.unchanged, "3", "3", [{ change: "same", text: "Three." }]],
    ]);
    expect(redline.counts).toEqual({ changed: 0, added: 1, deleted: 1, moved: 0 });
  });

  it("marks inserted and deleted words inside a paragraph and its footnote", () => {
    const older = text([para("a", "States should promote an open ICT environment.", "A/RES/73/27.")]);
    const newer = text([para("a", "States should promote a free and open ICT environment.", "A/RES/73/266.")]);
    const [only] = compare(older, newer).blocks;
    expect(only!.change).toBe(BlockChange.changed);
    expect(only!.words).toEqual([
      { change: "same", text: "States should promote " },
      { change: "deleted", text: "an" },
      { change: "inserted", text: "a free and" },
      { change: "same", text: " open ICT environment." },
    ]);
    expect(only!.footnotes).toEqual([
      { oldNumber: 1, newNumber: 1, change: BlockChange.changed, words: [{ change: "same", text: "A/RES/73/" }, { change: "deleted", text: "27" }, { change: "inserted", text: "266" }, { change: "same", text: "." }] },
    ]);
  });

  it("reads 4 → 5 for the paragraph after a new paragraph 4, which was 3 bis while the round lasted", () => {
    const older = text([para("a", "One."), para("b", "Two."), para("c", "Three."), para("d", "Four."), subitem("e", "An item.")]);
    const newer = text([para("a", "One."), para("b", "Two."), para("c", "Three."), para("x", "CUB's paragraph."), para("d", "Four."), subitem("e", "An item.")]);
    const redline = compare(older, newer, { "3 bis": "4", "4": "5" });
    expect(redline.blocks.map((one) => [one.pid, one.change, one.oldLabel, one.newLabel, one.interimLabel])).toEqual([
      ["a", BlockChange.unchanged, "1", "1", null],
      ["b", BlockChange.unchanged, "2", "2", null],
      ["c", BlockChange.unchanged, "3", "3", null],
      ["x", BlockChange.added, null, "4", "3 bis"],
      ["d", BlockChange.unchanged, "4", "5", null],
      ["e", BlockChange.unchanged, "(a)", "(a)", null],
    ]);
  });

  it("reads 3 bis for a paragraph added since the revision, compared with the live text", () => {
    const older = text([para("a", "One."), para("c", "Three.")]);
    const newer = text([para("a", "One."), para("x", "Added."), para("c", "Three.")], ["1", "1 bis", "2"]);
    const added = compare(older, newer).blocks.find((one) => one.pid === "x")!;
    expect([added.change, added.newLabel, added.interimLabel]).toEqual([BlockChange.added, "1 bis", null]);
  });

  it("finds nothing to show between a text and itself", () => {
    const same = text([para("a", "One.", "A note."), para("b", "")]);
    const redline: { counts: unknown; blocks: RedlineBlock[] } = compare(same, same);
    expect(redline.counts).toEqual({ changed: 0, added: 0, deleted: 0, moved: 0 });
    expect(redline.blocks.map((one) => one.change)).toEqual([BlockChange.unchanged, BlockChange.unchanged]);
  });
});
