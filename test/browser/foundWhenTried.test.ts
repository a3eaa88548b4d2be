/**
 * Defects found when Concord was tried as a new user would (issue 11), each held down in Chromium:
 * a silence procedure broken by an objection says so at once; another member's caret hides no
 * words; the comment box has a visible label and its refusal shows beside it; the objection filter
 * and the clearing queue's filter list their states before any paragraph is chosen.
 */
import type { Page } from "playwright-core";
import { ProposalKind, StanceKind } from "../../schemas/records";
import { setStance } from "../../shared/consensus/stanceWrites";
import { Room, TextRoot } from "../../shared/documentLayout";
import { propose } from "../../shared/proposals/proposeChange";
import { Role } from "../../shared/roles";
import { textBlocks } from "../../shared/text/blockText";
import { BLOCK_SELECTOR, openParagraphPanel, selectWords } from "../support/browser";
import { openDemo } from "../support/demo";
import { invite } from "../support/members";
import { connectStockClient } from "../support/stockClient";

/** Block 6 of the demo draft is paragraph 5 (after heading B); block 4 is paragraph 4. */
const PARAGRAPH_4 = 4;
const PARAGRAPH_5 = 6;

type Demo = Awaited<ReturnType<typeof openDemo>>;

/** A stock Yjs client acting for delegation `state` in `room`. */
async function delegate({ server, draft }: Demo, state: string, room: Room) {
  return connectStockClient(server, draft.id, { room, token: (await invite(server, draft.id, Role.delegation, state)).token });
}

/** The boxes of the words in the editor's text (every character's), leaving out remote carets. */
function glyphBoxes(page: Page): Promise<Array<{ left: number; top: number; right: number; bottom: number; char: string }>> {
  return page.evaluate(() => {
    const boxes: Array<{ left: number; top: number; right: number; bottom: number; char: string }> = [];
    const text = document.querySelector(".draft-text")!;
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest(".ProseMirror-yjs-cursor") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.textContent ?? "";
      for (let at = 0; at < words.length; at++) {
        if (/\s/.test(words[at]!)) continue;
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const box = range.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) boxes.push({ left: box.left, top: box.top, right: box.right, bottom: box.bottom, char: words[at]! });
      }
    }
    return boxes;
  });
}

/** The visible boxes that a remote caret draws besides its line: its label, say. */
function caretDecorationBoxes(page: Page): Promise<Array<{ left: number; top: number; right: number; bottom: number; text: string }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll(".ProseMirror-yjs-cursor *"))
      .filter((element) => getComputedStyle(element).visibility !== "hidden" && getComputedStyle(element).display !== "none")
      .map((element) => {
        const box = element.getBoundingClientRect();
        return { left: box.left, top: box.top, right: box.right, bottom: box.bottom, text: element.textContent ?? "" };
      })
      .filter((box) => box.right > box.left && box.bottom > box.top),
  );
}

/** Two or three pages on a shared two-core machine take their time to open. */
const PAGES_TIMEOUT_MS = 90_000;

describe("defects found when tried", () => {
  it("says at once that SLV broke a silence procedure, and the chair's panel no longer offers to start one", async () => {
    const demo = await openDemo();
    const chair = await demo.member(Role.chair);
    const observer = await demo.member(Role.observer);
    await selectWords(chair, PARAGRAPH_5, "serious concern", true);
    const panel = chair.locator(".paragraph-panel");
    await panel.getByRole("button", { name: "Start silence procedure" }).click();
    for (const page of [chair, observer]) await page.locator(".silence-banner .silence.running", { hasText: /paragraph 5, until .* \(3 days left\)/ }).waitFor({ timeout: 2000 });
    // While it runs, the chair's panel says so rather than offering a second procedure.
    await panel.locator(".silence-state", { hasText: /Under silence until/ }).waitFor({ timeout: 2000 });
    expect(await panel.getByRole("button", { name: "Start silence procedure" }).isVisible()).toBe(false);

    const salvador = await delegate(demo, "SLV", Room.floor);
    const pid = textBlocks((await delegate(demo, "CUB", Room.text)).doc.getXmlFragment(TextRoot.content))[PARAGRAPH_5]!.pid!;
    setStance(salvador.doc, "SLV", pid, StanceKind.object, "We break silence: the reference needs balance.");

    for (const page of [chair, observer]) {
      await page.locator(".silence-banner .silence.broken", { hasText: "Silence procedure on paragraph 5 broken by SLV" }).waitFor({ timeout: 2000 });
      expect(await page.locator(".silence-banner .silence.running").count()).toBe(0);
      expect(await page.locator(".silence-banner").textContent()).not.toMatch(/days? left/);
    }
    await panel.locator(".silence-state", { hasText: "Silence broken by SLV" }).waitFor({ timeout: 2000 });
    expect(await panel.getByRole("button", { name: "Start silence procedure" }).isVisible()).toBe(false);
  }, PAGES_TIMEOUT_MS);

  it("draws another member's caret without hiding the chair's words, and names its member on hover", async () => {
    const demo = await openDemo();
    const chair = await demo.member(Role.chair);
    const salvador = await demo.member(Role.delegation, "SLV");
    // SLV's caret in the middle of the second line of paragraph 5, so there are words above it too.
    await selectWords(salvador, PARAGRAPH_5, "military purposes", true);
    const caret = chair.locator(".ProseMirror-yjs-cursor");
    await caret.waitFor({ timeout: 3000 });

    const glyphs = await glyphBoxes(chair);
    const decorations = await caretDecorationBoxes(chair);
    const covered = glyphs.filter((glyph) => decorations.some((box) => box.left < glyph.right && glyph.left < box.right && box.top < glyph.bottom && glyph.top < box.bottom));
    expect(covered.map((glyph) => glyph.char).join("")).toBe("");
    // Every word near the caret is what the pointer finds there: nothing of the caret lies over it.
    const at = await caret.boundingBox();
    const near = glyphs.filter((glyph) => Math.abs(glyph.top - at!.y) < 60 && Math.abs(glyph.left - at!.x) < 120);
    expect(near.length).toBeGreaterThan(10);
    const hidden = await chair.evaluate(
      (boxes) => boxes.filter((box) => document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2)?.closest(".ProseMirror-yjs-cursor")).length,
      near,
    );
    expect(hidden).toBe(0);

    // Whose caret it is stays a hover away (the pointer put on the line itself: it is too thin for Playwright's hover).
    await chair.mouse.move(at!.x + at!.width / 2, at!.y + at!.height / 2);
    await chair.locator(".ProseMirror-yjs-cursor .caret-name", { hasText: "SLV" }).waitFor({ state: "visible", timeout: 1000 });
  }, PAGES_TIMEOUT_MS);

  it("labels the comment box where it can be seen and shows a refused comment's reason beside it", async () => {
    const demo = await openDemo();
    const salvador = await demo.member(Role.delegation, "SLV");
    const panel = await openParagraphPanel(salvador, PARAGRAPH_5);
    const label = panel.locator("label", { hasText: "Comment on Paragraph 5" });
    expect(await label.isVisible()).toBe(true);
    const box = panel.getByLabel("Comment on Paragraph 5");
    await box.fill("   ");
    await panel.getByRole("button", { name: "Comment", exact: true }).click();

    const describedBy = await box.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    const error = salvador.locator(`[id="${describedBy}"]`);
    await error.filter({ hasText: "A comment needs some words" }).waitFor({ timeout: 2000 });
    const boxAt = (await box.boundingBox())!;
    const errorAt = (await error.boundingBox())!;
    // Beside the box: within a line of its edge, not at the top of the page.
    expect(Math.abs(errorAt.y - (boxAt.y + boxAt.height))).toBeLessThan(40);
    expect(await salvador.locator("#notice").isVisible()).toBe(false);

    // A comment that is accepted clears the reason.
    await box.fill("We could accept a reference to all capabilities.");
    await panel.getByRole("button", { name: "Comment", exact: true }).click();
    await panel.locator(".threads", { hasText: "SLV: We could accept a reference to all capabilities." }).waitFor({ timeout: 2000 });
    expect(await error.textContent()).toBe("");
  }, PAGES_TIMEOUT_MS);

  it("lists the states in the chair's filters before any paragraph is chosen", async () => {
    const demo = await openDemo();
    const cuba = await delegate(demo, "CUB", Room.text);
    const block = textBlocks(cuba.doc.getXmlFragment(TextRoot.content))[PARAGRAPH_4]!;
    const from = block.text.indexOf("open, secure, stable");
    propose(cuba.doc, "CUB", { kind: ProposalKind.replace, pid: block.pid!, from, to: from + "open, secure, stable".length, text: "free and open" });
    const salvador = await delegate(demo, "SLV", Room.floor);
    setStance(salvador.doc, "SLV", textBlocks(cuba.doc.getXmlFragment(TextRoot.content))[PARAGRAPH_5]!.pid!, StanceKind.object, "Unbalanced.");

    const chair = await demo.member(Role.chair);
    await chair.locator(BLOCK_SELECTOR).nth(PARAGRAPH_5).locator(".status-badge", { hasText: "Objected: SLV" }).waitFor({ timeout: 3000 });
    await chair.locator(".queue-filter option", { hasText: "CUB" }).waitFor({ state: "attached", timeout: 2000 });
    expect(await chair.locator(".panel-filter option").allTextContents()).toEqual(["All paragraphs", "Paragraphs SLV objects to"]);
    expect(await chair.locator(".paragraph-panel").getAttribute("data-pid")).toBe("");
  }, PAGES_TIMEOUT_MS);
});
