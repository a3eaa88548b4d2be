/**
 * Plain-text and Markdown exports of an Arabic draft isolate state codes and Concord's Latin words
 * with U+2068/U+2069, so a reader that sets each line's direction from its first strong character
 * (as every text editor does) keeps a paragraph starting with `[CUB: …]` right to left; an English
 * draft's text carries no isolates at all.
 */
import * as Y from "yjs";
import { ProposalKind } from "../../../schemas/records";
import { MetaKey, TextRoot } from "../../../shared/documentLayout";
import { draftText, TextFormat, TextView } from "../../../shared/export/draftText";
import { ExportView } from "../../../shared/export/exportModel";
import { readExportDraft } from "../../../shared/export/readExportDraft";
import { writeText } from "../../../shared/export/writeText";
import { FIRST_STRONG_ISOLATE, isolated, isolateWordsFor, POP_DIRECTIONAL_ISOLATE } from "../../../shared/export/isolateWords";
import { propose, supportProposal } from "../../../shared/proposals/proposeChange";
import { doc, item, p } from "../../support/dsl";
import { pidAt, secondsApart, wordSpan, yDraft } from "../../support/yDraft";

const FIRST = "يرحب الفريق بالتقرير.";
const SECOND = "ويشدد على أهمية التعاون الدولي.";
const ITEM = "تعزيز القدرات.";

/**
 * The direction a line takes from its first strong character, skipping what isolates hold (rules
 * P2 and P3 of the Unicode bidirectional algorithm, for Arabic and Latin letters); null for none.
 */
function firstStrongDirection(line: string): "rtl" | "ltr" | null {
  let depth = 0;
  for (const char of line) {
    if (char === FIRST_STRONG_ISOLATE) depth += 1;
    else if (char === POP_DIRECTIONAL_ISOLATE) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\p{Script=Arabic}/u.test(char) && /\p{L}/u.test(char)) return "rtl";
    else if (depth === 0 && /\p{L}/u.test(char)) return "ltr";
  }
  return null;
}

/** An Arabic draft whose paragraphs begin with brackets: CUB's insertion, SLV's replacement co-sponsored, and a sub-item. */
function arabicDraft(language = "ar"): Y.Doc {
  const ydoc = yDraft(doc(p(FIRST), p(SECOND), item(1, ITEM)));
  ydoc.getMap(TextRoot.meta).set(MetaKey.language, language);
  const clock = secondsApart();
  propose(ydoc, "CUB", { kind: ProposalKind.insert, pid: pidAt(ydoc, 0), at: 0, text: "إذ يشير إلى ولايته، " }, clock());
  const replace = propose(ydoc, "SLV", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(SECOND, "ويشدد"), text: "ويؤكد" }, clock());
  supportProposal(ydoc, "CUB", replace);
  supportProposal(ydoc, "UZB", replace);
  propose(ydoc, "UZB", { kind: ProposalKind.delete, pid: pidAt(ydoc, 2), ...wordSpan(ITEM, "تعزيز") }, clock());
  return ydoc;
}

/** The lines of an export holding the draft's blocks (after the title). */
function blockLines(text: string): string[] {
  return text.split("\n").slice(1).filter((line) => line.trim() !== "");
}

describe("isolating words in text exports", () => {
  it("wraps words with a letter in first strong isolate and pop, in a right-to-left language only", () => {
    expect(isolated("CUB")).toBe("\u2068CUB\u2069");
    expect(isolateWordsFor("ar")("Alt 1 CUB")).toBe("\u2068Alt 1 CUB\u2069");
    expect(isolateWordsFor("ar-EG")("3 bis")).toBe("\u20683 bis\u2069");
    expect(isolateWordsFor("ar")("12")).toBe("12");
    expect(isolateWordsFor("en")("CUB")).toBe("CUB");
    expect(isolateWordsFor("fr")("(a)")).toBe("(a)");
  });

  it("keeps every paragraph of an Arabic draft right to left in plain text, brackets and numbers first", () => {
    const text = draftText(arabicDraft(), TextView.bracketed, TextFormat.plain);
    const lines = blockLines(text);
    expect(lines).toEqual([
      `1. [\u2068CUB\u2069: إذ يشير إلى ولايته،] ${FIRST}`,
      `2. [\u2068SLV, CUB +1\u2069: \u2068replace:\u2069 ويشدد \u2068with:\u2069 ويؤكد] على أهمية التعاون الدولي.`,
      `    \u2068(a)\u2069 [\u2068UZB\u2069: \u2068delete:\u2069 تعزيز] القدرات.`,
    ]);
    for (const line of lines) expect({ line, direction: firstStrongDirection(line) }).toEqual({ line, direction: "rtl" });
  });

  it("keeps every paragraph of an Arabic draft right to left in Markdown", () => {
    const lines = blockLines(draftText(arabicDraft(), TextView.bracketed, TextFormat.markdown));
    expect(lines[0]).toBe(`1\\. [\u2068CUB\u2069: إذ يشير إلى ولايته،] ${FIRST}`);
    expect(lines[2]).toBe(`\u2068(a)\u2069 [\u2068UZB\u2069: ~~تعزيز~~] القدرات.`);
    for (const line of lines) expect({ line, direction: firstStrongDirection(line) }).toEqual({ line, direction: "rtl" });
  });

  it("keeps the compilation's lines of an Arabic draft right to left, each proposal's state and standing isolated", () => {
    const ydoc = arabicDraft();
    const lines = blockLines(writeText(readExportDraft(ydoc, null, { draftId: "d1", view: ExportView.compilation, exportedAt: "2025-02-01T09:00:00.000Z" })));
    expect(lines).toContain(`    - \u2068SLV (co-sponsored by CUB, UZB)\u2069: \u2068replace\u2069 “ويشدد” \u2068with\u2069: “ويؤكد” (\u2068open\u2069)`);
    for (const line of lines) expect({ line, direction: firstStrongDirection(line) }).toEqual({ line, direction: "rtl" });
  });

  it("would have turned those paragraphs left to right without the isolates", () => {
    const text = draftText(arabicDraft(), TextView.bracketed, TextFormat.plain).replace(/[\u2068\u2069]/g, "");
    expect(blockLines(text).map(firstStrongDirection)).toEqual(["ltr", "ltr", "ltr"]);
  });

  it("writes no isolate into an English draft's text", () => {
    for (const format of [TextFormat.plain, TextFormat.markdown]) {
      expect(draftText(arabicDraft("en"), TextView.bracketed, format)).not.toMatch(/[\u2068\u2069]/);
    }
  });
});
