/**
 * The drafts page in Chromium: the member's drafts with their progress in words and as a bar, and
 * signing out from the top bar to a page that shows no draft.
 */
import type { Browser, Page } from "playwright-core";
import { StanceKind } from "../../schemas/records";
import { declareAgreed, setStance } from "../../shared/consensus/stanceWrites";
import { BlockType } from "../../shared/schema";
import { Room, TextRoot } from "../../shared/documentLayout";
import { Role } from "../../shared/roles";
import { textBlocks } from "../../shared/text/blockText";
import { createDemoDraft } from "../../server/demo/createDemoDraft";
import { launchBrowser, openParagraphPanel, openSignedIn, saveScreenshot, UNAUTHORIZED_ANSWER, waitForEditor } from "../support/browser";
import { invite } from "../support/members";
import { connectStockClient } from "../support/stockClient";
import { startTestServer } from "../support/testServer";
import { waitFor } from "../support/waitFor";

const SIGNED_OUT = "You have signed out. Open your invitation link to sign in.";

/** Block 6 of the demo draft is paragraph 5. */
const PARAGRAPH_5 = 6;

/** As `openSignedIn`, for a person who will sign out: the signed-out page's 401 answers are expected. */
async function signInToSignOut(browser: Browser, serverUrl: string, invitation: { signInPath: string }): Promise<Page> {
  return (await openSignedIn(browser, serverUrl, invitation, { expectedErrors: [UNAUTHORIZED_ANSWER] })).page;
}

describe("the drafts page", () => {
  it("lists the demo draft with its progress and the member's role, and shows a new agreement on reload", async () => {
    const server = await startTestServer();
    const draft = await createDemoDraft(server.drafts);
    const total = draft.progress!.total;
    expect(total).toBeGreaterThan(10);
    const browser = await launchBrowser();
    const { page } = await openSignedIn(browser, server.url, await invite(server, draft.id, Role.delegation, "CUB"));
    await page.goto(`${server.url}/`);

    const entry = page.locator(".draft-entry", { hasText: draft.title });
    await entry.waitFor({ timeout: 10_000 });
    expect(await entry.locator(".draft-role").textContent()).toBe("Your role: Delegation of Cuba");
    expect(await entry.locator(".draft-agreed").textContent()).toBe(`0/${total} paragraphs agreed`);
    expect(await entry.locator(".draft-open").textContent()).toBe("No open brackets · No objections");
    const bar = entry.getByRole("progressbar", { name: `0/${total} paragraphs agreed` });
    expect(await bar.evaluate((node: HTMLProgressElement) => [node.value, node.max])).toEqual([0, total]);
    expect(await entry.getByRole("link", { name: draft.title }).getAttribute("href")).toBe(`/d/${draft.id}`);

    const chair = await connectStockClient(server, draft.id, { token: (await invite(server, draft.id, Role.chair)).token });
    const paragraph = textBlocks(chair.doc.getXmlFragment(TextRoot.content)).find((block) => block.type === BlockType.paragraph)!;
    declareAgreed(chair.doc, null, paragraph.pid!);
    await waitFor(() => server.drafts.get(draft.id), (listed) => listed?.progress?.agreed === 1, { what: "the agreement in the draft's summary" });

    await page.reload();
    await entry.locator(".draft-agreed", { hasText: `1/${total} paragraphs agreed` }).waitFor();
    expect(await entry.getByRole("progressbar", { name: `1/${total} paragraphs agreed` }).evaluate((node: HTMLProgressElement) => node.value)).toBe(1);
    await saveScreenshot(page, "drafts-page");
  });

  it("signs out from the drafts page to a message with no draft left, and the session no longer opens the drafts", async () => {
    const server = await startTestServer();
    const draft = await createDemoDraft(server.drafts);
    const browser = await launchBrowser();
    const page = await signInToSignOut(browser, server.url, await invite(server, draft.id, Role.observer));
    await page.goto(`${server.url}/`);
    await page.locator(".draft-entry .draft-role", { hasText: "Your role: Observer" }).waitFor({ timeout: 10_000 });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.locator(".drafts-message", { hasText: SIGNED_OUT }).waitFor({ timeout: 10_000 });
    expect(await page.locator("body").textContent()).not.toContain(draft.title);
    expect(await page.locator(".draft-entry").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(false);
    expect((await page.context().request.get(`${server.url}/api/drafts`)).status()).toBe(401);

    // A reload brings no draft back.
    await page.reload();
    await page.locator(".drafts-message", { hasText: "Open your invitation link to sign in." }).waitFor();
    expect(await page.locator("body").textContent()).not.toContain(draft.title);
    await saveScreenshot(page, "drafts-signed-out");
  });

  it("signs out from the editor's top bar, leaving the draft's text behind", async () => {
    const server = await startTestServer();
    const draft = await createDemoDraft(server.drafts);
    const chair = await signInToSignOut(await launchBrowser(), server.url, await invite(server, draft.id, Role.chair));
    await waitForEditor(chair, 10);
    expect(await chair.locator("#draft-title").textContent()).toBe(draft.title);

    await chair.getByRole("button", { name: "Sign out" }).click();
    await chair.waitForURL(`${server.url}/`);
    await chair.locator(".drafts-message", { hasText: SIGNED_OUT }).waitFor({ timeout: 10_000 });
    expect(await chair.locator(".draft-text").count()).toBe(0);
    expect(await chair.locator("#draft-title").textContent()).toBe("");
    expect(await chair.locator("body").textContent()).not.toContain(draft.title);
    expect((await chair.context().request.get(`${server.url}/api/drafts/${draft.id}`)).status()).toBe(401);
  });

  it("lets the chair open stances and comments to observers, and closing them again takes them off an observer's page at once", async () => {
    const server = await startTestServer();
    const draft = await createDemoDraft(server.drafts);
    const browser = await launchBrowser();
    const { page: chair } = await openSignedIn(browser, server.url, await invite(server, draft.id, Role.chair));
    await waitForEditor(chair, 10);
    await chair.goto(`${server.url}/`);
    const policy = chair.getByLabel("Observers see stances and comments");
    expect(await policy.isChecked()).toBe(false);
    await policy.check();
    await waitFor(async () => (await server.drafts.get(draft.id))?.observersReadFloor, (allowed) => allowed === true, { what: "the policy saved" });

    const salvador = await connectStockClient(server, draft.id, { token: (await invite(server, draft.id, Role.delegation, "SLV")).token, room: Room.floor });
    const reader = await connectStockClient(server, draft.id, { token: (await invite(server, draft.id, Role.observer)).token });
    const pid = textBlocks(reader.doc.getXmlFragment(TextRoot.content))[PARAGRAPH_5]!.pid!;
    setStance(salvador.doc, "SLV", pid, StanceKind.object, "The paragraph singles out military capabilities.");

    const { page: observer } = await openSignedIn(browser, server.url, await invite(server, draft.id, Role.observer));
    await waitForEditor(observer, 10);
    const panel = await openParagraphPanel(observer, PARAGRAPH_5);
    await panel.locator(".stance-list", { hasText: "SLV: object" }).waitFor();

    await policy.uncheck();
    await observer.locator("#notice", { hasText: "The chair closed stances and comments to observers" }).waitFor();
    await observer.locator('#connection[data-state="online"]').waitFor();
    await openParagraphPanel(observer, PARAGRAPH_5);
    expect(await observer.locator(".paragraph-panel .stance-list").count()).toBe(0);
  });
});
