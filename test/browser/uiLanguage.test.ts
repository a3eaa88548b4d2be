/**
 * The UI language is the person's choice, apart from the draft's (issue 15, acceptance 4): switching
 * it from the top bar changes the page's words and `<html lang dir>` at once, without a reload, and
 * keeps the open draft, the caret and work not yet saved; the choice is remembered on the device.
 */
import type { Page } from "playwright-core";
import { Role } from "../../shared/roles";
import { BLOCK_SELECTOR, clickAtEnd, readBlocks } from "../support/browser";
import { openDemo } from "../support/demo";
import { wordsIn } from "../support/uiWords";

const PARAGRAPH_4 = 4;
const TYPED = " Typed offline before the switch.";

function picker(page: Page) {
  return page.locator("#ui-language select");
}

describe("switching the UI language", () => {
  it("changes the page's words and direction without a reload, and keeps the draft, the caret and unsaved work", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const observer = await member(Role.observer);
    await chair.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const url = chair.url();

    // Work that is not saved yet: typed while the line is down.
    await chair.context().setOffline(true);
    await chair.locator('#connection[data-state="offline"]').waitFor();
    await clickAtEnd(chair.locator(BLOCK_SELECTOR).nth(PARAGRAPH_4));
    await chair.keyboard.type(TYPED);
    await chair.locator('#saved[data-state="kept-here"]').waitFor();
    const savedWordsInEnglish = await chair.locator("#saved").textContent();

    await picker(chair).selectOption("fr");
    await chair.locator('html[lang="fr"][dir="ltr"]').waitFor();
    expect(await picker(chair).getAttribute("aria-label")).toBe(wordsIn("fr")("common.uiLanguage"));
    expect(await chair.locator("#saved").textContent()).not.toBe(savedWordsInEnglish);

    // No reload: the same page object, the same address, the typed words still on the page, unsaved.
    expect(await chair.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(chair.url()).toBe(url);
    expect((await readBlocks(chair))[PARAGRAPH_4]!.text.endsWith(TYPED)).toBe(true);
    expect(await chair.locator("#saved").getAttribute("data-state")).toBe("kept-here");

    // The caret is where it was: back in the text, the next keys land right after the typed words.
    await chair.locator(".ProseMirror").focus();
    await chair.keyboard.type(" More.");
    expect((await readBlocks(chair))[PARAGRAPH_4]!.text.endsWith(`${TYPED} More.`)).toBe(true);

    // Arabic turns the page right to left; the draft's own text keeps its language's direction.
    await picker(chair).selectOption("ar");
    await chair.locator('html[lang="ar"][dir="rtl"]').waitFor();

    // The line comes back: the work typed before and after the switches is saved and reaches others.
    await chair.context().setOffline(false);
    await chair.locator('#saved[data-state="saved"]').waitFor({ timeout: 15_000 });
    await observer.locator(BLOCK_SELECTOR).nth(PARAGRAPH_4).filter({ hasText: `${TYPED.trim()} More.` }).waitFor();

    // Remembered on this device: a reload opens in Arabic.
    await chair.reload();
    await chair.locator('html[lang="ar"][dir="rtl"]').waitFor();
    expect(await picker(chair).inputValue()).toBe("ar");
  });

  it("starts in the browser's language the first time", async () => {
    const { member } = await openDemo();
    const delegation = await member(Role.delegation, "CUB", (page) => {
      void page.addInitScript(() => Object.defineProperty(navigator, "languages", { get: () => ["es-AR", "es"] }));
    });
    await delegation.locator('html[lang="es"][dir="ltr"]').waitFor();
    expect(await picker(delegation).inputValue()).toBe("es");
    expect(await picker(delegation).getAttribute("aria-label")).toBe(wordsIn("es")("common.uiLanguage"));
  });
});
