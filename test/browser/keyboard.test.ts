/**
 * Every action by keyboard (WCAG 2.1.1), with focus always visible (2.4.7): a delegation moves
 * through the text with the arrow keys, proposes by selecting and typing, and objects from the
 * paragraph panel reached with Tab; the chair, whose Tab indents, leaves the text with Escape and
 * declares a paragraph agreed. No mouse.
 */
import type { Page } from "playwright-core";
import { Role } from "../../shared/roles";
import { BLOCK_SELECTOR } from "../support/browser";
import { openDemo } from "../support/demo";

/**
 * Presses `key` until the caret is in paragraph `number` (as the gutter numbers it), then waits for
 * the paragraph panel, which follows the caret once the keys pause, to show that paragraph.
 */
async function arrowTo(page: Page, key: "ArrowDown" | "ArrowUp", number: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    const at = await page.evaluate(() => {
      const node = window.getSelection()?.anchorNode ?? null;
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      return element?.closest("[data-num]")?.getAttribute("data-num") ?? null;
    });
    if (at === `${number}.`) {
      await page.locator(".paragraph-panel h2", { hasText: `Paragraph ${number}` }).waitFor();
      return;
    }
    await page.keyboard.press(key);
  }
  throw new Error(`The caret never reached paragraph ${number}`);
}

/** Presses Tab until the focused element matches `selector`, checking at each stop that the focus is visible. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate((wanted) => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return { matches: false, visible: true, what: "body" };
      const style = getComputedStyle(element);
      const visible = (style.outlineStyle !== "none" && style.outlineWidth !== "0px") || style.boxShadow !== "none";
      return { matches: element.matches(wanted), visible, what: element.outerHTML.slice(0, 120) };
    }, selector);
    if (!stop.visible) throw new Error(`Focus is not visible on ${stop.what}`);
    if (stop.matches) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe("by keyboard alone", () => {
  it("lets a delegation propose and object, and the chair declare agreement, without a mouse", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const cuba = await member(Role.delegation, "CUB");
    for (const page of [chair, cuba]) page.setDefaultTimeout(5000);

    // Into the text, then down to paragraph 3 with the arrow keys.
    await tabTo(cuba, ".draft-text");
    await cuba.keyboard.press("Control+Home");
    await arrowTo(cuba, "ArrowDown", "3");

    // A proposal: select the paragraph's first word and type over it.
    await cuba.keyboard.press("Home");
    await cuba.keyboard.press("Control+Shift+ArrowRight");
    await cuba.keyboard.type("Delegations");
    await cuba.locator(".proposal-draft-input").waitFor();
    await cuba.keyboard.press("Enter");
    await chair.locator(".draft-text .proposal .sponsors", { hasText: "CUB" }).waitFor();

    // An objection to paragraph 5: Tab to the stance choices, arrow to Object, give a reason, save.
    await arrowTo(cuba, "ArrowDown", "5");
    await tabTo(cuba, ".stance-form input[type=radio]");
    for (let presses = 0; presses < 6 && !(await cuba.evaluate(() => (document.activeElement as HTMLInputElement).value === "object")); presses++) {
      await cuba.keyboard.press("ArrowDown");
    }
    await tabTo(cuba, ".stance-reason");
    await cuba.keyboard.type("The paragraph singles out military capabilities.");
    await tabTo(cuba, ".stance-form button[type=submit]");
    await cuba.keyboard.press("Enter");
    await chair.locator(BLOCK_SELECTOR).nth(6).locator(".status-badge", { hasText: "Objected: CUB" }).waitFor();

    // The chair declares paragraph 2 agreed.
    await tabTo(chair, ".draft-text");
    await chair.keyboard.press("Control+Home");
    await arrowTo(chair, "ArrowDown", "2");
    // The chair's Tab indents; Escape leaves the text for the paragraph panel.
    await chair.keyboard.press("Escape");
    await tabTo(chair, ".declare-agreed");
    await chair.keyboard.press("Enter");
    await cuba.locator(BLOCK_SELECTOR).nth(2).locator(".status-badge", { hasText: "Agreed ad ref" }).waitFor();
  });
});
