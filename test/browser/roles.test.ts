import { CloseCode } from "../../shared/closeCodes";
import { TextRoot } from "../../shared/documentLayout";
import { Role } from "../../shared/roles";
import { clickAtEnd, launchBrowser, openSignedIn, readBlocks, saveScreenshot, waitForEditor } from "../support/browser";
import { openDemo } from "../support/demo";
import { invite } from "../support/members";
import { waitFor } from "../support/waitFor";


describe("roles in the browser", () => {
  it("never lets delegations or observers change the chair's text, and shows who is present by state", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const cuba = await member(Role.delegation, "CUB");
    const observer = await member(Role.observer);
    for (const page of [chair, cuba, observer]) await waitForEditor(page, 10);

    // An observer reads; a delegation's typing composes a proposal and never changes the chair's text.
    for (const [reader, editable] of [[observer, "false"], [cuba, "true"]] as const) {
      expect(await reader.locator(".draft-text").getAttribute("contenteditable")).toBe(editable);
      const before = (await readBlocks(reader))[2]!.text;
      await clickAtEnd(reader.locator(".draft-text p.para").nth(1));
      await reader.keyboard.type(" not allowed");
      await reader.keyboard.press("Escape");
      await reader.keyboard.press("Backspace");
      expect((await readBlocks(reader))[2]!.text).toBe(before);
    }
    expect(await observer.locator(".proposal-toolbar button").count()).toBe(0);
    expect(await chair.locator(".draft-text").getAttribute("contenteditable")).toBe("true");

    await waitFor(() => chair.locator("#presence .presence-chip").allTextContents(), (chips) => chips.includes("CUB"), {
      what: "CUB in the chair's presence list",
    });
    await waitFor(() => chair.locator("#presence").textContent(), (text) => /1 observer/.test(text ?? ""), { what: "the observer count" });
    await waitFor(() => cuba.locator("#presence .presence-chip").allTextContents(), (chips) => chips.includes("Chair"), {
      what: "the chair in CUB's presence list",
    });
    await saveScreenshot(cuba, "editor-delegation-read-only");
  });

  it("throws away a copy the server refused and syncs afresh", async () => {
    const { member } = await openDemo();
    const cuba = await member(Role.delegation, "CUB");
    await waitForEditor(cuba, 10);
    const title = await cuba.locator("#draft-title").textContent();
    const firstClient = await cuba.evaluate(() => (window as unknown as { concord: { doc: { clientID: number } } }).concord.doc.clientID);

    await cuba.evaluate((root) => {
      const { doc } = (window as unknown as { concord: { doc: { getMap(name: string): { set(key: string, value: unknown): void } } } }).concord;
      doc.getMap(root).set("title", "Hijacked by a delegation");
    }, TextRoot.meta);

    await cuba.locator("#notice").filter({ hasText: "refused" }).waitFor({ timeout: 5000 });
    const secondClient = await waitFor(
      () => cuba.evaluate(() => (window as unknown as { concord: { doc: { clientID: number } } }).concord.doc.clientID),
      (id) => id !== firstClient,
      { what: "a fresh copy" },
    );
    expect(secondClient).not.toBe(firstClient);
    await waitForEditor(cuba, 10);
    expect(await cuba.locator("#draft-title").textContent()).toBe(title);
    const metaTitle = await cuba.evaluate(
      (root) => (window as unknown as { concord: { doc: { getMap(name: string): { get(key: string): unknown } } } }).concord.doc.getMap(root).get("title"),
      TextRoot.meta,
    );
    expect(metaTitle).toBe(title);
    // The explanation outlives the resync, until the person dismisses it.
    const notice = cuba.locator("#notice");
    expect(await notice.textContent()).toContain("refused");
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await notice.waitFor({ state: "hidden" });
    expect(CloseCode.writeRefused.code).toBe(4405);
  });

  it("opens the draft again in the new role when the chair changes a delegation to an observer", async () => {
    const { server, draft } = await openDemo();
    const browser = await launchBrowser();
    const invitation = await invite(server, draft.id, Role.delegation, "CUB");
    const { page: cuba } = await openSignedIn(browser, server.url, invitation);
    await waitForEditor(cuba, 10);
    expect(await cuba.locator(".draft-text").getAttribute("contenteditable")).toBe("true");

    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const changed = await fetch(`${server.url}/api/drafts/${draft.id}/members/${invitation.membership.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${chairToken}`, "content-type": "application/json" },
      body: JSON.stringify({ role: Role.observer, state: null }),
    });
    expect(changed.status).toBe(200);

    await cuba.locator('.draft-text[contenteditable="false"]').waitFor();
    await cuba.locator('#connection[data-state="online"]').waitFor();
    expect(await cuba.locator("#notice").textContent()).toContain("Your access to this draft has changed or been revoked.");
    expect(await cuba.locator("#me").textContent()).toContain("(observer)");
    expect(await cuba.locator(".proposal-toolbar button").count()).toBe(0);
  });
});
