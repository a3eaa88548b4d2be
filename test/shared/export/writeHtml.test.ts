/**
 * The HTML export: one self-contained file that asks nothing of the network, laid out for A4, in
 * the draft's language and direction, with brackets, struck deletions, "bis" paragraphs and the
 * notes at the end — and nothing anyone typed becomes markup.
 */
import { ProposalKind } from "../../../schemas/records";
import { MetaKey, TextRoot } from "../../../shared/documentLayout";
import { ExportView } from "../../../shared/export/exportModel";
import { readExportDraft } from "../../../shared/export/readExportDraft";
import { writeHtml } from "../../../shared/export/writeHtml";
import { propose } from "../../../shared/proposals/proposeChange";
import { doc, fn, p } from "../../support/dsl";
import { walkthroughDraft } from "../../support/walkthroughDraft";
import { pidAt, yDraft } from "../../support/yDraft";

const AT = "2025-03-04T09:00:00.000Z";
const html = (view: ExportView) => {
  const { text, floor } = walkthroughDraft();
  return writeHtml(readExportDraft(text, floor, { draftId: "demo", view, exportedAt: AT }));
};
const visible = (markup: string) => markup.replace(/<[^>]+>/g, "");

describe("the HTML export", () => {
  it("is one file that requests nothing: no scripts, links, images, fonts or imports", () => {
    for (const view of Object.values(ExportView)) {
      const page = html(view);
      expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en" dir="ltr">/);
      expect(page).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|@import|https?:\/\//i);
      expect(page).toContain("@page { size: A4;");
    }
  });

  it("draws brackets with sponsors and alternatives, struck deletions, the bis paragraph and reservations as notes", () => {
    const page = html(ExportView.bracketed);
    expect(visible(page)).toContain("[Alt 1 CUB, SLV: open, secure, stable open, secure, stable and resilient] [Alt 2 UZB: open, secure, stable open, secure and stable]");
    expect(page).toContain("<del>open, secure, stable</del> <ins>open, secure, stable and resilient</ins>");
    expect(page).toMatch(/<p class="para added"><span class="num">4 bis\. <\/span><span class="bracket"[^>]*>\[<span class="who"><bdi class="state">UZB<\/bdi><\/span>: <ins>States stressed/);
    expect(page).toMatch(/<span class="num">7\. <\/span><span class="bracket"[^>]*>\[<span class="who"><bdi class="state">CUB<\/bdi><\/span>: <del>Several States/);
    expect(page).toMatch(/<li id="note-\d+" value="\d+">UZB reserves its position on this paragraph: Pending instructions from capital\./);
    expect(page).toContain("We support adding resilience.");
    const clean = html(ExportView.clean);
    expect(clean).not.toContain('class="bracket"');
    expect(clean).not.toContain("We support adding resilience.");
  });

  it("numbers the notes in the order they appear, footnotes and reservations alike, at the end", () => {
    const page = html(ExportView.clean);
    const refs = [...page.matchAll(/<sup class="note-ref"><a href="#note-(\d+)"/g)].map((match) => Number(match[1]));
    expect(refs).toEqual(refs.map((_, index) => index + 1));
    expect(refs.length).toBeGreaterThanOrEqual(2);
    expect(page.indexOf('<section class="notes">')).toBeGreaterThan(page.indexOf("</main>"));
  });

  it("lays out an Arabic draft right to left", () => {
    const ydoc = yDraft(doc(p("يؤكد الفريق", fn("انظر المرفق."))));
    ydoc.getMap(TextRoot.meta).set(MetaKey.language, "ar");
    propose(ydoc, "CUB", { kind: ProposalKind.insert, pid: pidAt(ydoc, 0), at: 0, text: "كما " }, new Date(Date.UTC(2025, 0, 1)));
    const page = writeHtml(readExportDraft(ydoc, null, { draftId: "d", view: ExportView.bracketed, exportedAt: AT }));
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('<bdi class="state">CUB</bdi>');
    expect(page).toContain('aria-label="Back to the text">↪</a>');
  });

  it("escapes everything people typed, in text and attributes", () => {
    const hostile = `<script>alert(1)</script> & "quoted" 'single' <img src=x onerror=alert(1)>\u0001`;
    const ydoc = yDraft(doc(p(hostile, fn(hostile))));
    ydoc.getMap(TextRoot.meta).set(MetaKey.title, hostile);
    ydoc.getMap(TextRoot.meta).set(MetaKey.language, `en" onload="alert(1)`);
    propose(ydoc, "CUB", { kind: ProposalKind.insert, pid: pidAt(ydoc, 0), at: 0, text: hostile }, new Date(Date.UTC(2025, 0, 1)));
    const page = writeHtml(readExportDraft(ydoc, null, { draftId: "d", view: ExportView.bracketed, exportedAt: AT }));
    expect(page).not.toMatch(/<script|<img|" onload=|\u0001/);
    expect(page).toContain(`<span class="num">1. </span><span class="bracket"`);
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;");
  });
});
