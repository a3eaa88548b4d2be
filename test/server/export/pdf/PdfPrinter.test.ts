/**
 * The PDF printer: Debian's Chromium prints an HTML page to an A4 PDF that an independent reader
 * (pdftotext) reads back, in Latin, Arabic and Chinese script; it prints one document at a time,
 * stops a print past its deadline, leaves no temporary files, and says clearly when there is no browser.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PdfFailure, PdfPrinter, PdfUnavailableError, withPrintHead } from "../../../../server/export/pdf/PdfPrinter";
import { pdfPages, pdfText } from "../../../support/pdfText";

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pre-draft</title></head><body>
<h1>Pre-draft report</h1>
<p>1. States recalled the framework of responsible State behaviour.</p>
<p dir="rtl" lang="ar">2. أكدت الدول أهمية بناء القدرات.</p>
<p lang="zh">3. 各国强调能力建设的重要性。</p>
<script>document.body.append("SCRIPT RAN")</script>
</body></html>`;

function concordTempFolders(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("concord-pdf-") && !name.startsWith("concord-pdf-test-"));
}

describe("the PDF printer", () => {
  jest.setTimeout(180_000);

  // A temporary folder of this file's own: the other test worker prints PDFs too, and its folders
  // in the shared one come and go while this file counts what the printer leaves behind.
  const sharedTmp = process.env.TMPDIR;
  let ownTmp = "";
  beforeAll(() => {
    ownTmp = fs.mkdtempSync(path.join(os.tmpdir(), "concord-pdf-test-"));
    process.env.TMPDIR = ownTmp;
  });
  afterAll(() => {
    if (sharedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = sharedTmp;
    fs.rmSync(ownTmp, { recursive: true, force: true });
  });

  it("prints an HTML page to an A4 PDF that pdftotext reads back in every script, running none of the page's scripts", async () => {
    const before = concordTempFolders();
    const pdf = await new PdfPrinter().print(PAGE);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(pdfPages(pdf)).toEqual({ size: "A4", pages: 1 });
    const text = pdfText(pdf);
    expect(text).toContain("Pre-draft report");
    expect(text).toContain("1. States recalled the framework of responsible State behaviour.");
    expect(text).toContain("بناء القدرات");
    expect(text).toContain("各国强调能力建设的重要性");
    expect(text).not.toContain("SCRIPT RAN");
    expect(concordTempFolders()).toEqual(before);
  });

  it("queues prints behind one another, and turns a print away when too many wait", async () => {
    const printer = new PdfPrinter({ maxWaiting: 1 });
    const first = printer.print(PAGE);
    const second = printer.print(PAGE.replace("Pre-draft report", "Zero draft"));
    await expect(printer.print(PAGE)).rejects.toMatchObject({ failure: PdfFailure.busy });
    const [one, two] = await Promise.all([first, second]);
    expect(pdfText(one)).toContain("Pre-draft report");
    expect(pdfText(two)).toContain("Zero draft");
  });

  it("stops a print that passes its deadline, and removes its files", async () => {
    const before = concordTempFolders();
    const error = await new PdfPrinter({ timeoutMs: 50 }).print(PAGE).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PdfUnavailableError);
    expect(error).toMatchObject({ failure: PdfFailure.timeout, message: expect.stringMatching(/took longer than/) });
    expect(concordTempFolders()).toEqual(before);
  });

  it("says where it looked for Chromium when there is none", async () => {
    const printer = new PdfPrinter({ chromiumPath: "/nonexistent/chromium" });
    expect(printer.available).toBe(false);
    await expect(printer.print(PAGE)).rejects.toMatchObject({ failure: PdfFailure.missing, message: expect.stringMatching(/\/nonexistent\/chromium/) });
  });

  it("puts the page setup first in the document's head, or in front of a page without one", () => {
    expect(withPrintHead("<html><head><title>x</title></head></html>")).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy"[^>]*><style>@page \{ size: A4;[^<]*<\/style><title>/);
    expect(withPrintHead("<p>x</p>")).toMatch(/^<meta http-equiv="Content-Security-Policy".*<p>x<\/p>$/);
  });
});
