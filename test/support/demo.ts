/**
 * The demo draft on a test server, with a browser in which members sign in by their invitation
 * links: `const { member } = await openDemo(); const chair = await member(Role.chair);`.
 */
import type { Page } from "playwright-core";
import { createDemoDraft } from "../../server/demo/createDemoDraft";
import type { Role } from "../../shared/roles";
import { launchBrowser, openSignedIn, waitForEditor } from "./browser";
import { invite } from "./members";
import type { ServerOptions } from "../../server/ConcordServer";
import { startTestServer } from "./testServer";

/** Blocks the demo draft's editor shows at least, once synced. */
const DEMO_MIN_BLOCKS = 10;

/** Starts a server (with `options`) holding the demo draft, and a browser; `member` signs a new member in and waits for the editor. */
export async function openDemo(options: ServerOptions = {}) {
  const server = await startTestServer(options);
  const draft = await createDemoDraft(server.drafts);
  const browser = await launchBrowser();
  const member = async (role: Role, state?: string, prepare?: (page: Page) => void): Promise<Page> => {
    const { page } = await openSignedIn(browser, server.url, await invite(server, draft.id, role, state), { prepare });
    await waitForEditor(page, DEMO_MIN_BLOCKS);
    return page;
  };
  return { server, draft, member };
}
