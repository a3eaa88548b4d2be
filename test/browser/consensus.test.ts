/**
 * The consensus tracker in Chromium: SLV objects to paragraph 5 and every page shows it within a
 * second; the chair cannot declare it agreed until SLV withdraws; then it is agreed, and an edit
 * shows it changed since agreed.
 */
import type { Page } from "playwright-core";
import { Role } from "../../shared/roles";
import { BLOCK_SELECTOR, saveScreenshot, selectWords } from "../support/browser";
import { openDemo } from "../support/demo";

/** Block 6 of the demo draft is paragraph 5 (after heading B). */
const PARAGRAPH_5 = 6;

function badge(page: Page) {
  return page.locator(BLOCK_SELECTOR).nth(PARAGRAPH_5).locator(".status-badge");
}

async function everyPageShows(pages: Page[], text: string, timeout: number): Promise<void> {
  await Promise.all(pages.map((page) => badge(page).filter({ hasText: text }).waitFor({ timeout })));
}

describe("the consensus tracker in the browser", () => {
  it("shows SLV's objection everywhere, keeps the chair from agreeing until it is withdrawn, then tracks the agreement", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const salvador = await member(Role.delegation, "SLV");
    const observer = await member(Role.observer);
    const pages = [chair, salvador, observer];
    await everyPageShows(pages, "Open", 5000);
    expect(await badge(chair).textContent()).toBe("Open");

    // SLV opens paragraph 5 from its gutter badge and objects from the panel, finishing by keyboard.
    await badge(salvador).click();
    const panel = salvador.locator(".paragraph-panel");
    await panel.locator("legend", { hasText: "SLV's stance on Paragraph 5" }).waitFor();
    await panel.getByLabel("Object", { exact: true }).check();
    await panel.getByLabel("Reason (required for an objection)").fill("The paragraph singles out military capabilities.");
    await panel.getByRole("button", { name: "Save stance" }).press("Enter");
    await everyPageShows(pages, "Objected: SLV", 1000);
    await panel.locator(".stance-list", { hasText: "SLV: object — The paragraph singles out military capabilities." }).waitFor();
    await saveScreenshot(observer, "consensus-objected-observer");
    await panel.getByLabel("Comment on Paragraph 5").fill("We could accept a reference to all capabilities.");
    await panel.getByRole("button", { name: "Comment", exact: true }).click();

    // The chair cannot declare it agreed while SLV objects.
    await selectWords(chair, PARAGRAPH_5, "serious concern", true);
    const declare = chair.locator(".paragraph-panel .declare-agreed");
    await chair.locator(".paragraph-panel .refusal", { hasText: "Not while SLV objects" }).waitFor();
    await chair.locator(".paragraph-panel .threads", { hasText: "SLV: We could accept a reference to all capabilities." }).waitFor();
    // A comment with words selected is on those words.
    await selectWords(chair, PARAGRAPH_5, "military purposes");
    await chair.locator(".paragraph-panel").getByLabel("Comment on Paragraph 5").fill("Would “security purposes” help?");
    await chair.locator(".paragraph-panel").getByRole("button", { name: "Comment", exact: true }).click();
    await panel.locator(".threads", { hasText: "Chair (on “military purposes”): Would “security purposes” help?" }).waitFor();
    expect(await declare.isDisabled()).toBe(true);
    await saveScreenshot(chair, "consensus-chair-refused");

    // SLV withdraws; the chair declares the paragraph agreed.
    await panel.getByLabel("No stance (withdraw)", { exact: true }).check();
    await panel.getByRole("button", { name: "Save stance" }).click();
    await everyPageShows(pages, "Open", 2000);
    await chair.locator(".paragraph-panel .declare-agreed:not([disabled])").click();
    await everyPageShows(pages, "Agreed ad ref", 2000);
    await saveScreenshot(salvador, "consensus-agreed-delegation");

    // The chair edits the paragraph: it is no longer agreed, and says why.
    await selectWords(chair, PARAGRAPH_5, "serious concern", true);
    await chair.keyboard.type(" and deep regret");
    await everyPageShows(pages, "Changed since agreed", 2000);
    await saveScreenshot(observer, "consensus-changed-observer");

    // The chair puts it under silence with the least notice; every page counts down; SLV breaks silence.
    await chair.locator(".paragraph-panel").getByRole("button", { name: "Start silence procedure" }).click();
    await everyPageShows(pages, "Under silence", 2000);
    for (const page of pages) await page.locator(".silence-banner .silence.running", { hasText: /paragraph 5, until .* \(3 days left\)/ }).waitFor({ timeout: 2000 });
    await saveScreenshot(observer, "consensus-silence-observer");
    await panel.getByLabel("Object", { exact: true }).check();
    await panel.getByLabel("Reason (required for an objection)").fill("We break silence: the reference needs balance.");
    await panel.getByRole("button", { name: "Save stance" }).click();
    await everyPageShows(pages, "Objected: SLV", 2000);
  });

  it("starts a silence procedure at the least notice from the moment the chair presses Start, however long the form stood open", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    await selectWords(chair, PARAGRAPH_5, "serious concern", true);
    const start = chair.locator(".paragraph-panel").getByRole("button", { name: "Start silence procedure" });
    await start.waitFor();
    // The chair reads for ten minutes before pressing Start: the offered deadline must move with the time.
    await chair.clock.setFixedTime(Date.now() + 10 * 60_000);
    await start.click();
    await chair.locator(".silence-banner .silence.running", { hasText: /paragraph 5, until/ }).waitFor({ timeout: 2000 });
    expect(await chair.locator("#notice").isHidden()).toBe(true);
  });
});
