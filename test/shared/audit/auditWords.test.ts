import fc from "fast-check";
import { CONTEXT_CHARS, MAX_CHANGED_CHARS, mergeParagraphWords, paragraphWords, WHOLE_PARAGRAPH_CHARS } from "../../../shared/audit/auditWords";
import { groupEdits, type AuditEntryView } from "../../../shared/audit/auditEntry";

const LONG = "The Group recalled that international law, and in particular the Charter of the United Nations, is applicable. ".repeat(12);

describe("paragraph words", () => {
  it("keeps a short paragraph whole, before and after", () => {
    expect(paragraphWords("p1", "States should act.", "States should act together.")).toEqual({ pid: "p1", start: 0, rest: 0, before: "States should act.", after: "States should act together." });
  });

  it("keeps a window of whole words around a change in a long paragraph", () => {
    const at = LONG.indexOf("Charter", 600);
    const after = `${LONG.slice(0, at)}whole ${LONG.slice(at)}`;
    const words = paragraphWords("p1", LONG, after);
    expect(LONG.length).toBeGreaterThan(WHOLE_PARAGRAPH_CHARS);
    expect(words.before).toBe(LONG.slice(words.start, LONG.length - words.rest));
    expect(words.after).toBe(after.slice(words.start, after.length - words.rest));
    expect(words.after).toContain("whole Charter");
    expect(words.after!.length).toBeLessThan(2 * CONTEXT_CHARS + 2 * 30 + 10);
    expect(LONG[words.start - 1]).toBe(" ");
  });

  it("says a paragraph was added or removed, and cuts what is too long to keep", () => {
    expect(paragraphWords("p2", null, "New words.")).toEqual({ pid: "p2", start: 0, rest: 0, before: null, after: "New words." });
    const huge = "x".repeat(MAX_CHANGED_CHARS + 10);
    expect(paragraphWords("p2", huge, null)).toEqual({ pid: "p2", start: 0, rest: 10, before: "x".repeat(MAX_CHANGED_CHARS), after: null, cut: true });
  });

  it("merges edits in a row into the first words before and the last words after", () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.string({ maxLength: 8 }) });
    fc.assert(
      fc.property(fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 12 }), (long, edits) => {
        const texts = [long ? LONG : "States should promote an open ICT environment."];
        for (const { at, remove, insert } of edits) {
          const text = texts[texts.length - 1]!;
          const from = at % (text.length + 1);
          texts.push(text.slice(0, from) + insert + text.slice(from + remove));
        }
        let merged = paragraphWords("p", texts[0]!, texts[1]!);
        for (let i = 2; i < texts.length; i++) {
          const next = mergeParagraphWords(merged, paragraphWords("p", texts[i - 1]!, texts[i]!));
          if (!next) return; // windows that do not meet stay apart
          merged = next;
        }
        const first = texts[0]!;
        const last = texts[texts.length - 1]!;
        expect(merged.before).toBe(first.slice(merged.start, first.length - merged.rest));
        expect(merged.after).toBe(last.slice(merged.start, last.length - merged.rest));
      }),
    );
  });

  it("groups one person's keystrokes in one paragraph, newest first, and keeps others apart", () => {
    const entry = (seq: number, principal: string, before: string, after: string, pid = "p3"): AuditEntryView => ({
      seq,
      room: "text",
      principal,
      userId: principal,
      userName: principal,
      at: new Date(Date.UTC(2026, 0, 1, 9, 0, seq)).toISOString(),
      touched: [{ root: "content", key: null }],
      words: { paragraphs: [paragraphWords(pid, before, after)] },
    });
    const grouped = groupEdits([entry(4, "chair", "open, free", "open, free."), entry(3, "chair", "open", "open, free"), entry(2, "state:CUB", "a", "b", "p9"), entry(1, "chair", "x", "y")]);
    expect(grouped.map((group) => [group.seq, group.edits])).toEqual([[4, 2], [2, 1], [1, 1]]);
    expect(grouped[0]!.words!.paragraphs![0]).toMatchObject({ before: "open", after: "open, free." });
    expect(grouped[0]!.firstAt).toBe(entry(3, "chair", "", "").at);
  });
});
