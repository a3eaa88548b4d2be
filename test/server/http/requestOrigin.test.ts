/**
 * Pages of another origin may not act with a member's cookie (issue 14, item 2 and 3): a sync socket
 * opened by another site's page, or by a page on another port of the same host (same site, so the
 * `SameSite=Lax` cookie still goes along), is closed with `origin-refused` before it reads anything;
 * a REST write or a sign-in from such a page is a 403. Scripts, which send no `Origin`, still work.
 */
import WebSocket from "ws";
import { CloseCode } from "../../../shared/closeCodes";
import { membersPath } from "../../../shared/appPaths";
import { Room } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import type { ConcordServer } from "../../../server/ConcordServer";
import { captureLog } from "../../support/capturedLog";
import { onTestEnd } from "../../support/cleanup";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer, syncBase } from "../../support/testServer";

/** Signs in by link as a script would (no `Origin`) and returns the session cookie. */
async function sessionCookie(server: ConcordServer, signInPath: string): Promise<string> {
  const response = await fetch(`${server.url}${signInPath}`, { method: "POST", redirect: "manual" });
  expect(response.status).toBe(303);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

/** Opens a socket on a room with `headers`; resolves with the close, and the frames received before it. */
function openSocket(url: string, headers: Record<string, string>): Promise<{ code: number; reason: string; frames: number }> {
  const socket = new WebSocket(url, { headers });
  onTestEnd(() => socket.terminate());
  let frames = 0;
  socket.on("message", () => (frames += 1));
  socket.on("error", () => undefined);
  return new Promise((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: reason.toString(), frames })));
}

/** Resolves true once the socket received a frame (it was admitted), false if it closed first. */
function admitted(url: string, headers: Record<string, string>): Promise<boolean> {
  const socket = new WebSocket(url, { headers });
  onTestEnd(() => socket.terminate());
  socket.on("error", () => undefined);
  return new Promise((resolve) => {
    socket.once("message", () => resolve(true));
    socket.once("close", () => resolve(false));
  });
}

async function chairSession(publicUrl?: string) {
  const server = await startTestServer({ publicUrl });
  const draft = await server.drafts.create({ title: "Origins" });
  const chair = await invite(server, draft.id, Role.chair);
  const cookie = await sessionCookie(server, chair.signInPath);
  const port = Number(new URL(server.url).port);
  return { server, draft, chair, cookie, otherPort: port === 65535 ? port - 1 : port + 1 };
}

describe("the Origin of a sync socket", () => {
  it("refuses another site's page carrying the chair's cookie, before it reads the floor", async () => {
    const { server, draft, cookie } = await chairSession();
    const log = captureLog();
    const closed = await openSocket(`${syncBase(server, draft.id)}/${Room.floor}`, { cookie, origin: "https://attacker.example" });
    expect(closed).toEqual({ code: CloseCode.originRefused.code, reason: CloseCode.originRefused.reason, frames: 0 });
    expect(log.lines()).toContainEqual(expect.objectContaining({ event: "origin-refused", code: CloseCode.originRefused.code, origin: "https://attacker.example" }));
  });

  it("refuses a page on another port of the same host (same site, other origin) carrying the chair's cookie", async () => {
    const { server, draft, cookie, otherPort } = await chairSession();
    const sameSite = `http://127.0.0.1:${otherPort}`;
    const closed = await openSocket(`${syncBase(server, draft.id)}/${Room.floor}`, { cookie, origin: sameSite });
    expect(closed.code).toBe(CloseCode.originRefused.code);
    expect(closed.frames).toBe(0);
    // Browsers that send Sec-Fetch-Site on the handshake are refused by it too.
    const bySite = await openSocket(`${syncBase(server, draft.id)}/${Room.text}`, { cookie, origin: server.url, "sec-fetch-site": "same-site" });
    expect(bySite.code).toBe(CloseCode.originRefused.code);
  });

  it("admits the server's own page, a page of its public URL, and a cookie with no Origin at all", async () => {
    const { server, draft, cookie } = await chairSession("https://concord.example.org");
    const room = `${syncBase(server, draft.id)}/${Room.text}`;
    expect(await admitted(room, { cookie, origin: server.url })).toBe(true);
    expect(await admitted(room, { cookie, origin: "https://concord.example.org" })).toBe(true);
    expect(await admitted(room, { cookie })).toBe(true);
  });

  it("admits the stock y-websocket client with ?token= and no Origin, which syncs as before", async () => {
    const { server, draft, chair } = await chairSession();
    const client = await connectStockClient(server, draft.id, { token: chair.token });
    expect(client.provider.synced).toBe(true);
  });
});

describe("the Origin of a REST write", () => {
  it("refuses a write from another site's or another port's page with 403, and lets the write through from the server's own page and from scripts", async () => {
    const { server, draft, chair, cookie, otherPort } = await chairSession();
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}${membersPath(draft.id)}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ role: "observer" }) });
    const foreign = await post({ cookie, origin: "https://attacker.example" });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error).toBe("foreign-origin");
    expect((await post({ cookie, origin: `http://127.0.0.1:${otherPort}` })).status).toBe(403);
    expect((await post({ cookie, "sec-fetch-site": "cross-site" })).status).toBe(403);
    // A sandboxed frame or a data: page sends `Origin: null`.
    expect((await post({ cookie, origin: "null" })).status).toBe(403);

    expect((await post({ cookie, origin: server.url, "sec-fetch-site": "same-origin" })).status).toBe(201);
    // A same-origin form under `Referrer-Policy: no-referrer` sends `Origin: null`, and says same-origin.
    expect((await post({ cookie, origin: "null", "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await post({ authorization: `Bearer ${chair.token}` })).status).toBe(201);
    expect((await post({ cookie })).status).toBe(201);
    // Reads are not writes: a GET from anywhere is answered (the browser keeps it from the foreign page).
    expect((await fetch(`${server.url}${membersPath(draft.id)}`, { headers: { cookie, origin: "https://attacker.example" } })).status).toBe(200);
  });

  it("refuses a sign-in posted by another site's page, and leaves the link unspent", async () => {
    const { server, draft } = await chairSession();
    const attacker = await invite(server, draft.id, Role.delegation, "CUB");
    const link = `${server.url}${attacker.signInPath}`;
    const crossSite = await fetch(link, { method: "POST", redirect: "manual", headers: { origin: "https://attacker.example", "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    // The same page's own form: `Origin: null` under no-referrer, but same-origin.
    const own = await fetch(link, { method: "POST", redirect: "manual", headers: { origin: "null", "sec-fetch-site": "same-origin" } });
    expect(own.status).toBe(303);
  });
});
