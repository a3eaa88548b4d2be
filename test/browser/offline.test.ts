/**
 * Offline in Chromium (DESIGN.md invariant 7): a delegation goes offline, proposes and objects,
 * reloads while still offline and finds its work on the page, then comes back online and the chair
 * sees all of it. "Saved" shows only once the server has acknowledged the commit.
 */
import type { Page } from "playwright-core";
import { Role } from "../../shared/roles";
import { BLOCK_SELECTOR, objectTo, openParagraphPanel, proposeReplacement, saveScreenshot } from "../support/browser";
import { openDemo } from "../support/demo";
import { GatedStorage } from "../support/gatedStorage";
import { tempDataDir } from "../support/testServer";

/** Block 4 of the demo draft is paragraph 4; block 6 is paragraph 5. */
const PARAGRAPH_4 = 4;
const PARAGRAPH_5 = 6;
const REASON = "The paragraph singles out military capabilities.";

function savedState(page: Page): Promise<string | null> {
  return page.locator("#saved").getAttribute("data-state");
}

function cubaBracket(page: Page) {
  return page.locator(".draft-text .proposal .sponsors", { hasText: "CUB" });
}

function objectedBadge(page: Page) {
  return page.locator(BLOCK_SELECTOR).nth(PARAGRAPH_5).locator(".status-badge", { hasText: "Objected: CUB" });
}

describe("offline in the browser", () => {
  it("keeps a delegation's proposal and objection through an offline reload and saves them on reconnect", async () => {
    const storage = new GatedStorage(tempDataDir());
    const { member } = await openDemo({ storage });
    const chair = await member(Role.chair);
    const cuba = await member(Role.delegation, "CUB");
    cuba.setDefaultTimeout(8000);
    // The service worker keeps the app's shell, so the page can reload without the network.
    await cuba.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await cuba.locator('#saved[data-state="saved"]').waitFor();

    await cuba.context().setOffline(true);
    await cuba.locator('#connection[data-state="offline"]').waitFor();
    await proposeReplacement(cuba, PARAGRAPH_4, "open, secure, stable", "open, secure, stable and resilient");
    await objectTo(cuba, PARAGRAPH_5, REASON);
    await cuba.locator('#saved[data-state="kept-here"]').waitFor();
    expect(await cuba.locator("#saved").textContent()).toMatch(/^Not saved yet: \d+ changes? kept on this device$/);

    await cuba.reload();
    await cubaBracket(cuba).waitFor();
    // Statuses are the server's to publish; the stance itself is in this device's copy of the floor.
    const panel = await openParagraphPanel(cuba, PARAGRAPH_5);
    await panel.locator(".stance-list", { hasText: `CUB: object — ${REASON}` }).waitFor();
    // The page came from the service worker, with the network still off, and its work from this device.
    const served = await cuba.evaluate(async () => ({
      network: await fetch("/health").then(() => "reached", () => "unreachable"),
      fromWorker: navigator.serviceWorker.controller !== null,
    }));
    expect(served).toEqual({ network: "unreachable", fromWorker: true });
    expect(await savedState(cuba)).toBe("kept-here");
    await saveScreenshot(cuba, "offline-delegation-after-reload");
    expect(await cubaBracket(chair).count()).toBe(0);

    // Back online with the server's commits held: the changes reach the server, but are not saved yet.
    storage.shut();
    await cuba.context().setOffline(false);
    await cuba.locator('#connection[data-state="online"]').waitFor({ timeout: 10_000 });
    await cuba.locator('#saved[data-state="saving"]').waitFor();
    await chair.waitForTimeout(500);
    expect(await savedState(cuba)).toBe("saving");

    storage.open();
    await cuba.locator('#saved[data-state="saved"]').waitFor();
    await cubaBracket(chair).waitFor();
    await objectedBadge(chair).waitFor();
  });
});
