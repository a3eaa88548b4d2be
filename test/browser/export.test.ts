/**
 * Documents out, in Chromium: the browser's own print of the editor shows the document alone (A4,
 * numbers, brackets, footnotes at the end, none of the app), written to docs/screenshots/ as the
 * print preview (issue 12, acceptance 3); the Export menu offers each reader the views they may
 * have, works by keyboard, says it is preparing the file, downloads it, and says why when it cannot.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { ProposalKind } from "../../schemas/records";
import { TextRoot } from "../../shared/documentLayout";
import { propose } from "../../shared/proposals/proposeChange";
import { Role } from "../../shared/roles";
import { textBlocks } from "../../shared/text/blockText";
import { createDemoDraft } from "../../server/demo/createDemoDraft";
import { PdfPrinter } from "../../server/export/pdf/PdfPrinter";
import { BLOCK_SELECTOR, launchBrowser, openSignedIn, waitForEditor } from "../support/browser";
import { openDemo } from "../support/demo";
import { invite } from "../support/members";
import { connectStockClient } from "../support/stockClient";
import { wordsIn } from "../support/uiWords";
import { startTestServer } from "../support/testServer";

const SCREENSHOTS_DIR = path.resolve(__dirname, "..", "..", "docs", "screenshots");

/** A4's width at 96 dpi, less 2 × 2.2 cm of margins: the print preview's line length. */
const A4_TEXT_WIDTH = 628;

/** Whether the element matching `selector` takes up any room on the page. */
function shown(page: Page, selector: string): Promise<boolean> {
  return page.$$eval(selector, (nodes) => nodes.some((node) => (node as HTMLElement).getClientRects().length > 0));
}

describe("documents out in the browser", () => {
  jest.setTimeout(90_000);

  it("prints the editor as the document alone: numbered, bracketed, footnotes at the end, none of the app", async () => {
    const { server, draft, member } = await openDemo();
    const cuba = await connectStockClient(server, draft.id, { token: (await invite(server, draft.id, Role.delegation, "CUB")).token });
    const fourth = textBlocks(cuba.doc.getXmlFragment(TextRoot.content))[4]!;
    const at = fourth.text.indexOf("open, secure, stable");
    propose(cuba.doc, "CUB", { kind: ProposalKind.replace, pid: fourth.pid!, from: at, to: at + "open, secure, stable".length, text: "open, secure, stable and resilient" });
    const chair = await member(Role.chair);
    await chair.locator(".draft-text .proposal .sponsors", { hasText: "CUB" }).waitFor();
    const markers = await chair.locator(".draft-text sup.footnote").count();
    expect(markers).toBeGreaterThan(0);

    await chair.setViewportSize({ width: A4_TEXT_WIDTH, height: 900 });
    await chair.emulateMedia({ media: "print" });
    for (const chrome of [".brand", "#sign-out", "#connection", "#presence", "#me", ".export-menu", ".proposal-toolbar", ".paragraph-panel", ".proposal-list", ".draft-text .status-badge"]) {
      expect({ chrome, shown: await shown(chair, chrome) }).toEqual({ chrome, shown: false });
    }
    expect(await chair.locator(".topbar .draft-title").innerText()).toContain("Pre-draft report of the Open-ended Working Group");
    const text = await chair.locator("body").innerText();
    for (const words of ["Sign out", "Online", "Export", "Proposals"]) expect({ words, found: text.includes(words) }).toEqual({ words, found: false });
    // Numbers stay in the margin, brackets in the text.
    const number = await chair.locator(BLOCK_SELECTOR).nth(4).evaluate((node) => getComputedStyle(node, "::before").content);
    expect(number).toBe('"4."');
    expect(await shown(chair, ".draft-text .proposal")).toBe(true);
    // Footnotes at the end of the document, after the last paragraph, as many as the markers.
    const footnotes = chair.locator(".print-footnotes li");
    await footnotes.first().waitFor();
    expect(await footnotes.count()).toBe(markers);
    const [lastBlock, notes] = await Promise.all([chair.locator(".draft-text > *").last().boundingBox(), chair.locator(".print-footnotes").boundingBox()]);
    expect(notes!.y).toBeGreaterThan(lastBlock!.y);

    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await chair.evaluate(() => window.scrollTo(0, 0));
    await chair.screenshot({ path: path.join(SCREENSHOTS_DIR, "print-preview.png") });
    await chair.emulateMedia({ media: "screen" });
    expect(await shown(chair, ".print-footnotes")).toBe(false);
    expect(await shown(chair, "#sign-out")).toBe(true);
  });

  it("offers an observer the clean text only where the floor is closed, by keyboard, and downloads it after saying it is preparing it", async () => {
    const { member, draft } = await openDemo();
    const observer = await member(Role.observer);
    const toggle = observer.getByRole("button", { name: "Export" });
    await toggle.focus();
    await observer.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const views = observer.getByLabel("Text");
    expect(await views.locator("option").allTextContents()).toEqual(["Chair's clean text"]);
    const files = observer.getByLabel("File");
    expect(await files.locator("option").allTextContents()).toEqual(["Word", "PDF", "Web page (HTML)", "Markdown", "Plain text", "Akoma Ntoso XML", "Concord JSON"]);
    await files.selectOption({ label: "Markdown" });

    // The answer is held back, so that the page's progress shows.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await observer.route("**/export?**", async (route) => {
      await held;
      await route.continue();
    });
    const downloading = observer.waitForEvent("download");
    await observer.getByRole("button", { name: "Download" }).click();
    await observer.locator(".export-status", { hasText: "Preparing the Markdown file…" }).waitFor();
    expect(await observer.locator(".export-menu").getAttribute("aria-busy")).toBe("true");
    release();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${draft.id}-clean.md`);
    const file = await download.path();
    expect(fs.readFileSync(file, "utf8")).toContain("The Open-ended Working Group was convened");
    await observer.locator(".export-status", { hasText: `Downloaded ${draft.id}-clean.md.` }).waitFor();

    await observer.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await toggle.evaluate((node) => node === document.activeElement)).toBe(true);
  });

  it("offers a delegation every view on the drafts and editor pages, and says beside the menu why a file could not be made", async () => {
    const server = await startTestServer({ pdfPrinter: new PdfPrinter({ chromiumPath: "/nonexistent/chromium" }) });
    const draft = await createDemoDraft(server.drafts);
    const browser = await launchBrowser();
    const { page: cuba } = await openSignedIn(browser, server.url, await invite(server, draft.id, Role.delegation, "CUB"), { expectedErrors: [/status of 503/] });
    await waitForEditor(cuba, 10);
    await cuba.getByRole("button", { name: "Export" }).click();
    expect(await cuba.getByLabel("Text").locator("option").allTextContents()).toEqual(["Bracketed text (proposals by state)", "Chair's clean text", "Compilation of proposals"]);
    await cuba.getByLabel("File").selectOption({ label: "PDF" });
    await cuba.getByRole("button", { name: "Download" }).click();
    const status = cuba.locator(".export-status[data-failed='true']");
    await status.waitFor();
    // The server's refusal by its id, in the page's language; the path it names stays in the English message for scripts.
    expect(await status.textContent()).toContain(wordsIn("en")("server.refusal.pdf-missing"));
    expect(await cuba.getByRole("button", { name: "Download" }).getAttribute("aria-disabled")).toBeNull();

    await cuba.goto(`${server.url}/`);
    const entry = cuba.locator(".draft-entry", { hasText: draft.title });
    await entry.getByRole("button", { name: "Export" }).click();
    expect(await entry.getByLabel("Text").locator("option").count()).toBe(3);
    const downloading = cuba.waitForEvent("download");
    await entry.getByLabel("File").selectOption({ label: "Plain text" });
    await entry.getByRole("button", { name: "Download" }).click();
    expect((await downloading).suggestedFilename()).toBe(`${draft.id}-bracketed.txt`);
  });
});
