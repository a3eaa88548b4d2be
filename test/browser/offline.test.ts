/**
 * Offline in Chromium (DESIGN.md invariant 7): a delegation goes offline, proposes and objects,
 * reloads while still offline and finds its work on the page, then comes back online and the chair
 * sees all of it. "Saved" shows only once the server has acknowledged the commit.
 */
import fs from "node:fs";
import type { Page } from "playwright-core";
import { createDemoDraft } from "../../server/demo/createDemoDraft";
import { Room } from "../../shared/documentLayout";
import { Role } from "../../shared/roles";
import { BLOCK_SELECTOR, launchBrowser, objectTo, openParagraphPanel, openSignedIn, proposeReplacement, saveScreenshot, UNAUTHORIZED_ANSWER, waitForEditor } from "../support/browser";
import { openDemo } from "../support/demo";
import { GatedStorage } from "../support/gatedStorage";
import { invite } from "../support/members";
import { startTestServer, tempDataDir } from "../support/testServer";

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
    // The server counts objections; until it has, CUB's page shows its own, marked as such.
    await objectedBadge(cuba).filter({ hasText: "Objected: CUB (not yet counted)" }).waitFor();

    await cuba.reload();
    await cubaBracket(cuba).waitFor();
    // The stance is in this device's copy of the floor: the panel lists it, the badge shows it uncounted.
    await objectedBadge(cuba).filter({ hasText: "(not yet counted)" }).waitFor();
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

    // Offline, the drafts page lists the drafts on this device, and each opens from it.
    await cuba.goto(`${new URL(cuba.url()).origin}/`);
    const kept = cuba.locator("main .drafts a", { hasText: "Pre-draft report" });
    await kept.click();
    await cubaBracket(cuba).waitFor();

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
    await objectedBadge(cuba).filter({ hasText: /^Objected: CUB$/ }).waitFor();
  });

  it("offers work that can no longer be saved as a file when access ended while the delegation was offline", async () => {
    const server = await startTestServer();
    const draft = await createDemoDraft(server.drafts);
    const browser = await launchBrowser();
    const invitation = await invite(server, draft.id, Role.delegation, "CUB");
    const { page: cuba } = await openSignedIn(browser, server.url, invitation);
    await waitForEditor(cuba, 10);

    await cuba.context().setOffline(true);
    await cuba.locator('#connection[data-state="offline"]').waitFor();
    await proposeReplacement(cuba, PARAGRAPH_4, "open, secure, stable", "open, secure, stable and resilient");
    await server.storage.identity.revokeMembership(invitation.membership.id);
    await cuba.context().setOffline(false);

    const notice = cuba.locator("#notice");
    const link = notice.getByRole("link", { name: "Download your unsaved work" });
    await link.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toMatch(/^You do not have access to this part of the draft\. 1 change was not saved\./);
    await saveScreenshot(cuba, "offline-access-ended");
    const [download] = await Promise.all([cuba.waitForEvent("download"), link.click()]);
    const file = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
      author: { state: string };
      text: string;
      records: Record<string, Record<string, Record<string, { text?: string }>>>;
      updates: Record<string, string>;
    };
    expect(file.author.state).toBe("CUB");
    const proposals = Object.entries(file.records[Room.text]!.proposals ?? {});
    expect(proposals.map(([key, record]) => [key.split(":")[0], record.text])).toEqual([["CUB", "open, secure, stable and resilient"]]);
    expect(file.text).toContain("open, secure, stable and resilient");
    expect(Object.keys(file.updates).sort()).toEqual([Room.floor, Room.text]);

    // Another language keeps the notice and its link, in that language (issue 15, acceptance 4).
    await cuba.locator("select.ui-language").selectOption("fr");
    await notice.getByRole("link", { name: "Télécharger votre travail non enregistré" }).waitFor();
    expect(await notice.textContent()).toMatch(/ 1 modification n’a pas été enregistrée\./);
  });

  it("gives observers no copy on the device and no cross-tab channel", async () => {
    const { server, draft } = await openDemo();
    const browser = await launchBrowser();
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const opened: string[] = [];
      (window as unknown as { openedChannels: string[] }).openedChannels = opened;
      const Channel = window.BroadcastChannel;
      window.BroadcastChannel = class extends Channel {
        constructor(name: string) {
          super(name);
          opened.push(name);
        }
      };
    });
    const page = await context.newPage();
    await page.goto(`${server.url}${(await invite(server, draft.id, Role.observer)).signInPath}`);
    await page.locator("#sign-in").click();
    await waitForEditor(page, 10);
    const kept = await page.evaluate(async () => ({
      channels: (window as unknown as { openedChannels: string[] }).openedChannels,
      databases: (await indexedDB.databases()).map((database) => database.name),
      stored: Object.keys(localStorage),
    }));
    expect(kept).toEqual({ channels: [], databases: [], stored: [] });
  });

  it("says it is reconnecting when the server goes away, offline while it stays away, and online when it is back", async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const draft = await createDemoDraft(first.drafts);
    const browser = await launchBrowser();
    const { page: chair } = await openSignedIn(browser, first.url, await invite(first, draft.id, Role.chair));
    await waitForEditor(chair, 10);
    await chair.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { connectionStates: string[] }).connectionStates = seen;
      const indicator = document.getElementById("connection")!;
      new MutationObserver(() => seen.push(indicator.dataset["state"] ?? "")).observe(indicator, { attributes: true, attributeFilter: ["data-state"] });
    });

    const port = Number(new URL(first.url).port);
    await first.close();
    await chair.locator('#connection[data-state="offline"]').waitFor({ timeout: 10_000 });
    const second = await startTestServer({ dataDir, port });
    await chair.locator('#connection[data-state="online"]').waitFor({ timeout: 10_000 });
    expect(await chair.evaluate(() => (window as unknown as { connectionStates: string[] }).connectionStates)).toEqual(["reconnecting", "offline", "online"]);
    expect(await chair.locator("#connection").textContent()).toBe("Online");
    await second.close();
  });

  it("works online, and says so, where the browser keeps no copy on the device", async () => {
    const { server, draft } = await openDemo();
    const browser = await launchBrowser();
    const { page: cuba } = await openSignedIn(browser, server.url, await invite(server, draft.id, Role.delegation, "CUB"), {
      // As in a private window whose storage is off: opening a database fails.
      prepare: (page) =>
        void page.addInitScript(() => {
          indexedDB.open = () => {
            throw new DOMException("IndexedDB is disabled", "InvalidStateError");
          };
        }),
    });
    await waitForEditor(cuba, 10);
    await cuba.locator("#notice", { hasText: "This browser keeps no copy of the draft on this device" }).waitFor();
    await proposeReplacement(cuba, PARAGRAPH_4, "open, secure, stable", "open, secure, stable and resilient");
    await cuba.locator('#saved[data-state="saved"]').waitFor();
    expect(await cubaBracket(cuba).count()).toBe(1);
  });

  it("takes saved drafts off the device when the delegation signs out, and keeps a copy whose work is not saved yet", async () => {
    const storage = new GatedStorage(tempDataDir());
    const { server, draft } = await openDemo({ storage });
    const browser = await launchBrowser();
    const copies = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? "").filter((name) => name.startsWith("concord/")).sort());
    const { page: cuba } = await openSignedIn(browser, server.url, await invite(server, draft.id, Role.delegation, "CUB"), { expectedErrors: [UNAUTHORIZED_ANSWER] });
    await waitForEditor(cuba, 10);
    // The written contributions (issue 18) are a room of their own, kept on the device like the other two.
    expect(await copies(cuba)).toEqual([`concord/${draft.id}/contributions/state-CUB`, `concord/${draft.id}/floor/state-CUB`, `concord/${draft.id}/text/state-CUB`]);

    // A proposal the server has not yet committed: its copy stays, the other goes.
    storage.shut();
    await proposeReplacement(cuba, PARAGRAPH_4, "open, secure, stable", "open, secure, stable and resilient");
    await cuba.locator('#saved[data-state="saving"]').waitFor();
    await cuba.locator("#sign-out").click();
    await cuba.locator(".drafts-message", { hasText: "You have signed out. 1 copy of a draft with work not yet saved stayed on this device" }).waitFor();
    expect(await copies(cuba)).toEqual([`concord/${draft.id}/text/state-CUB`]);
    storage.open();

    // Signed in again, the kept copy is confirmed saved; signing out then leaves nothing behind.
    await cuba.goto(`${server.url}${(await invite(server, draft.id, Role.delegation, "CUB")).signInPath}`);
    await cuba.locator("#sign-in").click();
    await waitForEditor(cuba, 10);
    await cuba.locator('#saved[data-state="saved"]').waitFor();
    await cuba.locator("#sign-out").click();
    await cuba.locator(".drafts-message", { hasText: "You have signed out. Open your invitation link to sign in." }).waitFor();
    expect(await copies(cuba)).toEqual([]);
    expect(await cuba.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("concord/")))).toEqual([]);
  });
});
