/**
 * The Word redline's tracked changes, read from the file's XML: for random pairs of texts, accepting
 * every change gives the newer text (numbers, words and footnotes), rejecting every change the older,
 * and every change is authored by the revision pair at the newer side's time.
 */
import fc from "fast-check";
import { writeRedlineDocx } from "../../../../server/export/docx/writeRedlineDocx";
import { compareRevisions } from "../../../../shared/revisions/compareRevisions";
import type { RevisionText, RevisionTextBlock } from "../../../../shared/revisions/readRevisionText";
import { BlockChange } from "../../../../shared/revisions/redlineModel";
import { para, randomTexts, text } from "../../../support/revisionTexts";
import { readZipEntry } from "../../../support/readZip";

const REV1 = { id: "r1", label: "Rev.1", at: "2025-03-01T09:00:00.000Z" };
const REV2 = { id: "r2", label: "Rev.2", at: "2025-04-01T09:30:00.000Z" };

const decode = (xml: string) => xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The body's paragraphs as Word shows them once every change is accepted, or every change rejected. */
function paragraphsAfter(documentXml: string, choice: "accept" | "reject"): string[] {
  const [dropped, kept] = choice === "accept" ? ["del", "ins"] : ["ins", "del"];
  const paragraphs = documentXml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .filter((paragraph) => !new RegExp(`<w:pPr>.*<w:${dropped}\\b.*</w:pPr>`).test(paragraph))
    .map((paragraph) =>
      paragraph
        .replace(new RegExp(`<w:${kept}\\b[^>]*/>`, "g"), "")
        .replace(new RegExp(`<w:${dropped}\\b[^>]*/>`, "g"), "")
        .replace(new RegExp(`<w:${dropped}\\b[^>]*>[\\s\\S]*?</w:${dropped}>`, "g"), ""),
    )
    .map((paragraph) => decode([...paragraph.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map(([, words]) => words).join("")));
}

/** A block's lines as the redline writes them: its number and words, then a note per footnote. */
function lines(block: Pick<RevisionTextBlock, "type" | "label" | "words" | "footnotes">, firstFootnote: number): string[] {
  const number = block.label === null ? "" : `${block.label}${block.label.startsWith("(") ? "" : "."}\t`;
  return [`${number}${block.words}`, ...block.footnotes.map((words, nth) => `Footnote ${firstFootnote + nth}: ${words}`)];
}

function textLines(blocks: readonly RevisionTextBlock[]): string[] {
  let footnotes = 1;
  return blocks.flatMap((block) => {
    const out = lines(block, footnotes);
    footnotes += block.footnotes.length;
    return out;
  });
}

/** Words Word holds as typed: no control characters but the tab, no line breaks. */
const word = fc.oneof(fc.constantFrom("the", "States", "open", "مفتوحة", "🇺🇳", "", " ", "  ", "\t", "\u00A0", "&", "<b>", '"'), fc.string({ maxLength: 5, unit: "grapheme-ascii" }));
const randomText = randomTexts(fc.array(word, { maxLength: 8 }).map((parts) => parts.join("")));

describe("the Word redline", () => {
  it("reads as the newer text with every change accepted, and as the older with every change rejected", async () => {
    await fc.assert(
      fc.asyncProperty(randomText, randomText, async (older, newer) => {
        const redline = compareRevisions(older, newer, { draftId: "d1", from: REV1, to: REV2, renumbered: null, madeAt: "2025-04-02T00:00:00.000Z" });
        const xml = readZipEntry(await writeRedlineDocx(redline), "word/document.xml");
        // The title, the two sides and the summary come first.
        expect(paragraphsAfter(xml, "accept").slice(3)).toEqual(textLines(newer.blocks));
        const shownOlder: RevisionText["blocks"] = redline.blocks.filter((block) => block.change !== BlockChange.added).map((block) => older.blocks.find((one) => one.pid === block.pid)!);
        const olderFootnotes = new Map<string, number>();
        let count = 1;
        for (const block of older.blocks) {
          olderFootnotes.set(block.pid, count);
          count += block.footnotes.length;
        }
        expect(paragraphsAfter(xml, "reject").slice(3)).toEqual(shownOlder.flatMap((block) => lines(block, olderFootnotes.get(block.pid)!)));
        const authors = new Set([...xml.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)" w:date="([^"]*)"/g)].map(([, author, date]) => `${author} ${date}`));
        expect([...authors].every((one) => one === "Rev.1 → Rev.2 2025-04-01T09:30:00Z")).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("tracks a changed number as its old digits deleted and the new inserted", async () => {
    const redline = compareRevisions(text([para("a", "One."), para("d", "Four.")]), text([para("n", "New."), para("a", "One."), para("d", "Four.")]), {
      draftId: "d1",
      from: REV1,
      to: REV2,
      renumbered: null,
      madeAt: "2025-04-02T00:00:00.000Z",
    });
    const xml = readZipEntry(await writeRedlineDocx(redline), "word/document.xml");
    expect(xml).toMatch(/<w:del [^>]*><w:r><w:delText[^>]*>2<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t[^>]*>3<\/w:t><\/w:r><\/w:ins><w:r><w:t[^>]*>\.\t<\/w:t><\/w:r><w:r><w:t[^>]*>Four\.<\/w:t>/);
  });

  it("sets an Arabic redline right to left, its sides read from the right, its changes still authored Rev.1 → Rev.2", async () => {
    const arabic = (blocks: Parameters<typeof text>[0]) => ({ ...text(blocks), language: "ar" });
    const redline = compareRevisions(arabic([para("a", "واحد.")]), arabic([para("n", "جديد."), para("a", "واحد.")]), {
      draftId: "d1",
      from: REV1,
      to: REV2,
      renumbered: null,
      madeAt: "2025-04-02T00:00:00.000Z",
    });
    const file = await writeRedlineDocx(redline);
    const xml = readZipEntry(file, "word/document.xml");
    expect(paragraphsAfter(xml, "accept")[1]).toBe("Rev.1 (2025-03-01) ← Rev.2 (2025-04-01)");
    for (const paragraph of xml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? []) expect(paragraph).toContain("<w:bidi/>");
    expect(readZipEntry(file, "word/header1.xml")).toContain("Rev.1 ← Rev.2");
    expect(xml).toMatch(/w:author="Rev\.1 → Rev\.2"/);
  });
});
