/**
 * The holes of issue 14 as a browser meets them. A page on another port of the same host (same
 * site, so Chromium sends the chair's `SameSite=Lax` cookie along) or on another site cannot open
 * the chair's sockets (acceptance 2); a cross-site page auto-submitting the sign-in form of the
 * attacker's link leaves the victim's session as it was (acceptance 3); every page, for every role,
 * comes with the security headers and runs under its content security policy without a single
 * violation (acceptance 4: `openPage` fails the test on any).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page, Response } from "playwright-core";
import { CloseCode } from "../../shared/closeCodes";
import { Room } from "../../shared/documentLayout";
import { Role } from "../../shared/roles";
import { createDemoDraft } from "../../server/demo/createDemoDraft";
import { launchBrowser, openPage, openSignedIn, waitForEditor } from "../support/browser";
import { onTestEnd } from "../support/cleanup";
import { invite, organizer } from "../support/members";
import { startTestServer } from "../support/testServer";

/** Serves one attacker's page on a port of its own; resolves with its port. */
async function attackerSite(html: string): Promise<number> {
  const site = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  onTestEnd(() => new Promise<void>((resolve) => site.close(() => resolve())));
  return (site.address() as AddressInfo).port;
}

/** Who the page's session belongs to, asked from the page itself. */
function whoAmI(page: Page): Promise<string> {
  return page.evaluate(async () => ((await (await fetch("/api/me")).json()) as { user: { name: string } }).user.name);
}

/** The headers every document must come with. */
function expectSecurityHeaders(response: Response | null, what: string): Promise<void> {
  return response!.allHeaders().then((headers) => {
    expect({ what, csp: headers["content-security-policy"] }).toEqual({ what, csp: expect.stringContaining("frame-ancestors 'none'") });
    expect({ what, csp: headers["content-security-policy"] }).toEqual({ what, csp: expect.stringContaining("script-src 'self'") });
    expect({ what, nosniff: headers["x-content-type-options"], referrer: headers["referrer-policy"] }).toEqual({ what, nosniff: "nosniff", referrer: "no-referrer" });
  });
}

describe("pages of another origin", () => {
  it("cannot open the chair's sockets from another port of the same host or from another site", async () => {
    const server = await startTestServer();
    const draft = await createDemoDraft(server.drafts);
    const browser = await launchBrowser();
    const { context } = await openSignedIn(browser, server.url, await invite(server, draft.id, Role.chair));
    const socketUrl = `${server.url.replace(/^http/, "ws")}/sync/${draft.id}/${Room.floor}`;
    const port = await attackerSite(`<!doctype html><title>…</title><script>
      const socket = new WebSocket(${JSON.stringify(socketUrl)});
      let frames = 0;
      socket.onmessage = () => (frames += 1);
      socket.onclose = (event) => (document.title = JSON.stringify({ code: event.code, reason: event.reason, frames }));
    </script>`);
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const attacker = await context.newPage();
      await attacker.goto(`${origin}/`);
      await attacker.waitForFunction(() => document.title.startsWith("{"));
      expect({ origin, closed: JSON.parse(await attacker.title()) }).toEqual({ origin, closed: { code: CloseCode.originRefused.code, reason: CloseCode.originRefused.reason, frames: 0 } });
      await attacker.close();
    }
  });

  it("cannot swap the victim's session for the attacker's by auto-submitting the sign-in form of the attacker's link", async () => {
    const server = await startTestServer();
    const draft = await createDemoDraft(server.drafts);
    const browser = await launchBrowser();
    const chair = await invite(server, draft.id, Role.chair);
    const { context, page: victim } = await openSignedIn(browser, server.url, chair);
    await waitForEditor(victim);
    expect(await whoAmI(victim)).toBe(chair.user.name);
    const attackersLink = await invite(server, draft.id, Role.delegation, "CUB");
    const form = `<form method="post" action="${server.url}${attackersLink.signInPath}"></form><script>document.forms[0].submit()</script>`;
    const plain = await attackerSite(`<!doctype html>${form}`);
    // Without a referrer the browser sends `Origin: null`; Sec-Fetch-Site still says cross-site.
    const noReferrer = await attackerSite(`<!doctype html><meta name="referrer" content="no-referrer">${form}`);
    for (const origin of [`http://localhost:${plain}`, `http://127.0.0.1:${plain}`, `http://localhost:${noReferrer}`]) {
      const attacker = await context.newPage();
      const answer = attacker.waitForResponse((response) => response.url().includes(attackersLink.signInPath) && response.request().method() === "POST");
      await attacker.goto(`${origin}/`);
      expect({ origin, status: (await answer).status() }).toEqual({ origin, status: 403 });
      await attacker.close();
      await assertSessionUnchanged(context, victim, chair.user.name);
    }
    // The attacker's link was not spent by any of it.
    expect((await fetch(`${server.url}${attackersLink.signInPath}`, { method: "POST", redirect: "manual" })).status).toBe(303);
  });
});

async function assertSessionUnchanged(context: BrowserContext, victim: Page, name: string): Promise<void> {
  expect(await whoAmI(victim)).toBe(name);
  expect((await context.cookies()).filter((cookie) => cookie.name === "concord_session")).toHaveLength(1);
}

describe("the content security policy", () => {
  it("holds on every page for every role, with no violation", async () => {
    const server = await startTestServer();
    const draft = await createDemoDraft(server.drafts);
    const browser = await launchBrowser();
    const members = [
      ["chair", await invite(server, draft.id, Role.chair)],
      ["delegation", await invite(server, draft.id, Role.delegation, "CUB")],
      ["observer", await invite(server, draft.id, Role.observer)],
    ] as const;
    const documents: Array<[string, Response]> = [];
    for (const [role, invitation] of members) {
      const { page } = await openSignedIn(browser, server.url, invitation, {
        prepare: (page) => page.on("response", (response) => (response.request().isNavigationRequest() ? documents.push([role, response]) : undefined)),
      });
      await waitForEditor(page, 10);
      if (role === "chair") {
        await page.getByRole("button", { name: "Audit log" }).click();
        await page.locator(".audit-status", { hasText: /newest first|Nothing recorded/ }).waitFor();
      }
      await page.getByRole("button", { name: "Export" }).first().click();
      await expectSecurityHeaders(await page.goto(`${server.url}/`), `${role}: the drafts page`);
      await page.locator(`a[href="/d/${draft.id}"]`).first().waitFor();
      await expectSecurityHeaders(await page.reload(), `${role}: the drafts page, reloaded`);
    }
    const secretariat = await organizer(server);
    const { page: desk } = await openPage(browser, `${server.url}${secretariat.signInPath}`);
    await desk.locator("#sign-in").click();
    await desk.waitForURL(`${server.url}/`);
    await desk.getByText("New draft", { exact: true }).click();
    await desk.getByRole("form", { name: "New draft" }).getByLabel("Title").waitFor();
    // The sign-in page, the answer to its form and the editor each member landed on.
    expect(documents.length).toBeGreaterThanOrEqual(3 * members.length);
    for (const [role, response] of documents) await expectSecurityHeaders(response, `${role}: ${response.url()}`);
  });
});
