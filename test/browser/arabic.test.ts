/**
 * The page in Arabic (issue 15, acceptance 3): a browser whose language is Arabic gets the page in
 * Arabic, `<html lang="ar" dir="rtl">`; an Arabic draft's text runs right to left with its gutter
 * (numbers, status badges) on the right, and a paragraph that begins with CUB's bracket stays right
 * to left with the bracket at its right edge; axe-core finds no serious or critical violation,
 * `valid-lang` included. The draft's language is not the page's: an English draft on the Arabic
 * page keeps its text left to right, gutter on the left, while the page around it mirrors; a
 * Spanish draft on a French page is marked Spanish; an Arabic draft on an English page stays right
 * to left, its badges in English.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import type * as Y from "yjs";
import { ProposalKind } from "../../schemas/records";
import type { ConcordServer } from "../../server/ConcordServer";
import { propose } from "../../shared/proposals/proposeChange";
import { Role } from "../../shared/roles";
import { seriousViolations } from "../support/axe";
import { BLOCK_SELECTOR, launchBrowser, openSignedIn, waitForEditor } from "../support/browser";
import { doc, p } from "../support/dsl";
import { invite } from "../support/members";
import { startTestServer } from "../support/testServer";
import { pidAt, wordSpan } from "../support/yDraft";

/** Where the screenshot of the Arabic page goes, beside the walkthrough's. */
const SCREENSHOT = path.resolve(__dirname, "..", "..", "docs", "screenshots", "arabic.png");

const ARABIC = {
  title: "مشروع التقرير المرحلي للفريق العامل المفتوح العضوية",
  first: "يرحب الفريق العامل بالتقدم المحرز في تعزيز أمن تكنولوجيا المعلومات والاتصالات وفي استخدامها.",
  second: "ويشدد الفريق على أهمية التعاون الدولي وبناء القدرات من أجل بيئة مفتوحة وآمنة ومستقرة.",
  proposed: "إذ يشير إلى ولايته، ",
};

const SPANISH = {
  title: "Proyecto de informe del Grupo de Trabajo de Composición Abierta",
  first: "El Grupo acogió con beneplácito los progresos realizados en la seguridad de las tecnologías de la información.",
  second: "El Grupo subrayó la importancia de la cooperación internacional y la creación de capacidad.",
  proposed: "Recordando su mandato, ",
};

const ENGLISH = {
  title: "Pre-draft report of the Open-ended Working Group",
  first: "The Group welcomed the progress made in securing information and communications technologies.",
  second: "The Group stressed the importance of international cooperation and capacity-building.",
  proposed: "Recalling its mandate, ",
};

/**
 * A draft in `language` of two paragraphs: the first begins with CUB's insertion (a bracket at its
 * start), the second has SLV's replacement of its words "the importance" or their Arabic.
 */
async function createDraft(server: ConcordServer, language: string, words: typeof ARABIC, replaced: string): Promise<string> {
  const writeRecords = (ydoc: Y.Doc) => {
    propose(ydoc, "CUB", { kind: ProposalKind.insert, pid: pidAt(ydoc, 0), at: 0, text: words.proposed });
    propose(ydoc, "SLV", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(words.second, replaced), text: `${replaced}!` });
  };
  const draft = await server.drafts.create({ title: words.title, language, symbol: "A/AC.292/2025/CRP.1", doc: doc(p(words.first), p(words.second)), writeRecords });
  return draft.id;
}

/** The chair's page of draft `draftId`, in a browser whose language is `locale` (Arabic unless told). */
async function openInLanguage(browser: Browser, server: ConcordServer, draftId: string, locale = "ar"): Promise<Page> {
  const { page } = await openSignedIn(browser, server.url, await invite(server, draftId, Role.chair), { locale });
  await waitForEditor(page, 2);
  await page.locator(".draft-text .bracket").first().waitFor();
  await page.locator(".draft-text .status-badge").first().waitFor();
  return page;
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number; right: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error("Not visible");
  return { ...found, right: found.x + found.width };
}

/** The page's and the text's language and direction, and the first paragraph's computed direction. */
function directions(page: Page) {
  return page.evaluate((selector) => {
    const text = document.querySelector<HTMLElement>(".draft-text")!;
    const paragraph = document.querySelector<HTMLElement>(selector)!;
    return {
      page: { lang: document.documentElement.lang, dir: document.documentElement.dir },
      text: { lang: text.lang, dir: text.dir },
      paragraph: getComputedStyle(paragraph).direction,
      title: document.querySelector<HTMLElement>(".draft-title-text")!.lang,
    };
  }, BLOCK_SELECTOR);
}

/** The elements axe-core's valid-lang rule passed and failed (it checks every `lang` below `<html>`). */
function validLangResults(page: Page): Promise<{ passes: number; violations: number }> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ passes: Array<{ nodes: unknown[] }>; violations: Array<{ nodes: unknown[] }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "rule", values: ["valid-lang", "html-lang-valid"] } });
    const count = (found: Array<{ nodes: unknown[] }>) => found.reduce((sum, rule) => sum + rule.nodes.length, 0);
    return { passes: count(result.passes), violations: count(result.violations) };
  });
}

describe("the page in Arabic, and the draft in its own language", () => {
  let server: ConcordServer;
  let browser: Browser;

  beforeEach(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  it("lays an Arabic draft out right to left: gutter on the right, CUB's bracket at the right edge of its paragraph, no serious violation", async () => {
    const page = await openInLanguage(browser, server, await createDraft(server, "ar", ARABIC, "أهمية"));
    expect(await directions(page)).toEqual({ page: { lang: "ar", dir: "rtl" }, text: { lang: "ar", dir: "rtl" }, paragraph: "rtl", title: "ar" });

    const first = page.locator(BLOCK_SELECTOR).first();
    const paragraph = await box(first);
    const text = await box(page.locator(".draft-text"));
    // The gutter is the text's start padding: on the right, the badge in it, nothing on the left.
    const badge = await box(first.locator(".status-badge"));
    expect(badge.x).toBeGreaterThanOrEqual(paragraph.right - 1);
    expect(text.right - paragraph.right).toBeGreaterThan(30);
    expect(Math.abs(paragraph.x - text.x)).toBeLessThan(2);
    // CUB's bracket opens the paragraph at its right edge, its state code isolated.
    const bracket = await box(first.locator(".bracket").first());
    expect(Math.abs(bracket.right - paragraph.right)).toBeLessThan(2);
    expect(bracket.y - paragraph.y).toBeLessThan(4);
    expect(await first.locator(".bracket bdi .sponsors").first().textContent()).toContain("CUB");
    // Read from the right: the bracket, CUB, then its words; the Latin code reorders nothing.
    const sponsors = await box(first.locator(".bracket .sponsors").first());
    const proposed = await box(first.locator(".bracket ins").first());
    expect(sponsors.right).toBeLessThanOrEqual(bracket.right);
    expect(sponsors.x).toBeGreaterThan(proposed.right);
    // SLV's alternative follows the struck words by an arrow pointing the way the text reads.
    const arrow = await page.locator(".draft-text .bracket-arrow").first().evaluate((element) => getComputedStyle(element, "::before").content);
    expect(arrow).toBe('"←"');

    expect(await seriousViolations(page)).toEqual([]);
    // valid-lang checked the draft's own lang attributes (its text and title), not only <html>'s.
    const languages = await validLangResults(page);
    expect(languages.violations).toBe(0);
    expect(languages.passes).toBeGreaterThanOrEqual(3);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
  });

  it("keeps an English draft left to right on the Arabic page, whose panels mirror around it", async () => {
    const page = await openInLanguage(browser, server, await createDraft(server, "en", ENGLISH, "the importance"));
    expect(await directions(page)).toEqual({ page: { lang: "ar", dir: "rtl" }, text: { lang: "en", dir: "ltr" }, paragraph: "ltr", title: "en" });

    const first = page.locator(BLOCK_SELECTOR).first();
    const paragraph = await box(first);
    const badge = await box(first.locator(".status-badge"));
    expect(badge.right).toBeLessThanOrEqual(paragraph.x + 1);
    const bracket = await box(first.locator(".bracket").first());
    expect(Math.abs(bracket.x - paragraph.x)).toBeLessThan(2);
    const arrow = await page.locator(".draft-text .bracket-arrow").first().evaluate((element) => getComputedStyle(element, "::before").content);
    expect(arrow).toBe('"→"');
    // The page mirrors: the paragraph panel stands to the left of the text.
    expect((await box(page.locator(".paragraph-panel"))).right).toBeLessThanOrEqual((await box(page.locator("article.draft"))).x + 1);

    expect(await seriousViolations(page)).toEqual([]);
  });

  it("gives a Spanish draft its own language on a French page", async () => {
    const page = await openInLanguage(browser, server, await createDraft(server, "es", SPANISH, "la importancia"), "fr");
    expect(await directions(page)).toEqual({ page: { lang: "fr", dir: "ltr" }, text: { lang: "es", dir: "ltr" }, paragraph: "ltr", title: "es" });
  });

  it("keeps an Arabic draft right to left on an English page, gutter on the right, its badges in English", async () => {
    const page = await openInLanguage(browser, server, await createDraft(server, "ar", ARABIC, "أهمية"), "en");
    expect(await directions(page)).toEqual({ page: { lang: "en", dir: "ltr" }, text: { lang: "ar", dir: "rtl" }, paragraph: "rtl", title: "ar" });
    const first = page.locator(BLOCK_SELECTOR).first();
    const paragraph = await box(first);
    const badge = first.locator(".status-badge");
    expect((await box(badge)).x).toBeGreaterThanOrEqual(paragraph.right - 1);
    expect(await badge.getAttribute("lang")).toBe("en");
    expect(Math.abs((await box(first.locator(".bracket").first())).right - paragraph.right)).toBeLessThan(2);
  });
});
