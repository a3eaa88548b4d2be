/**
 * Acceptance 1 (and the Word side of 5): the Word exports of the walkthrough's draft
 * (test/support/walkthroughDraft.ts: CUB proposes and SLV co-sponsors, UZB's alternative, a deletion
 * of words, an insertion, 4 bis, the deletion of paragraph 7, a rejected and a withdrawn proposal,
 * SLV's comment, UZB's reservation), with the chair's reply to the comment, read back by an
 * independent reader: LibreOffice converts each export to flat ODF, and the test reads what it found.
 */
import type * as Y from "yjs";
import { ProposalKind } from "../../../../schemas/records";
import { writeCompilationDocx } from "../../../../server/export/docx/writeCompilationDocx";
import { writeDocx } from "../../../../server/export/docx/writeDocx";
import { readThreads, replyToComment } from "../../../../shared/comments/commentThreads";
import { MetaKey, TextRoot } from "../../../../shared/documentLayout";
import { ExportView } from "../../../../shared/export/exportModel";
import { readExportDraft } from "../../../../shared/export/readExportDraft";
import { propose } from "../../../../shared/proposals/proposeChange";
import { doc, p } from "../../../support/dsl";
import { readDocxWithLibreOffice, type OdfReading } from "../../../support/readWithLibreOffice";
import { WALKTHROUGH_BLOCKS, walkthroughDraft } from "../../../support/walkthroughDraft";
import { pidAt, texts, wordSpan, yDraft } from "../../../support/yDraft";

/** The walkthrough's draft, and the chair's reply to SLV's comment. */
function draftWithReply(): { textDoc: Y.Doc; floorDoc: Y.Doc } {
  const { text, floor } = walkthroughDraft();
  const [thread] = readThreads(floor, {});
  replyToComment(floor, "chair", thread!.key, "Noted; the chair will reflect it.", false, new Date(Date.UTC(2025, 2, 4)));
  return { textDoc: text, floorDoc: floor };
}

/** A draft in Arabic with Egypt's insertion. */
function arabicDraft() {
  const textDoc = yDraft(doc(p("يرحب الفريق بالتقدم المحرز في تنفيذ القواعد.")));
  textDoc.getMap(TextRoot.meta).set(MetaKey.title, "مشروع التقرير");
  textDoc.getMap(TextRoot.meta).set(MetaKey.language, "ar");
  const text = texts(textDoc)[0]!;
  propose(textDoc, "EGY", { kind: ProposalKind.insert, pid: pidAt(textDoc, 0), at: wordSpan(text, "المحرز").to, text: " الكبير" });
  return textDoc;
}

const options = (view: ExportView) => ({ draftId: "demo", view, exportedAt: "2025-02-01T09:00:00.000Z" });

/** The changes LibreOffice found, as [kind, author, words]. */
const changesOf = (reading: OdfReading) => reading.changes.map((change) => [change.kind, change.creator, change.text]);

describe("the Word export read back by LibreOffice", () => {
  const { textDoc, floorDoc } = draftWithReply();
  let bracketed: OdfReading;
  let clean: OdfReading & { fodt: string };
  let compilation: OdfReading;
  let arabic: OdfReading & { fodt: string };

  beforeAll(async () => {
    [bracketed, clean, compilation, arabic] = (await readDocxWithLibreOffice([
      await writeDocx(readExportDraft(textDoc, floorDoc, options(ExportView.bracketed))),
      await writeDocx(readExportDraft(textDoc, floorDoc, options(ExportView.clean))),
      await writeCompilationDocx(readExportDraft(textDoc, floorDoc, options(ExportView.compilation))),
      await writeDocx(readExportDraft(arabicDraft(), null, options(ExportView.bracketed))),
    ])) as [OdfReading, OdfReading & { fodt: string }, OdfReading, OdfReading & { fodt: string }];
  }, 200_000);

  it("finds each proposal as an insertion or deletion authored by its state", () => {
    expect(changesOf(bracketed)).toEqual(
      expect.arrayContaining([
        ["deletion", "Cuba (CUB)", "open, secure, stable"],
        ["insertion", "Cuba (CUB)", "open, secure, stable and resilient"],
        ["insertion", "Uzbekistan (UZB)", "open, secure and stable"],
        ["deletion", "El Salvador (SLV)", "for military purposes"],
        ["insertion", "El Salvador (SLV)", " and regions"],
        ["deletion", "Cuba (CUB)", expect.stringMatching(/^7\.\tSeveral States drew attention to the particular vulnerability/)],
        ["insertion", "Uzbekistan (UZB)", "4 bis.\tStates stressed the importance of bridging the digital divide.\n"],
      ]),
    );
    expect(bracketed.changes).toHaveLength(7);
  });

  it("keeps every change authored by a state, and none for the rejected or the withdrawn proposal", () => {
    expect(new Set(bracketed.changes.map((change) => change.creator))).toEqual(new Set(["Cuba (CUB)", "El Salvador (SLV)", "Uzbekistan (UZB)"]));
    expect(bracketed.changes.some((change) => /Geneva|Recalling its mandate/.test(change.text))).toBe(false);
  });

  it("finds the comment naming the alternatives and the co-sponsors, and the delegation's comment with the chair's reply", () => {
    const texts = bracketed.annotations.map((annotation) => `${annotation.creator}: ${annotation.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        "Concord: Alt 1 — Cuba (CUB), co-sponsored by El Salvador (SLV): replace “open, secure, stable” with “open, secure, stable and resilient”\nAlt 2 — Uzbekistan (UZB): replace “open, secure, stable” with “open, secure and stable”",
        "Concord: El Salvador (SLV), co-sponsored by Cuba (CUB) and Uzbekistan (UZB): delete “for military purposes”",
        "El Salvador (SLV): We support adding resilience.",
        "Chair: Noted; the chair will reflect it.",
      ]),
    );
  });

  it("finds the draft's footnotes, each with its own words, and the reservation on paragraph 5 as a footnote in its place", () => {
    const model = readExportDraft(textDoc, floorDoc, options(ExportView.clean));
    const expected = model.blocks.flatMap((block) =>
      block.type === "added"
        ? []
        : [
            ...block.runs.flatMap((run) => (run.type === "footnote" ? [run.text] : [])),
            ...block.reservations.map(() => "Reservation by Uzbekistan: Pending instructions from capital."),
          ],
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(bracketed.notes).toEqual(expected);
  });

  it("finds no tracked change at all in the clean export, and the same footnotes", () => {
    expect(clean.changes).toEqual([]);
    expect(clean.fodt).not.toMatch(/<text:changed-region|<text:change-start/);
    expect(clean.annotations).toEqual([]);
    expect(clean.paragraphs).toContain(`4.\t${texts(textDoc)[WALKTHROUGH_BLOCKS.paragraph4]}`);
    expect(clean.notes).toEqual(bracketed.notes);
  });

  it("lists each proposal under its paragraph with its sponsors in the compilation", () => {
    expect(compilation.changes).toEqual([]);
    /** The proposal lines right after the paragraph that starts with `start`. */
    const after = (start: string) => {
      const at = compilation.paragraphs.findIndex((paragraph) => paragraph.startsWith(start));
      expect(at).toBeGreaterThanOrEqual(0);
      const lines: string[] = [];
      for (const paragraph of compilation.paragraphs.slice(at + 1)) {
        if (!/\([A-Z]{3}\)/.test(paragraph) || paragraph.includes("\t")) break;
        lines.push(paragraph);
      }
      return lines;
    };
    expect(after("2.\t")).toEqual(["Cuba (CUB): insert “Recalling its mandate, ” (withdrawn)", "Uzbekistan (UZB): replace “New York” with “New York and Geneva” (rejected)"]);
    expect(after("4.\t")).toEqual([
      "Alt 1 — Cuba (CUB), co-sponsored by El Salvador (SLV): replace “open, secure, stable” with “open, secure, stable and resilient”",
      "Alt 2 — Uzbekistan (UZB): replace “open, secure, stable” with “open, secure and stable”",
      "Uzbekistan (UZB): add paragraph 4 bis: “States stressed the importance of bridging the digital divide.”",
    ]);
    expect(after("5.\t")).toEqual(["El Salvador (SLV), co-sponsored by Cuba (CUB) and Uzbekistan (UZB): delete “ for military purposes”"]);
    expect(after("(b)\t")).toEqual(["El Salvador (SLV): insert “ and regions”"]);
    expect(after("7.\t")).toEqual(["Cuba (CUB): delete the paragraph"]);
  });

  it("reads an Arabic draft right to left, in Arabic, with the state's insertion", () => {
    expect(changesOf(arabic)).toEqual([["insertion", "Egypt (EGY)", " الكبير"]]);
    expect(arabic.paragraphs).toContain("1.\tيرحب الفريق بالتقدم المحرز الكبير في تنفيذ القواعد.");
    const bodyStyles = [...arabic.fodt.matchAll(/<style:style style:name="P\d+"[\s\S]*?<\/style:style>/g)].map((style) => style[0]);
    expect(bodyStyles.length).toBeGreaterThan(0);
    for (const style of bodyStyles) expect(style).toContain('style:writing-mode="rl-tb"');
    expect(arabic.fodt).toMatch(/style:language-complex="ar"/);
  });
});
