/**
 * The compilation of proposals as the PDF delegations receive between rounds (issue 12, acceptance
 * 5, PDF side): Chromium prints it and poppler reads it back.
 */
import { PdfPrinter } from "../../../../server/export/pdf/PdfPrinter";
import { ExportView } from "../../../../shared/export/exportModel";
import { readExportDraft } from "../../../../shared/export/readExportDraft";
import { writeHtml } from "../../../../shared/export/writeHtml";
import { pdfText } from "../../../support/pdfText";
import { walkthroughDraft } from "../../../support/walkthroughDraft";

/** The printed lines from the paragraph numbered `number` up to the next numbered paragraph, on one line. */
function paragraphSection(text: string, number: number): string {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => new RegExp(`^\\s*${number}\\.\\s`).test(line));
  expect(start).toBeGreaterThanOrEqual(0);
  const after = lines.slice(start + 1).findIndex((line) => /^\s*\d+\.\s/.test(line));
  return lines
    .slice(start, after < 0 ? undefined : start + 1 + after)
    .join(" ")
    .replace(/\s+/g, " ");
}

describe("the compilation of proposals in PDF", () => {
  it("lists each proposal of the walkthrough's draft under its paragraph with its sponsors", async () => {
    const { text, floor } = walkthroughDraft();
    const model = readExportDraft(text, floor, { draftId: "demo", view: ExportView.compilation, exportedAt: "2025-03-04T09:00:00.000Z" });
    const printed = pdfText(new Uint8Array(await new PdfPrinter().print(writeHtml(model))));
    const four = paragraphSection(printed, 4);
    expect(four).toMatch(/CUB \(co-sponsored by SLV\),? Alt 1: replace open, secure, stable with open, secure, stable and resilient/);
    expect(four).toMatch(/UZB,? Alt 2: replace open, secure, stable with open, secure and stable/);
    expect(four).toMatch(/UZB: add a paragraph/);
    expect(paragraphSection(printed, 5)).toMatch(/SLV \(co-sponsored by CUB, UZB\)/);
    expect(paragraphSection(printed, 7)).toMatch(/CUB/);
    expect(paragraphSection(printed, 2)).toMatch(/UZB.*New York and Geneva/);
  });
});
