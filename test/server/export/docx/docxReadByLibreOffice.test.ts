/**
 * Acceptance 1 (and the Word side of 5): the Word exports of a walkthrough-like draft, read back by
 * an independent reader. The draft is the demo text in real Yjs documents with what the walkthrough
 * does (CUB proposes, SLV co-sponsors and comments) and more: alternatives, an insertion, a
 * deletion, a new paragraph, a paragraph proposed for deletion, a reservation, a rejected proposal.
 * LibreOffice converts each export to flat ODF, and the test reads what it found.
 */
import fs from "node:fs";
import * as Y from "yjs";
import { ProposalKind, StanceKind } from "../../../../schemas/records";
import { writeCompilationDocx } from "../../../../server/export/docx/writeCompilationDocx";
import { writeDocx } from "../../../../server/export/docx/writeDocx";
import { importDraftText, ImportFormat } from "../../../../server/import/importDraftText";
import { DEMO_DRAFT_FILE } from "../../../../server/paths";
import { addComment, replyToComment } from "../../../../shared/comments/commentThreads";
import { setStance } from "../../../../shared/consensus/stanceWrites";
import { MetaKey, TextRoot } from "../../../../shared/documentLayout";
import { ExportView } from "../../../../shared/export/exportModel";
import { readExportDraft } from "../../../../shared/export/readExportDraft";
import { rejectProposal } from "../../../../shared/proposals/clearProposal";
import { propose, supportProposal } from "../../../../shared/proposals/proposeChange";
import { doc, p } from "../../../support/dsl";
import { readDocxWithLibreOffice, type OdfReading } from "../../../support/readWithLibreOffice";
import { pidAt, secondsApart, texts, wordSpan, yDraft } from "../../../support/yDraft";

/** Block indexes of the demo draft (heading A is block 0). */
const P2 = 2;
const P4 = 4;
const P5 = 6;
const P6 = 7;
const P7 = 13;
const P8 = 14;
const P9 = 15;

function walkthroughDraft() {
  const textDoc = yDraft(importDraftText(fs.readFileSync(DEMO_DRAFT_FILE, "utf8"), ImportFormat.markdown).doc);
  const floorDoc = new Y.Doc();
  const meta = textDoc.getMap(TextRoot.meta);
  meta.set(MetaKey.title, "Pre-draft report of the Open-ended Working Group");
  meta.set(MetaKey.symbol, "A/AC.292/2025/CRP.1");
  meta.set(MetaKey.revision, "Pre-draft");
  meta.set(MetaKey.language, "en");
  const clock = secondsApart();
  const block = (index: number) => ({ pid: pidAt(textDoc, index), text: texts(textDoc)[index]! });
  const on = (index: number, words: string) => ({ pid: block(index).pid, ...wordSpan(block(index).text, words) });

  const resilient = propose(textDoc, "CUB", { kind: ProposalKind.replace, ...on(P4, "open, secure, stable"), text: "open, secure, stable and resilient" }, clock());
  supportProposal(textDoc, "SLV", resilient);
  const thread = addComment(floorDoc, "SLV", { pid: block(P4).pid }, "We support adding resilience.", clock());
  replyToComment(floorDoc, "chair", thread, "Noted; the chair will reflect it.", false, clock());

  propose(textDoc, "CUB", { kind: ProposalKind.replace, ...on(P5, "military purposes"), text: "offensive purposes" }, clock());
  const hostile = propose(textDoc, "UZB", { kind: ProposalKind.replace, ...on(P5, "military purposes"), text: "hostile purposes" }, clock());
  supportProposal(textDoc, "SLV", hostile);

  const insertAt = wordSpan(block(P2).text, "civil society").to;
  propose(textDoc, "UZB", { kind: ProposalKind.insert, pid: block(P2).pid, at: insertAt, text: " and national human rights institutions" }, clock());
  propose(textDoc, "SLV", { kind: ProposalKind.delete, ...on(P6, "considerably ") }, clock());
  propose(textDoc, "CUB", { kind: ProposalKind.newParagraph, after: block(P7).pid, text: "The Group recognized the needs of small island developing States." }, clock());
  propose(textDoc, "UZB", { kind: ProposalKind.deleteParagraph, pid: block(P8).pid }, clock());
  const rejected = propose(textDoc, "UZB", { kind: ProposalKind.insert, pid: block(P9).pid, at: 0, text: "Moreover, " }, clock());
  rejectProposal(textDoc, rejected, "No support", clock());

  setStance(floorDoc, "CUB", block(P9).pid, StanceKind.reserve, "Cuba reserves its position pending instructions.", clock());
  return { textDoc, floorDoc };
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
  const { textDoc, floorDoc } = walkthroughDraft();
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
        ["deletion", "Cuba (CUB)", "military purposes"],
        ["insertion", "Cuba (CUB)", "offensive purposes"],
        ["insertion", "Uzbekistan (UZB)", "hostile purposes"],
        ["insertion", "Uzbekistan (UZB)", " and national human rights institutions"],
        ["deletion", "El Salvador (SLV)", "considerably"],
        ["deletion", "Uzbekistan (UZB)", expect.stringMatching(/^8\.\tSome States expressed concern about the use of ICTs/)],
      ]),
    );
    const added = bracketed.changes.find((change) => change.kind === "insertion" && change.text.startsWith("7 bis."));
    expect(added).toEqual({ kind: "insertion", creator: "Cuba (CUB)", text: "7 bis.\tThe Group recognized the needs of small island developing States.\n" });
  });

  it("keeps every change authored by a state, and none for the rejected proposal", () => {
    expect(new Set(bracketed.changes.map((change) => change.creator))).toEqual(new Set(["Cuba (CUB)", "El Salvador (SLV)", "Uzbekistan (UZB)"]));
    expect(bracketed.changes.some((change) => change.text.includes("Moreover"))).toBe(false);
  });

  it("finds the comment naming the alternatives and the co-sponsors, and the delegation's comment with the chair's reply", () => {
    const texts = bracketed.annotations.map((annotation) => `${annotation.creator}: ${annotation.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        "Concord: Alt 1 — Cuba (CUB): replace “military purposes” with “offensive purposes”\nAlt 2 — Uzbekistan (UZB), co-sponsored by El Salvador (SLV): replace “military purposes” with “hostile purposes”",
        "Concord: Cuba (CUB), co-sponsored by El Salvador (SLV): replace “open, secure, stable” with “open, secure, stable and resilient”",
        "El Salvador (SLV): We support adding resilience.",
        "Chair: Noted; the chair will reflect it.",
      ]),
    );
  });

  it("finds the draft's footnotes, each with its own words, and the reservation as a footnote after paragraph 9's", () => {
    const model = readExportDraft(textDoc, floorDoc, options(ExportView.clean));
    const expected = model.blocks.flatMap((block) =>
      block.type === "added"
        ? []
        : [
            ...block.runs.flatMap((run) => (run.type === "footnote" ? [run.text] : [])),
            ...block.reservations.map(() => "Reservation by Cuba: Cuba reserves its position pending instructions."),
          ],
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(bracketed.notes).toEqual(expected);
  });

  it("finds no tracked change at all in the clean export, and the same footnotes", () => {
    expect(clean.changes).toEqual([]);
    expect(clean.fodt).not.toMatch(/<text:changed-region|<text:change-start/);
    expect(clean.annotations).toEqual([]);
    expect(clean.paragraphs).toContain(`4.\t${texts(textDoc)[P4]}`);
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
    expect(after("2.\t")).toEqual(["Uzbekistan (UZB): insert “ and national human rights institutions”"]);
    expect(after("4.\t")).toEqual(["Cuba (CUB), co-sponsored by El Salvador (SLV): replace “open, secure, stable” with “open, secure, stable and resilient”"]);
    expect(after("5.\t")).toEqual([
      "Alt 1 — Cuba (CUB): replace “military purposes” with “offensive purposes”",
      "Alt 2 — Uzbekistan (UZB), co-sponsored by El Salvador (SLV): replace “military purposes” with “hostile purposes”",
    ]);
    expect(after("6.\t")).toEqual(["El Salvador (SLV): delete “considerably ”"]);
    expect(after("7.\t")).toEqual(["Cuba (CUB): add paragraph 7 bis: “The Group recognized the needs of small island developing States.”"]);
    expect(after("8.\t")).toEqual(["Uzbekistan (UZB): delete the paragraph"]);
    expect(after("9.\t")).toEqual(["Uzbekistan (UZB): insert “Moreover, ” (Rejected)"]);
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
