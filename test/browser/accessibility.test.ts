/**
 * Accessibility (WCAG 2.1 AA): axe-core finds no serious or critical violation on the sign-in page,
 * the drafts page and the editor page, for the chair, a delegation and an observer, with the
 * editor showing a proposal, an objection and the paragraph panel open.
 */
import type { Browser, Page } from "playwright-core";
import { Role } from "../../shared/roles";
import { launchBrowser, objectTo, openPage, openParagraphPanel, openSignedIn, proposeReplacement, waitForEditor } from "../support/browser";
import { seriousViolations } from "../support/axe";
import { createDemoDraft } from "../../server/demo/createDemoDraft";
import { invite } from "../support/members";
import { startTestServer } from "../support/testServer";
import type { ConcordServer } from "../../server/ConcordServer";

/** Block 4 of the demo draft is paragraph 4; block 6 is paragraph 5. */
const PARAGRAPH_4 = 4;
const PARAGRAPH_5 = 6;

async function signIn(browser: Browser, server: ConcordServer, draftId: string, role: Role, state?: string): Promise<Page> {
  const { page } = await openSignedIn(browser, server.url, await invite(server, draftId, role, state));
  await waitForEditor(page, 10);
  return page;
}

describe("accessibility", () => {
  let server: ConcordServer;
  let browser: Browser;
  let draftId: string;

  beforeEach(async () => {
    server = await startTestServer();
    draftId = (await createDemoDraft(server.drafts)).id;
    browser = await launchBrowser();
  });

  it("has no serious or critical violation on the sign-in page", async () => {
    const { page } = await openPage(browser, `${server.url}${(await invite(server, draftId, Role.chair)).signInPath}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("has no serious or critical violation on the drafts and editor pages, for each role", async () => {
    const cuba = await signIn(browser, server, draftId, Role.delegation, "CUB");
    await proposeReplacement(cuba, PARAGRAPH_4, "open, secure, stable", "open, secure, stable and resilient");
    await objectTo(cuba, PARAGRAPH_5, "The paragraph singles out military capabilities.");
    const chair = await signIn(browser, server, draftId, Role.chair);
    const observer = await signIn(browser, server, draftId, Role.observer);

    for (const [who, page] of [["chair", chair], ["CUB", cuba], ["observer", observer]] as const) {
      await page.locator(".draft-text .proposal").first().waitFor();
      if (who !== "observer") await openParagraphPanel(page, PARAGRAPH_5);
      expect({ who, page: "editor", violations: await seriousViolations(page) }).toEqual({ who, page: "editor", violations: [] });
      await page.goto(`${server.url}/`);
      await page.locator(".drafts").waitFor();
      expect({ who, page: "drafts", violations: await seriousViolations(page) }).toEqual({ who, page: "drafts", violations: [] });
    }
  });
});
