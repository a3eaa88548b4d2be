/**
 * Acceptance 1 of issue 13, in Chromium: the chair publishes Rev.1 from the page; CUB's new
 * paragraph after paragraph 3 is accepted and reads "3 bis", so the live text reads 1, 2, 3, 3 bis,
 * 4… and SLV's objection made on paragraph 4 stays on 4; the chair publishes Rev.2, which numbers
 * 1…N+1, and the redline Rev.1 → Rev.2 shows the new paragraph 4 (was 3 bis) inserted and "4 → 5".
 * A delegation and an observer open Rev.1 read-only from the picker (the observer from the drafts
 * page too) and find its text with nothing to edit it with. axe-core finds no serious WCAG 2.1 AA
 * violation in the publish form, a revision read-only or the redline.
 */
import type { Page } from "playwright-core";
import { formatCalendarDay } from "../../client/i18n/formatDates";
import { localDay } from "../../client/revisions/suggestNextRevision";
import { Role } from "../../shared/roles";
import { seriousViolations } from "../support/axe";
import { BLOCK_SELECTOR, objectTo, openParagraphPanel, readBlocks, saveScreenshot, selectWords } from "../support/browser";
import { openDemo } from "../support/demo";
import { waitFor } from "../support/waitFor";

/** Blocks 3 and 4 of the demo draft are paragraphs 3 and 4 (block 0 is heading A). */
const PARAGRAPH_3 = 3;
const PARAGRAPH_4 = 4;
const NEW_PARAGRAPH = "States recalled the importance of capacity-building for developing countries.";
const OBJECTION = "The paragraph should name the digital divide first.";

/** The numbers of the numbered paragraphs (not sub-items) `selector`'s blocks print, without the final stop. */
async function paragraphNumbers(page: Page, selector = BLOCK_SELECTOR): Promise<string[]> {
  return (await readBlocks(page, selector)).flatMap((block) => (block.num && /^\d/.test(block.num) ? [block.num.replace(/\.$/, "")] : []));
}

/** 1, 2, … n. */
function oneTo(n: number): string[] {
  return Array.from({ length: n }, (_, index) => String(index + 1));
}

/** Opens the Revisions menu of the top bar, unless it is open. */
async function openMenu(page: Page): Promise<void> {
  const toggle = page.getByRole("button", { name: "Revisions", exact: true });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

/** The chair publishes the revision the form offers, checking it offers `label`. */
async function publish(chair: Page, label: string): Promise<void> {
  await openMenu(chair);
  const publishButton = chair.getByRole("button", { name: "Publish a revision" });
  if ((await publishButton.getAttribute("aria-expanded")) !== "true") await publishButton.click();
  const form = chair.locator(".publish-revision");
  expect(await form.getByLabel("Label", { exact: true }).inputValue()).toBe(label);
  expect(await form.getByLabel("Date it bears").inputValue()).toBe(localDay(new Date()));
  await form.getByRole("button", { name: "Publish…" }).click();
  await form.locator(".publish-confirm", { hasText: "It cannot be changed or deleted afterwards." }).waitFor();
  await saveScreenshot(chair, `revisions-publish-${label}`);
  expect(await seriousViolations(chair)).toEqual([]);
  await form.getByRole("button", { name: `Publish ${label}`, exact: true }).click();
  await form.locator(".publish-status", { hasText: `${label} is published.` }).waitFor({ timeout: 10_000 });
  await chair.keyboard.press("Escape");
}

/** A member opens `title` from the Revisions menu; the revision's view shows its text. */
async function openRevision(page: Page, title: string): Promise<void> {
  await openMenu(page);
  await page.getByLabel("Revision to read").selectOption({ label: title });
  await page.locator(".revisions-panel").getByRole("button", { name: "Show" }).click();
  await page.locator(".revision-view .draft-text > *").nth(10).waitFor({ timeout: 10_000 });
}

/** What a member sees of an open revision, and what they could edit it with. */
async function revisionShown(page: Page) {
  const view = page.locator(".revision-view");
  return {
    banner: await view.locator(".revision-banner h2").textContent(),
    editable: await view.locator(".draft-text").getAttribute("contenteditable"),
    controls: await view.locator("input, textarea, [contenteditable=true], .stance-form, .proposal-toolbar, .declare-agreed").count(),
    liveHidden: await page.locator(".draft:not(.revision-text)").isHidden(),
  };
}

describe("revisions in the browser", () => {
  it("keeps numbers through the round, renumbers at Rev.2 and shows the redline; members read Rev.1 read-only", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const cuba = await member(Role.delegation, "CUB");
    const salvador = await member(Role.delegation, "SLV");
    const observer = await member(Role.observer);
    const today = formatCalendarDay(localDay(new Date()));
    const rev1Title = `Rev.1 of ${today}`;

    // SLV objects to paragraph 4 as it is numbered now.
    await objectTo(salvador, PARAGRAPH_4, OBJECTION);
    await chair.locator(BLOCK_SELECTOR).nth(PARAGRAPH_4).locator(".status-badge", { hasText: "Objected: SLV" }).waitFor();
    const before = await paragraphNumbers(chair);
    const n = before.length;
    expect(before).toEqual(oneTo(n));
    const rev1Text = (await readBlocks(chair)).map((block) => block.text);

    // The chair publishes Rev.1 from the page: the form offers Rev.1 after the Pre-draft.
    await publish(chair, "Rev.1");
    for (const page of [cuba, observer]) await waitFor(() => page.locator(".revision-picker option").allTextContents(), (names) => names.includes(rev1Title), { what: "Rev.1 in every picker" });

    // CUB proposes a new paragraph after paragraph 3; the chair accepts it from the clearing queue.
    await selectWords(cuba, PARAGRAPH_3, "guide further work", true);
    await cuba.keyboard.press("Control+Shift+Enter");
    await cuba.locator(".proposal-draft-input").waitFor();
    await cuba.keyboard.type(NEW_PARAGRAPH);
    await cuba.keyboard.press("Enter");
    await chair.locator(".clearing-queue li", { hasText: NEW_PARAGRAPH }).getByRole("button", { name: "Accept" }).click();

    // The live text reads 1, 2, 3, 3 bis, 4…: nothing after the new paragraph moved.
    for (const page of [chair, cuba, salvador, observer]) {
      await waitFor(() => paragraphNumbers(page), (numbers) => numbers.join() === ["1", "2", "3", "3 bis", ...oneTo(n).slice(3)].join(), { what: "1, 2, 3, 3 bis, 4… on every page", timeoutMs: 10_000 });
    }
    const blocks = await readBlocks(chair);
    expect(blocks[PARAGRAPH_4]!.text).toBe(NEW_PARAGRAPH);
    // SLV's objection is still on paragraph 4, in the gutter and in the paragraph panel.
    const old4 = chair.locator(BLOCK_SELECTOR).nth(PARAGRAPH_4 + 1);
    expect(await old4.getAttribute("data-num")).toMatch(/^4\.?$/);
    await old4.locator(".status-badge", { hasText: "Objected: SLV" }).waitFor();
    const panel = await openParagraphPanel(chair, PARAGRAPH_4 + 1);
    await panel.locator("h2", { hasText: /^Paragraph 4$/ }).waitFor();
    await panel.locator(".stance-list", { hasText: `SLV: object — ${OBJECTION}` }).waitFor();
    await saveScreenshot(chair, "revisions-3-bis-chair");

    // The chair publishes Rev.2: the form offers Rev.2; the text is numbered 1…N+1.
    await publish(chair, "Rev.2");
    for (const page of [chair, observer]) {
      await waitFor(() => paragraphNumbers(page), (numbers) => numbers.join() === oneTo(n + 1).join(), { what: "1…N+1 after Rev.2", timeoutMs: 10_000 });
    }
    expect(await chair.locator(BLOCK_SELECTOR).nth(PARAGRAPH_4 + 1).getAttribute("data-num")).toMatch(/^5\.?$/);

    // A delegation and an observer open Rev.1 read-only: its text as published, numbered 1…N, nothing to edit with.
    for (const page of [cuba, observer]) {
      await openRevision(page, rev1Title);
      expect(new URL(page.url()).searchParams.get("revision")).toBeTruthy();
      expect(await revisionShown(page)).toEqual({ banner: `${rev1Title} — read-only`, editable: "false", controls: 0, liveHidden: true });
      const shown = ".revision-view .draft-text > :not(.proposal-added-block)";
      expect((await readBlocks(page, shown)).map((block) => block.text)).toEqual(rev1Text);
      expect(await paragraphNumbers(page, shown)).toEqual(oneTo(n));
    }
    await saveScreenshot(observer, "revisions-rev1-observer");
    expect(await seriousViolations(observer)).toEqual([]);

    // Back to the live text: the live copy ran on underneath, and shows the accepted paragraph.
    await cuba.getByRole("button", { name: "Back to the live text" }).click();
    await cuba.locator(".revision-view").waitFor({ state: "detached" });
    expect((await readBlocks(cuba))[PARAGRAPH_4]!.text).toBe(NEW_PARAGRAPH);
    expect(new URL(cuba.url()).searchParams.get("revision")).toBeNull();

    // The observer opens Rev.1 from the drafts page too.
    await observer.goto(new URL("/", observer.url()).toString());
    await observer.locator(".draft-revisions > summary").click();
    await observer.locator(".draft-revisions").getByRole("link", { name: rev1Title }).click();
    await observer.locator(".revision-view .draft-text > *").nth(10).waitFor({ timeout: 10_000 });
    expect((await revisionShown(observer)).banner).toBe(`${rev1Title} — read-only`);

    // The redline Rev.1 → Rev.2 in the page: the new paragraph 4 (was 3 bis) inserted, and 4 → 5.
    await openMenu(chair);
    await chair.getByRole("button", { name: "Compare revisions" }).click();
    const redline = chair.locator(".redline-view");
    expect(await redline.getByLabel("From", { exact: true }).locator("option:checked").textContent()).toBe(rev1Title);
    expect(await redline.getByLabel("To", { exact: true }).locator("option:checked").textContent()).toBe(`Rev.2 of ${today}`);
    await redline.locator(".redline-status", { hasText: /^Rev\.1 → Rev\.2: .*1 paragraph added/ }).waitFor({ timeout: 10_000 });
    const added = redline.locator('.redline-block[data-change="added"]');
    expect(await added.count()).toBe(1);
    expect(await added.locator(".redline-number-shown").textContent()).toBe("4 (was 3 bis)");
    expect(await added.locator(".redline-change").textContent()).toBe("Paragraph added");
    expect(await added.locator(".redline-words").textContent()).toContain(NEW_PARAGRAPH);
    const renumbered = redline.locator(".redline-block", { has: chair.locator(".redline-number-shown", { hasText: /^4 → 5$/ }) });
    expect(await renumbered.locator(".redline-words").textContent()).toBe(rev1Text[PARAGRAPH_4]);
    expect(await redline.getByRole("link", { name: "Word (tracked changes)" }).getAttribute("href")).toMatch(/\/redline\?from=.+&to=.+&format=docx$/);
    await saveScreenshot(chair, "revisions-redline-chair");
    expect(await seriousViolations(chair)).toEqual([]);
    await redline.getByRole("button", { name: "Back to the live text" }).click();
    await chair.locator(".redline-view").waitFor({ state: "detached" });
    expect(await chair.locator(BLOCK_SELECTOR).nth(PARAGRAPH_4).isVisible()).toBe(true);
    // Four pages and two publications on two shared cores: longer than the usual hang guard, as the walkthrough.
  }, 240_000);
});
