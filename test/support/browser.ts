/**
 * Headless Chromium from Debian, driven by playwright-core. A missing browser fails the test with
 * the install command: browser tests are never skipped.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { wordsIn } from "./uiWords";
import { CHROMIUM_SERVER_FLAGS, defaultChromiumPath } from "../../server/export/pdf/PdfPrinter";
import { onTestEnd } from "./cleanup";

/** Where Debian installs Chromium, as the server's PDF printer finds it; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = defaultChromiumPath();

/** Flags for a headless Chromium on a machine without a sandbox, GPU or outside network: the server's own. */
const CHROMIUM_ARGS = [...CHROMIUM_SERVER_FLAGS];

/** What Chromium logs for a request made while the context is offline or the server is down. */
const LINE_DOWN_ERRORS = ["net::ERR_INTERNET_DISCONNECTED", "net::ERR_CONNECTION_REFUSED"];

/** Screenshots written by the test run. */
export const ARTIFACTS_DIR = path.resolve(__dirname, "..", "artifacts");

/** The editor's blocks, without the "N bis" paragraphs that proposals draw between them. */
export const BLOCK_SELECTOR = ".draft-text > :not(.proposal-added-block)";

/** Launches Chromium for one test; it is closed after the test. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  onTestEnd(() => browser.close());
  return browser;
}

/** Chromium's console line for every 401 answer, which a signed-out page gets by design. */
export const UNAUTHORIZED_ANSWER = /Failed to load resource: the server responded with a status of 401/;

/** How a test page is opened. */
export interface PageOptions {
  /** Sees the page before it opens anything (to watch its sockets, say). */
  prepare?: (page: Page) => void;
  /** Console errors the test expects (a signed-out page's 401s); any other error still fails the test. */
  expectedErrors?: RegExp[];
  /** The browser's language ("ar"), which the page takes as its first UI language; Chromium's own when absent. */
  locale?: string;
}

/**
 * A page in its own browser context, as a separate person on a separate machine would have: pages
 * in one context share a BroadcastChannel and would sync without the server.
 */
export async function openPage(browser: Browser, url: string, { prepare, expectedErrors = [], locale }: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...(locale ? { locale } : {}) });
  // Anything the content security policy blocks is a page error like any other (issue 14, acceptance 4).
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"} at ${event.sourceFile}:${event.lineNumber}`),
    ),
  );
  const page = await context.newPage();
  prepare?.(page);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`${error.message} ${error.stack ?? ""}`.slice(0, 1500)));
  page.on("console", (message) => {
    // A context a test takes offline (or whose server it stops) logs each failed request; that is
    // the browser, not the page.
    if (LINE_DOWN_ERRORS.some((error) => message.text().includes(error))) return;
    if (expectedErrors.some((expected) => expected.test(message.text()))) return;
    if (message.type() === "error" || message.type() === "warning") problems.push(`console: ${message.text()}`.slice(0, 500));
  });
  onTestEnd(() => {
    if (problems.length > 0) throw new Error(`The page threw: ${problems.join("; ")}`);
  });
  await page.goto(url);
  return { context, page };
}

/**
 * Signs in with an invitation in a fresh context, as the invited person would: open the link, press
 * the button, land on the draft.
 */
export async function openSignedIn(browser: Browser, serverUrl: string, invitation: { signInPath: string }, options: PageOptions = {}) {
  const opened = await openPage(browser, `${serverUrl}${invitation.signInPath}`, options);
  await opened.page.locator("#sign-in").click();
  await opened.page.waitForURL(/\/d\/[a-z0-9]+$/);
  return opened;
}

/** Saves a screenshot of the page under test/artifacts. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Waits until the editor has synced: the connection indicator says online and at least `minBlocks` blocks show. */
export async function waitForEditor(page: Page, minBlocks = 1): Promise<void> {
  await page.locator('#connection[data-state="online"]').waitFor({ timeout: 10_000 });
  await page.locator(".draft-text > *").nth(minBlocks - 1).waitFor({ timeout: 10_000 });
}

/** Puts the caret at the end of a block by clicking past the end of its last line (End only reaches the line's end). */
export async function clickAtEnd(block: Locator): Promise<void> {
  const box = await block.boundingBox();
  if (!box) throw new Error("The block is not visible");
  await block.click({ position: { x: box.width - 2, y: box.height - 4 } });
  // ProseMirror reads the selection on selectionchange, which fires asynchronously.
  await block.page().waitForTimeout(50);
}

/** What a reader sees of each block matching `selector`: its text (without remote carets, proposal brackets or status badges), pid and number. */
export function readBlocks(page: Page, selector = BLOCK_SELECTOR): Promise<Array<{ text: string; pid: string | null; num: string | null }>> {
  return page.$$eval(selector, (nodes) =>
    nodes.map((node) => {
      const copy = node.cloneNode(true) as HTMLElement;
      for (const extra of Array.from(copy.querySelectorAll(".ProseMirror-yjs-cursor, .bracket, .status-badge, .section-contributions"))) extra.remove();
      return { text: copy.textContent ?? "", pid: node.getAttribute("data-pid"), num: node.getAttribute("data-num") };
    }),
  );
}

/**
 * Selects `words` (their first occurrence) in block `index` of the editor, as a person dragging
 * over them would; with `collapse` the caret goes to the end of the words instead.
 */
export async function selectWords(page: Page, index: number, words: string, collapse = false): Promise<void> {
  const block = page.locator(BLOCK_SELECTOR).nth(index);
  await block.click({ position: { x: 2, y: 2 } });
  await block.evaluate(
    (element, { words, collapse }) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.parentElement?.closest(".bracket, .status-badge, .ProseMirror-yjs-cursor") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(words);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, collapse ? at + words.length : at);
        range.setEnd(node, at + words.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`No "${words}" in the block`);
    },
    { words, collapse },
  );
  // ProseMirror reads the selection on selectionchange, which fires asynchronously.
  await page.waitForTimeout(50);
}

/** A delegation proposes `replacement` for `words` in block `index`, as a person would: select, type, press Enter. */
export async function proposeReplacement(page: Page, index: number, words: string, replacement: string): Promise<void> {
  await selectWords(page, index, words);
  await page.keyboard.type(replacement);
  await page.locator(".proposal-draft-input").waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".proposal-draft-input").waitFor({ state: "detached" });
}

/** Opens block `index`'s paragraph panel from its gutter badge. */
export async function openParagraphPanel(page: Page, index: number): Promise<Locator> {
  await page.locator(BLOCK_SELECTOR).nth(index).locator(".status-badge").click();
  const panel = page.locator(".paragraph-panel");
  await panel.locator("h2").first().waitFor();
  return panel;
}

/** A delegation objects to block `index` from its paragraph panel, giving `reason`, on a page in the UI language `say` speaks. */
export async function objectTo(page: Page, index: number, reason: string, say: ReturnType<typeof wordsIn> = wordsIn("en")): Promise<void> {
  const panel = await openParagraphPanel(page, index);
  await panel.getByLabel(say("consensus.stanceObject"), { exact: true }).check();
  await panel.getByLabel(say("consensus.reasonLabel")).fill(reason);
  await panel.getByRole("button", { name: say("consensus.saveStance") }).click();
}
