/**
 * What one address may cost the server (issue 14, items 6–8): a client that sends its headers a
 * line at a time is cut off; one address cannot hold more than its share of connections, nor of
 * connections that never sign in; guessing sign-in links or tokens is answered 429 with
 * `Retry-After`; a path the static files refuse is a quiet 404 that logs no error.
 */
import net from "node:net";
import WebSocket from "ws";
import { Room } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import type { ConcordServer } from "../../../server/ConcordServer";
import { trustProxies } from "../../../server/http/clientAddress";
import { DEFAULT_HTTP_LIMITS } from "../../../server/http/httpLimits";
import { TOKEN_PARAM } from "../../../server/identity/authenticate";
import { openRaw } from "../../support/attacker";
import { captureLog } from "../../support/capturedLog";
import { onTestEnd } from "../../support/cleanup";
import { invite } from "../../support/members";
import { startTestServer, syncBase } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

/** A raw TCP connection to the server, with what it read and whether the server closed it. */
async function rawConnection(server: ConcordServer): Promise<{ socket: net.Socket; read: () => string; closed: () => boolean }> {
  const { port } = new URL(server.url);
  const socket = net.connect(Number(port), "127.0.0.1");
  onTestEnd(() => socket.destroy());
  let read = "";
  let closed = false;
  socket.on("data", (chunk: Buffer) => (read += chunk.toString()));
  socket.on("close", () => (closed = true));
  socket.on("error", () => undefined);
  await new Promise((resolve) => socket.once("connect", resolve));
  return { socket, read: () => read, closed: () => closed };
}

type RawConnection = Awaited<ReturnType<typeof rawConnection>>;

/** The status a socket handshake with `token` is answered with: 101 when upgraded, else the HTTP status. */
function handshakeStatus(server: ConcordServer, draftId: string, token: string): Promise<number> {
  const socket = new WebSocket(`${syncBase(server, draftId)}/${Room.text}?${TOKEN_PARAM}=${encodeURIComponent(token)}`);
  onTestEnd(() => socket.terminate());
  socket.on("error", () => undefined);
  return new Promise((resolve) => {
    socket.once("upgrade", () => resolve(101));
    socket.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
  });
}

describe("slow clients", () => {
  it("closes a connection that sends its headers one line at a time past the headers timeout, with 408", async () => {
    const server = await startTestServer({ limits: { headersTimeoutMs: 1000 } });
    const slow = await rawConnection(server);
    slow.socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const drip = setInterval(() => {
      if (!slow.closed()) slow.socket.write(`X-Drip-${Date.now()}: 1\r\n`);
    }, 200);
    onTestEnd(() => clearInterval(drip));
    await waitFor(slow.closed, Boolean, { timeoutMs: 20_000, what: "the server to close the slow connection" });
    expect(slow.read()).toMatch(/^HTTP\/1\.1 408/);
  });

  it("sets a headers timeout well under Node's 60 s and a request timeout long enough for a 10 MB import on a 400 kbit/s line", () => {
    expect(DEFAULT_HTTP_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(20_000);
    expect(DEFAULT_HTTP_LIMITS.requestTimeoutMs).toBeGreaterThanOrEqual((10 * 1024 * 1024 * 8) / 400_000 * 1000);
  });
});

describe("connections per address", () => {
  it("answers 429 to a connection beyond the address's cap, and takes it again once one closes", async () => {
    const server = await startTestServer({ limits: { maxConnectionsPerAddress: 6, maxUnauthenticatedPerAddress: 6 } });
    const log = captureLog();
    const held: RawConnection[] = [];
    for (let i = 0; i < 6; i++) held.push(await rawConnection(server));
    const refused = await rawConnection(server);
    await waitFor(refused.closed, Boolean, { what: "the seventh connection to be closed" });
    expect(refused.read()).toMatch(/^HTTP\/1\.1 429 Too Many Requests\r\nRetry-After: \d+/);
    expect(refused.read()).toContain("Too many connections are open from your address");
    expect(log.lines()).toContainEqual(expect.objectContaining({ level: "warn", event: "connection-capped", address: "127.0.0.1", open: 6 }));
    // The ones held are still served.
    held[0]!.socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await waitFor(() => held[0]!.read(), (read) => read.includes('{"ok":true}'), { what: "a held connection to be served" });

    held[1]!.socket.destroy();
    await waitFor(() => held[1]!.closed(), Boolean);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await rawConnection(server);
    again.socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await waitFor(() => again.read(), (read) => read.includes('{"ok":true}'), { what: "a new connection to be served once one closed" });
  });

  it("caps the connections that have not signed in apart from those that have", async () => {
    const server = await startTestServer({ limits: { maxConnectionsPerAddress: 20, maxUnauthenticatedPerAddress: 3 } });
    const draft = await server.drafts.create({ title: "Caps" });
    const chair = await invite(server, draft.id, Role.chair);
    // Three members' sockets, authenticated: they leave room for three that are not.
    for (let i = 0; i < 3; i++) expect((await openRaw(server, draft.id, Room.text, chair.token)).socket.readyState).toBe(WebSocket.OPEN);
    const idle: RawConnection[] = [];
    for (let i = 0; i < 3; i++) idle.push(await rawConnection(server));
    const fourth = await rawConnection(server);
    await waitFor(fourth.closed, Boolean, { what: "a fourth unauthenticated connection to be closed" });
    expect(fourth.read()).toMatch(/^HTTP\/1\.1 429/);
    expect(idle.some((connection) => connection.closed())).toBe(false);
  });
});

describe("guessing", () => {
  it("answers 429 with Retry-After once an address has failed too many sign-ins, even for a good link, and logs it once", async () => {
    const server = await startTestServer();
    const log = captureLog();
    const draft = await server.drafts.create({ title: "Guesses" });
    const good = await invite(server, draft.id, Role.chair);
    for (let i = 0; i < DEFAULT_HTTP_LIMITS.maxFailuresPerWindow; i++) {
      expect((await fetch(`${server.url}/signin/guess-${i}`, { method: "POST", redirect: "manual" })).status).toBe(410);
    }
    const blocked = await fetch(`${server.url}${good.signInPath}`, { method: "POST", redirect: "manual" });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.json()).toEqual({ error: "too-many-failures", reason: "too-many-failures", values: { minutes: expect.any(Number) }, message: expect.stringMatching(/^Too many failed sign-ins or unknown tokens from your address; try again in \d+ minute/) });
    // The API and the socket handshake are closed to the address too, its good token included.
    expect((await fetch(`${server.url}/api/drafts`, { headers: { authorization: `Bearer ${good.token}` } })).status).toBe(429);
    expect(await handshakeStatus(server, draft.id, good.token)).toBe(429);
    expect(log.lines().filter((line) => line.event === "rate-limited")).toEqual([expect.objectContaining({ level: "warn", address: "127.0.0.1" })]);
  });

  it("counts unknown tokens on the socket and the API alike, and not requests that carry none", async () => {
    const server = await startTestServer({ limits: { maxFailuresPerWindow: 4 } });
    const draft = await server.drafts.create({ title: "Tokens" });
    const good = await invite(server, draft.id, Role.observer);
    // Signed-out pages ask without a credential: that is not a guess.
    for (let i = 0; i < 10; i++) expect((await fetch(`${server.url}/api/me`)).status).toBe(401);
    expect(await handshakeStatus(server, draft.id, good.token)).toBe(101);
    for (let i = 0; i < 2; i++) expect(await handshakeStatus(server, draft.id, `guess-${i}`)).toBe(101);
    for (let i = 0; i < 2; i++) expect((await fetch(`${server.url}/api/drafts`, { headers: { authorization: `Bearer guess-${i}` } })).status).toBe(401);
    await waitFor(() => handshakeStatus(server, draft.id, good.token), (status) => status === 429, { what: "the handshake to be refused" });
    expect((await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${good.token}` } })).status).toBe(429);
  });
});

describe("behind a trusted reverse proxy", () => {
  it("counts each forwarded client's failures apart, and does not cap the proxy's own connections", async () => {
    onTestEnd(trustProxies(["127.0.0.1"]));
    const server = await startTestServer({ limits: { maxFailuresPerWindow: 2, maxConnectionsPerAddress: 2, maxUnauthenticatedPerAddress: 2 } });
    const guess = (client: string) => fetch(`${server.url}/signin/guess`, { method: "POST", redirect: "manual", headers: { "x-forwarded-for": `${client}, 127.0.0.1` } });
    expect([(await guess("203.0.113.7")).status, (await guess("203.0.113.7")).status]).toEqual([410, 410]);
    expect((await guess("203.0.113.7")).status).toBe(429);
    expect((await guess("203.0.113.8")).status).toBe(410);
    const held: RawConnection[] = [];
    for (let i = 0; i < 4; i++) held.push(await rawConnection(server));
    held[3]!.socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await waitFor(() => held[3]!.read(), (read) => read.includes('{"ok":true}'), { what: "the proxy's fourth connection to be served" });
  });

  it("believes no X-Forwarded-For from a peer it does not trust", async () => {
    const server = await startTestServer({ limits: { maxFailuresPerWindow: 2 } });
    const guess = (client: string) => fetch(`${server.url}/signin/guess`, { method: "POST", redirect: "manual", headers: { "x-forwarded-for": client } });
    await guess("203.0.113.7");
    await guess("203.0.113.8");
    expect((await guess("203.0.113.9")).status).toBe(429);
  });
});

describe("refused asset paths", () => {
  it("answers a traversal through the assets with a quiet 404 and logs no error", async () => {
    const server = await startTestServer();
    const log = captureLog();
    for (const path of ["/assets/..%2F..%2Fpackage.json", "/assets/..%2f..%2f..%2fetc%2fpasswd", "/assets/%E0%A4%A"]) {
      const response = await fetch(`${server.url}${path}`);
      expect([400, 404]).toContain(response.status);
      expect(await response.text()).not.toMatch(/at |Error|"name"/);
    }
    expect(log.lines().filter((line) => line.level === "error")).toEqual([]);
  });
});

describe("the log", () => {
  it("writes sign-ins and refusals as JSON lines that never hold the link, the token or the cookie", async () => {
    const server = await startTestServer();
    const log = captureLog();
    const draft = await server.drafts.create({ title: "Logged" });
    const member = await invite(server, draft.id, Role.delegation, "CUB");
    const signedIn = await fetch(`${server.url}${member.signInPath}`, { method: "POST", redirect: "manual" });
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    await fetch(`${server.url}${member.signInPath}`, { method: "POST", redirect: "manual" });
    await fetch(`${server.url}/api/drafts`, { method: "POST", headers: { cookie, origin: "https://attacker.example", "content-type": "application/json" }, body: "{}" });
    await openRaw(server, draft.id, Room.text, "not-a-token");
    const events = log.lines().map((line) => line.event);
    expect(events).toEqual(expect.arrayContaining(["sign-in", "sign-in-refused", "credential-refused", "origin-refused", "socket-closed"]));
    expect(log.lines().find((line) => line.event === "sign-in")).toEqual(expect.objectContaining({ level: "info", userId: member.user.id, draftId: draft.id }));
    const secrets = [member.signInPath.split("/").pop()!, member.token, cookie.split("=")[1]!, "not-a-token"];
    for (const secret of secrets) expect(log.text()).not.toContain(secret);
  });
});
