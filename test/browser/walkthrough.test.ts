/**
 * One session of the working group, end to end, in four browser contexts (chair, Cuba, El Salvador
 * and an observer), each signed in by its own link: CUB proposes, SLV co-sponsors and comments,
 * SLV objects and withdraws; the chair clears the bracket, declares a paragraph agreed and runs a
 * silence procedure that ends on the server's (injected) clock. The observer sees every step live
 * and can change nothing. It runs twice: on a normal line, and through a proxy as bad as a
 * delegation's VPN (400 ms round trip, 400 kbit/s each way, for HTTP and sockets alike). The first run writes each role's view to
 * docs/screenshots/ for the README. The second runs in the pseudo-locale (every catalog message
 * accented and lengthened) and, at each step and on every page each role opens, finds no word that
 * bypassed the catalogs (issue 15, acceptance 2).
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import type { Clock } from "../../server/clock";
import { createDemoDraft } from "../../server/demo/createDemoDraft";
import { PSEUDO_LANGUAGE } from "../../client/i18n/uiLanguages";
import { LIVE_TEXT } from "../../shared/appPaths";
import { Role } from "../../shared/roles";
import {
  BLOCK_SELECTOR,
  launchBrowser,
  objectTo,
  openParagraphPanel,
  openSignedIn,
  proposeReplacement,
  readBlocks,
  waitForEditor,
} from "../support/browser";
import { chairToken, invite } from "../support/members";
import { publish } from "../support/revisionRequests";
import { startSlowLine, type LineConditions } from "../support/slowLine";
import { startTestServer } from "../support/testServer";
import { ANY, patternIn, startsIn, wordsIn } from "../support/uiWords";
import { untranslatedWords } from "../support/untranslated";

/** Block 4 of the demo draft is paragraph 4; block 6 is paragraph 5. */
const PARAGRAPH_4 = 4;
const PARAGRAPH_5 = 6;
const HOUR = 3_600_000;
const SCREENSHOTS_DIR = path.resolve(__dirname, "..", "..", "docs", "screenshots");

/** The server's clock, which the test moves forward: real time plus an offset. */
class MovableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** The line of the second run (issue 7, acceptance 3). */
const BAD_LINE: LineConditions = { latencyMs: 400, kilobitsPerSecond: 400 };

function badge(page: Page, block: number) {
  return page.locator(BLOCK_SELECTOR).nth(block).locator(".status-badge");
}

/** A picture of the top of the page (the top bar, the banner and the first paragraphs), for the README. */
async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) });
}

describe.each([
  ["a normal line, in English", null, "en"],
  ["a bad line (400 ms, 400 kbit/s), in the pseudo-locale", BAD_LINE, PSEUDO_LANGUAGE],
] as const)("the walkthrough on %s", (_line, conditions, language) => {
  /** How long a change may take to show on another page. */
  const patience = conditions ? 20_000 : 5_000;
  const say = wordsIn(language);
  const pattern = patternIn(language);
  const paragraph = (label: string) => say("editor.paragraph", { label });
  const paragraphInSentence = (label: string) => say("consensus.paragraphInSentence", { label });

  it("takes a paragraph from proposal to agreement with four people, and the observer follows every step", async () => {
    const clock = new MovableClock();
    const server = await startTestServer({ clock });
    const draft = await createDemoDraft(server.drafts);
    const browser: Browser = await launchBrowser();
    // Every byte of every page, sockets included, goes through the bad line.
    const url = conditions ? await startSlowLine(server.url, conditions) : server.url;
    const signIn = async (role: Role, state?: string) => {
      const { page } = await openSignedIn(browser, url, await invite(server, draft.id, role, state), { prepare: startsIn(language) });
      page.setDefaultTimeout(patience);
      await page.locator('#connection[data-state="online"]').waitFor({ timeout: patience * 2 });
      await waitForEditor(page, 10);
      return page;
    };
    const chair = await signIn(Role.chair);
    const cuba = await signIn(Role.delegation, "CUB");
    const salvador = await signIn(Role.delegation, "SLV");
    const observer = await signIn(Role.observer);
    const everyone = [chair, cuba, salvador, observer];
    const original = (await readBlocks(observer))[PARAGRAPH_4]!.text;
    // What the pages may show in plain words: the data (names, codes, the draft's title, symbol and
    // revision, what people typed), never a word of the interface.
    const meta = await observer.evaluate(() => [".draft-title-text", ".draft-symbol", ".draft-revision"].map((selector) => document.querySelector(selector)?.textContent ?? ""));
    const data = ["Concord", "chair", "observer", "CUB", "SLV", ...meta, "We support adding resilience.", "The paragraph singles out military capabilities.", "open, secure, stable and resilient"];
    /** In the pseudo-locale, every page shows only catalog words and data. */
    const expectAllTranslated = async (pages: Page[], step: string) => {
      if (language !== PSEUDO_LANGUAGE) return;
      for (const page of pages) expect({ step, untranslated: await untranslatedWords(page, data) }).toEqual({ step, untranslated: [] });
    };
    await expectAllTranslated(everyone, "signed in");

    // CUB proposes; every page, the observer's included, draws the bracket.
    await proposeReplacement(cuba, PARAGRAPH_4, "open, secure, stable", "open, secure, stable and resilient");
    for (const page of everyone) await page.locator(".draft-text .proposal .sponsors", { hasText: "CUB" }).waitFor();
    await expectAllTranslated(everyone, "CUB proposed");

    // SLV co-sponsors from the proposal list and comments in the paragraph panel.
    await salvador.locator(".proposal-list li", { hasText: "open, secure, stable and resilient" }).getByRole("button", { name: say("proposals.cosponsor") }).click();
    for (const page of everyone) await page.locator(".proposal-list li", { hasText: "open, secure, stable and resilient" }).filter({ hasText: "SLV" }).first().waitFor();
    const slvPanel = await openParagraphPanel(salvador, PARAGRAPH_4);
    await slvPanel.getByLabel(say("consensus.commentOn", { paragraph: paragraph("4") })).fill("We support adding resilience.");
    await slvPanel.getByRole("button", { name: say("consensus.comment"), exact: true }).click();
    const chairPanel = await openParagraphPanel(chair, PARAGRAPH_4);
    await chairPanel.locator(".threads", { hasText: "We support adding resilience." }).filter({ hasText: "SLV" }).waitFor();
    await expectAllTranslated([chair, salvador], "the paragraph panel, with a comment");

    // SLV objects to paragraph 5, then withdraws the objection.
    await objectTo(salvador, PARAGRAPH_5, "The paragraph singles out military capabilities.", say);
    for (const page of everyone) await badge(page, PARAGRAPH_5).filter({ hasText: say("consensus.objectedBy", { states: "SLV" }) }).waitFor();
    await expectAllTranslated(everyone, "SLV objected");
    await screenshot(cuba, "delegation-cub");
    const slvOn5 = await openParagraphPanel(salvador, PARAGRAPH_5);
    await slvOn5.getByLabel(say("consensus.stanceNone"), { exact: true }).check();
    await slvOn5.getByRole("button", { name: say("consensus.saveStance") }).click();
    for (const page of everyone) await badge(page, PARAGRAPH_5).filter({ hasText: new RegExp(`^${pattern("consensus.open").source}$`) }).waitFor();

    // The chair clears the bracket from the clearing queue: the words are in the text everywhere.
    await chair.locator(".clearing-queue li", { hasText: "open, secure, stable and resilient" }).getByRole("button", { name: say("proposals.accept") }).click();
    for (const page of everyone) {
      await page.locator(BLOCK_SELECTOR).nth(PARAGRAPH_4).filter({ hasText: "open, secure, stable and resilient" }).waitFor();
      await page.locator(".draft-text .proposal").first().waitFor({ state: "detached" });
    }

    // The chair declares paragraph 5 agreed ad referendum.
    const chairOn5 = await openParagraphPanel(chair, PARAGRAPH_5);
    await chairOn5.getByRole("button", { name: say("consensus.declareAgreed") }).click();
    for (const page of everyone) await badge(page, PARAGRAPH_5).filter({ hasText: say("consensus.agreed") }).waitFor();
    await expectAllTranslated(everyone, "paragraph 5 agreed");

    // A silence procedure on paragraph 4, at the least notice; it ends on the server's clock.
    const chairOn4 = await openParagraphPanel(chair, PARAGRAPH_4);
    await chairOn4.getByRole("button", { name: say("consensus.startSilence") }).click();
    for (const page of everyone) {
      await page.locator(".silence-banner", { hasText: pattern("consensus.silenceRunning", { which: paragraphInSentence("4"), deadline: ANY, left: ANY }) }).waitFor();
      await badge(page, PARAGRAPH_4).filter({ hasText: say("consensus.underSilence") }).waitFor();
    }
    await expectAllTranslated(everyone, "under silence");
    await screenshot(salvador, "delegation-slv");
    clock.advance(73 * HOUR);
    expect(await server.silence.settleDue()).toBe(1);
    for (const page of everyone) {
      await page.locator(".silence-banner", { hasText: pattern("consensus.silenceSettled", { which: paragraphInSentence("4"), time: ANY, adopted: paragraphInSentence("4") }) }).waitFor();
      await badge(page, PARAGRAPH_4).filter({ hasText: say("consensus.agreed") }).waitFor();
    }
    await expectAllTranslated(everyone, "silence settled");
    if (!conditions) {
      await screenshot(chair, "chair");
      await screenshot(observer, "observer");
    }

    // The observer changed nothing and has nothing to change with.
    const before = await readBlocks(observer);
    await observer.locator(BLOCK_SELECTOR).nth(PARAGRAPH_4).click();
    await observer.keyboard.type("observer words");
    await observer.keyboard.press("Enter");
    await observer.waitForTimeout(300);
    expect(await readBlocks(observer)).toEqual(before);
    expect((await readBlocks(chair)).map((block) => block.text)).toEqual(before.map((block) => block.text));
    expect(before[PARAGRAPH_4]!.text).toBe(original.replace("open, secure, stable", "open, secure, stable and resilient"));
    // Reading a paragraph's history is all an observer's buttons in the text may do.
    const reading = ":not(.history-toggle):not(.history-more)";
    expect(await observer.locator(`main button${reading}, main input, main textarea, main [contenteditable=true]`).count()).toBe(0);
    expect(await observer.locator("main .history-toggle").count()).toBeGreaterThan(0);

    // The other pages each role opens: a paragraph's history, the chair's audit log, and the drafts
    // page. The history and the audit quote the draft's words as they were and are: data.
    if (language === PSEUDO_LANGUAGE) {
      data.push(original, ...before.map((block) => block.text));
      const history = await openParagraphPanel(observer, PARAGRAPH_4);
      await history.locator(".history-toggle").click();
      await history.locator(".history-events li").first().waitFor();
      await expectAllTranslated([observer], "a paragraph's history");
      await chair.locator(".audit-link").click();
      await chair.locator(".audit-entries li").first().waitFor();
      await expectAllTranslated([chair], "the audit log");
      for (const page of everyone) {
        await page.goto(`${url}/`);
        await page.locator("ul.drafts li").first().waitFor();
        await expectAllTranslated([page], "the drafts page");
      }
      // A published revision read-only, the redline against the live text, and the publish form.
      const revision = await publish(server, draft.id, await chairToken(server, draft.id), { label: "Rev.1", note: "Issued after the informal round." });
      data.push("Rev.1", "Issued after the informal round.");
      await cuba.goto(`${url}/d/${draft.id}?revision=${revision.id}`);
      await cuba.locator(".revision-view .draft-text > *").nth(5).waitFor();
      await expectAllTranslated([cuba], "a revision, read-only");
      await chair.goto(`${url}/d/${draft.id}`);
      await chair.locator(".revisions-toggle").click();
      // The menu lists the revisions once it has read them.
      await chair.locator(`.revision-picker option[value="${revision.id}"]`).waitFor({ state: "attached" });
      await chair.locator(".redline-link").click();
      await chair.locator(".redline-view .redline-choice").waitFor();
      await expectAllTranslated([chair], "the redline's choice");
      // Rev.1 against the live text.
      await chair.locator(".redline-view .redline-from").selectOption(revision.id);
      await chair.locator(".redline-view .redline-to").selectOption(LIVE_TEXT);
      await chair.locator(".redline-view .redline-choice button[type=submit]").click();
      await chair.locator(".redline-view .redline-blocks").waitFor({ state: "attached" });
      await expectAllTranslated([chair], "the redline");
      await chair.locator(".revisions-toggle").click();
      await chair.locator(".publish-link").click();
      await chair.locator(".publish-revision").waitFor();
      await expectAllTranslated([chair], "the publish form");
    }
  }, 300_000);
});
