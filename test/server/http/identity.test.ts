import fs from "node:fs";
import path from "node:path";
import { Role } from "../../../shared/roles";
import { CloseCode } from "../../../shared/closeCodes";
import { FloorRoot, Room, TextRoot } from "../../../shared/documentLayout";
import { SQLITE_FILE_NAME } from "../../../server/storage/SqliteStorage";
import { openRaw } from "../../support/attacker";
import { invite } from "../../support/members";
import { runCli } from "../../support/serverProcess";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const at = "2026-11-23T09:00:00.000Z";

async function signIn(url: string): Promise<Response> {
  return fetch(url, { method: "POST", redirect: "manual" });
}

describe("sign-in, sessions and tokens", () => {
  it("signs in once by link, setting an HttpOnly SameSite session cookie, and refuses the link afterwards", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Signed" });
    const invitation = await invite(server, draft.id, Role.delegation, "CUB");
    const link = `${server.url}${invitation.signInPath}`;

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="sign-in"');

    const first = await signIn(link);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/d/${draft.id}`);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const session = cookie.split(";")[0]!;
    const me = await (await fetch(`${server.url}/api/drafts/${draft.id}`, { headers: { cookie: session } })).json();
    expect(me.me).toEqual({ name: invitation.user.name, role: "delegation", state: "CUB" });

    const second = await signIn(link);
    expect(second.status).toBe(410);
    expect((await second.json()).error).toBe("link-spent");

    // Signing out ends the session on the server: the same cookie, kept by anyone, no longer works.
    const signedOut = await fetch(`${server.url}/api/signout`, { method: "POST", headers: { cookie: session } });
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await fetch(`${server.url}/api/drafts/${draft.id}`, { headers: { cookie: session } })).status).toBe(401);
    // A script's token is not a session, and signing out with it ends nothing.
    await fetch(`${server.url}/api/signout`, { method: "POST", headers: { authorization: `Bearer ${invitation.token}` } });
    expect((await fetch(`${server.url}/api/drafts/${draft.id}`, { headers: { authorization: `Bearer ${invitation.token}` } })).status).toBe(200);
  });

  it("lists only the drafts a user is a member of", async () => {
    const server = await startTestServer();
    const mine = await server.drafts.create({ title: "Mine" });
    await server.drafts.create({ title: "Not mine" });
    const { token } = await invite(server, mine.id, Role.observer);
    const listed = await (await fetch(`${server.url}/api/drafts`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(listed.drafts.map((draft: { title: string }) => draft.title)).toEqual(["Mine"]);
    expect((await fetch(`${server.url}/api/drafts`)).status).toBe(401);
  });

  it("stores secrets only as hashes", async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer({ dataDir });
    const draft = await server.drafts.create({ title: "Hashed" });
    const invitation = await invite(server, draft.id, Role.chair);
    await server.close();
    const bytes = Buffer.concat(
      fs.readdirSync(dataDir).filter((name) => name.startsWith(SQLITE_FILE_NAME)).map((name) => fs.readFileSync(path.join(dataDir, name))),
    ).toString("latin1");
    expect(bytes).not.toContain(invitation.token);
    expect(bytes).not.toContain(invitation.signInPath.split("/").pop()!);
  });

  it("refuses invitations with a bad role or state, with a clear error", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Members" });
    const { token } = await invite(server, draft.id, Role.chair);
    const post = (body: unknown) =>
      fetch(`${server.url}/api/drafts/${draft.id}/members`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await (await post({ role: "delegation", state: "XXX" })).json()).message).toMatch(/state code/);
    expect((await post({ role: "emperor" })).status).toBe(400);
    expect((await post({ role: "observer", extra: 1 })).status).toBe(400);
    const created = await post({ role: "delegation", state: "SLV", name: "Delegation of El Salvador" });
    expect(created.status).toBe(201);
    expect((await created.json()).signInPath).toMatch(/^\/signin\//);
  });

  it("prints a sign-in link and a token from `invite` on the command line", () => {
    const dataDir = tempDataDir();
    const draftId = runCli(dataDir, ["draft", "create", "--title", "CLI"]).trim();
    const printed = runCli(dataDir, ["invite", "--draft", draftId, "--role", "delegation", "--state", "UZB", "--name", "Delegation of Uzbekistan"]);
    expect(printed).toMatch(/Sign-in link \(works once\): http:\/\/\S+\/signin\/\S+/);
    expect(printed).toMatch(/Token for scripts: \S{40,}/);
    expect(() => runCli(dataDir, ["invite", "--draft", draftId, "--role", "delegation"])).toThrow(/state code/);
  });
});

describe("room access", () => {
  it("keeps observers out of the floor unless the draft's policy lets them read it, and never lets them write", async () => {
    const server = await startTestServer();
    const closed = await server.drafts.create({ title: "Closed floor" });
    const open = await server.drafts.create({ title: "Open floor", observersReadFloor: true });
    const closedObserver = await invite(server, closed.id, Role.observer);
    const refused = await openRaw(server, closed.id, Room.floor, closedObserver.token);
    expect((await refused.verdict(1000))?.code).toBe(CloseCode.roomForbidden.code);

    const cub = await invite(server, open.id, Role.delegation, "CUB");
    const cuba = await connectStockClient(server, open.id, { room: Room.floor, token: cub.token });
    cuba.doc.getMap(FloorRoot.stances).set("CUB:p1", { stance: "reserve", at });
    const observer = await connectStockClient(server, open.id, { room: Room.floor, token: (await invite(server, open.id, Role.observer)).token });
    await waitFor(() => observer.doc.getMap(FloorRoot.stances).get("CUB:p1"), Boolean, { what: "the stance at the observer" });
    const unauthenticated = await openRaw(server, open.id, Room.text, "not-a-token");
    expect((await unauthenticated.verdict(1000))?.code).toBe(CloseCode.unauthenticated.code);
  });
});

describe("the audit log", () => {
  it("records every accepted write with its principal and user, paged for the chair only", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Audited" });
    const chair = await invite(server, draft.id, Role.chair);
    const cub = await invite(server, draft.id, Role.delegation, "CUB");
    const cuba = await connectStockClient(server, draft.id, { token: cub.token });
    const chairClient = await connectStockClient(server, draft.id, { token: chair.token });
    for (let i = 0; i < 5; i++) {
      cuba.doc.getMap(TextRoot.proposals).set(`CUB:p${i}`, { kind: "delete", anchor: { pid: "p1", quote: "x", prefix: "", suffix: "" }, createdAt: at });
    }
    chairClient.doc.getMap(TextRoot.meta).set("revision", "Rev.1");
    await waitFor(async () => (await server.storage.readAudit(draft.id, { limit: 100 })).length, (count) => count >= 6, { what: "six audit entries" });

    const headers = { authorization: `Bearer ${chair.token}` };
    const firstPage = await (await fetch(`${server.url}/api/drafts/${draft.id}/audit?limit=4`, { headers })).json();
    expect(firstPage.entries).toHaveLength(4);
    const secondPage = await (await fetch(`${server.url}/api/drafts/${draft.id}/audit?limit=4&before=${firstPage.next}`, { headers })).json();
    const entries = [...firstPage.entries, ...secondPage.entries];
    expect(entries.length).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < 5; i++) {
      expect(entries).toContainEqual(
        expect.objectContaining({ principal: "state:CUB", userId: cub.user.id, touched: [{ root: "proposals", key: `CUB:p${i}` }] }),
      );
    }
    expect(entries).toContainEqual(expect.objectContaining({ principal: "chair", userId: chair.user.id, touched: [{ root: "meta", key: "revision" }] }));
    expect((await fetch(`${server.url}/api/drafts/${draft.id}/audit`, { headers: { authorization: `Bearer ${cub.token}` } })).status).toBe(403);
  });
});
