/**
 * Acceptance 1 of issue 11, in Chromium: the secretariat runs a negotiation from the browser. The
 * organizer account that the first start printed signs in, creates a draft from seed 004 as a Word
 * file after checking the import's preview, and invites a chair, Cuba and an observer from the page;
 * each signs in with the link the page gave, in a browser of their own, and has the right role.
 * Nothing is done on the command line after the server started.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { seriousViolations } from "../support/axe";
import { launchBrowser, openPage, openSignedIn, saveScreenshot, type PageOptions } from "../support/browser";
import { startServerProcess } from "../support/serverProcess";
import { Role } from "../../shared/roles";
import { invite, organizer } from "../support/members";
import { startTestServer, tempDataDir } from "../support/testServer";
import { waitFor } from "../support/waitFor";

const SEED_004_DOCX = path.resolve(__dirname, "..", "fixtures", "import", "seed-004.docx");

/** The title seed 004 gives itself. */
const TITLE = "National Opinion of El Salvador";

/** Signs in with `link` in a browser context of its own and returns the page where the link led. */
async function signInWith(browser: Browser, link: string, options: PageOptions = {}): Promise<Page> {
  const { page } = await openPage(browser, link, options);
  await page.locator("#sign-in").click();
  await page.waitForURL((url) => url.pathname !== new URL(link).pathname);
  return page;
}

/** Invites a member from the Members panel and returns the invitation card the page shows. */
async function inviteFromPage(panel: ReturnType<Page["locator"]>, role: string, name: string, state?: string) {
  const form = panel.locator(".invite-form");
  await form.getByLabel("Role").selectOption({ label: role });
  if (state) await form.getByLabel("State").selectOption({ label: state });
  await form.getByLabel("Name (optional)").fill(name);
  await form.getByRole("button", { name: "Invite" }).click();
  const card = panel.locator(".invitation-card", { hasText: name }).first();
  await card.waitFor({ timeout: 10_000 });
  return card;
}

describe("the secretariat's desk", () => {
  it("creates a draft from a Word file after its preview, invites a chair, Cuba and an observer from the page, and each signs in with the role given", async () => {
    const dataDir = tempDataDir();
    const server = await startServerProcess(dataDir, "start");
    await waitFor(() => server.output(), (output) => /Secretariat\s+http/.test(output), { what: "the organizer's sign-in link" });
    const organizerLink = /Secretariat\s+(http:\/\/\S+)/.exec(server.output())![1]!;
    const browser = await launchBrowser();

    const desk = await signInWith(browser, organizerLink);
    expect(new URL(desk.url()).pathname).toBe("/");
    await desk.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });

    // The New draft form, from a file, with the import's preview before anything is created.
    await desk.getByText("New draft", { exact: true }).click();
    const form = desk.getByRole("form", { name: "New draft" });
    await form.getByLabel("A file").check();
    await form.getByLabel("File to import").setInputFiles(SEED_004_DOCX);
    const preview = form.getByRole("region", { name: "Import preview" });
    await preview.waitFor({ timeout: 20_000 });
    expect(await preview.locator(".preview-title").textContent()).toBe(`Title found: ${TITLE}`);
    const blocks = await preview.locator(".preview-block").evaluateAll((items) =>
      items.map((item) => ({ type: (item as HTMLElement).dataset["type"], marker: item.querySelector(".preview-marker")!.textContent, words: item.querySelector(".preview-words")!.textContent })),
    );
    // Front matter is unnumbered; headings keep their words; sub-items restart their lettering under each heading.
    expect(blocks[0]).toEqual({ type: "preamble", marker: "Front matter", words: "Courtesy translation" });
    const structure = blocks.findIndex((block) => block.type === "heading" && block.words === "3. Structure:");
    expect(structure).toBeGreaterThan(0);
    expect(blocks.slice(structure + 1, structure + 3).map((block) => [block.type, block.marker])).toEqual([
      ["subitem", "(a)"],
      ["subitem", "(b)"],
    ]);
    const numbered = blocks.filter((block) => block.type === "paragraph");
    expect(numbered.map((block) => block.marker)).toEqual(["1.", "2."]);
    expect(numbered[0]!.words).toMatch(/^In order to advance in the implementation of the POA/);
    expect(blocks.filter((block) => block.type === "heading").map((block) => block.words)).toEqual(
      expect.arrayContaining(["1. Introduction", "2. Goals and Scope", "3. Structure:", "6. Reports to the POA"]),
    );
    expect(await preview.locator(".preview-footnotes li").first().textContent()).toBe("Para 19 General Assembly Resolution A/68/98");
    expect(await preview.locator(".preview-counts").textContent()).toBe("8 headings · 2 numbered paragraphs · 11 sub-items · 1 unnumbered block (front matter) · 2 footnotes");
    await saveScreenshot(desk, "secretariat-preview");
    expect(await seriousViolations(desk)).toEqual([]);

    expect(await form.getByLabel("Title").inputValue()).toBe(TITLE);
    await form.getByLabel("Document symbol (optional)").fill("A/AC.292/2026/CRP.4");
    await form.getByLabel("Language of the text").selectOption("en");
    await form.getByLabel("Revision label (optional)").fill("Zero draft");
    expect(await form.getByLabel("Least silence notice, in hours").inputValue()).toBe("72");
    await form.getByRole("button", { name: "Create draft" }).click();
    await form.locator(".new-draft-status", { hasText: `Created “${TITLE}”.` }).waitFor({ timeout: 10_000 });

    // The organizer chairs the new draft and administers its members from the page.
    const entry = desk.locator(".draft-entry", { hasText: TITLE });
    await entry.locator(".draft-role", { hasText: "Your role: Chair" }).waitFor();
    expect(await entry.locator(".draft-symbol").textContent()).toBe("A/AC.292/2026/CRP.4");
    await entry.getByText("Members", { exact: true }).click();
    const panel = entry.locator(".members-panel");
    await panel.locator(".member-row", { hasText: "Secretariat" }).waitFor();

    const chairCard = await inviteFromPage(panel, "Chair", "Ambassador Rivera");
    const chairLink = await chairCard.getByLabel("Sign-in link (works once)").inputValue();
    await chairCard.getByRole("button", { name: "Copy link" }).click();
    await chairCard.getByText("The link copied.").waitFor();
    expect(await desk.evaluate(() => navigator.clipboard.readText())).toBe(chairLink);

    const cubaCard = await inviteFromPage(panel, "Delegation", "Delegation of Cuba", "Cuba (CUB)");
    await cubaCard.getByRole("button", { name: "Copy invitation" }).click();
    await cubaCard.getByText("The invitation copied.").waitFor();
    const cubaInvitation = await desk.evaluate(() => navigator.clipboard.readText());
    expect(cubaInvitation).toContain(`“${TITLE}” (A/AC.292/2026/CRP.4)`);
    const cubaLink = /Open this link and press Sign in: (\S+)/.exec(cubaInvitation)![1]!;

    const observerCard = await inviteFromPage(panel, "Observer", "Academia observer");
    const observerLink = await observerCard.getByLabel("Sign-in link (works once)").inputValue();
    await saveScreenshot(desk, "secretariat-members");
    expect(await seriousViolations(desk)).toEqual([]);

    // Each signs in with the link the page gave, in a browser of their own, and has the role given.
    const signedIn: Record<string, string> = {};
    for (const [who, link, expected] of [
      ["chair", chairLink, { name: "Ambassador Rivera", role: "chair", state: null }],
      ["Cuba", cubaLink, { name: "Delegation of Cuba", role: "delegation", state: "CUB" }],
      ["observer", observerLink, { name: "Academia observer", role: "observer", state: null }],
    ] as const) {
      expect(link.startsWith(`${server.url}/signin/`)).toBe(true);
      const page = await signInWith(browser, link);
      const draftId = /\/d\/([a-z0-9]+)$/.exec(page.url())?.[1];
      expect(draftId).toBeDefined();
      await page.locator('#connection[data-state="online"]').waitFor({ timeout: 10_000 });
      expect(await page.locator("#draft-title").textContent()).toContain(TITLE);
      const me = (await (await page.context().request.get(`${server.url}/api/drafts/${draftId}`)).json()).me;
      expect({ who, me }).toEqual({ who, me: expected });
      expect(await page.locator("#me").textContent()).toBe(`${expected.name} (${expected.state ?? expected.role})`);
      signedIn[who] = draftId!;
    }
    expect(new Set(Object.values(signedIn)).size).toBe(1);

    // The desk sees who has signed in.
    await entry.getByText("Members", { exact: true }).click();
    await entry.getByText("Members", { exact: true }).click();
    for (const name of ["Ambassador Rivera", "Delegation of Cuba", "Academia observer"]) {
      await panel.locator(".member-row", { hasText: name }).locator(".member-signed-in", { hasText: /^Signed in / }).waitFor();
    }
    expect(await panel.locator(".member-row", { hasText: "Delegation of Cuba" }).locator(".member-role").textContent()).toBe("Delegation of Cuba");
  }, 180_000);
});

describe("the New draft form's errors", () => {
  it("shows each refusal beside its field, tied to it for screen readers, and a refused file's reason beside the file", async () => {
    const server = await startTestServer();
    const { signInPath } = await organizer(server);
    const browser = await launchBrowser();
    const refusedFile = /the server responded with a status of 415/;
    const desk = await signInWith(browser, `${server.url}${signInPath}`, { expectedErrors: [refusedFile] });
    const summary = desk.getByText("New draft", { exact: true });
    await summary.focus();
    await desk.keyboard.press("Enter");
    const form = desk.getByRole("form", { name: "New draft" });
    const title = form.getByLabel("Title");
    await title.waitFor();

    await form.getByLabel("Least silence notice, in hours").fill("1000");
    await form.getByRole("button", { name: "Create draft" }).press("Enter");
    await form.getByText("Give the draft a title.").waitFor();
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    expect(await title.evaluate((input) => document.getElementById(input.getAttribute("aria-describedby")!.split(" ")[0]!)?.textContent)).toBe("Give the draft a title.");
    expect(await title.evaluate((input) => input === document.activeElement)).toBe(true);
    await form.getByText("A whole number of hours from 0 to 720.").waitFor();

    await form.getByLabel("A file").check();
    await form.getByLabel("File to import").setInputFiles({ name: "report.docx", mimeType: "application/octet-stream", buffer: Buffer.concat([Buffer.from("\x7fELF"), Buffer.alloc(300)]) });
    const refusal = form.locator(".field", { has: desk.getByLabel("File to import") }).locator(".field-error");
    await refusal.filter({ hasText: /not a text, Markdown or Word file/ }).waitFor({ timeout: 10_000 });
    expect(await form.getByRole("region", { name: "Import preview" }).count()).toBe(0);
    expect(await server.drafts.list()).toEqual([]);
  }, 90_000);
});

describe("the Members panel", () => {
  it("lets a chair change a member's role and revoke it from the page, by keyboard", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Chaired draft" });
    const cuba = await invite(server, draft.id, Role.delegation, "CUB");
    const browser = await launchBrowser();
    const { page: chair } = await openSignedIn(browser, server.url, await invite(server, draft.id, Role.chair));
    await chair.goto(`${server.url}/`);
    const entry = chair.locator(".draft-entry", { hasText: "Chaired draft" });
    expect(await chair.getByText("New draft", { exact: true }).count()).toBe(0);
    await entry.getByText("Members", { exact: true }).focus();
    await chair.keyboard.press("Enter");
    const row = entry.locator(".member-row", { hasText: "CUB" });
    expect(await row.locator(".member-role").textContent()).toBe("Delegation of Cuba");
    expect(await row.locator(".member-signed-in").textContent()).toBe("Not signed in yet");

    await row.getByRole("button", { name: "Change role of CUB" }).press("Enter");
    const role = row.getByLabel("Role");
    expect(await role.evaluate((select) => select === document.activeElement)).toBe(true);
    await role.selectOption("observer");
    expect(await row.getByLabel("State").isVisible()).toBe(false);
    await row.getByRole("button", { name: "Save role" }).press("Enter");
    await row.locator(".member-role", { hasText: "Observer" }).waitFor();
    await waitFor(() => server.storage.identity.getMembership(cuba.membership.id), (membership) => membership?.role === Role.observer, { what: "the new role stored" });

    await row.getByRole("button", { name: "Revoke CUB" }).press("Enter");
    await row.locator(".member-signed-in", { hasText: /^Revoked / }).waitFor();
    expect(await row.getByRole("button").count()).toBe(0);
    expect((await server.storage.identity.getMembership(cuba.membership.id))?.revokedAt).not.toBeNull();
  }, 90_000);
});
