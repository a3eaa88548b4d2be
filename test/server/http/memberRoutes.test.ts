/**
 * The members of a draft over real HTTP, as its chair and the secretariat administer them: the list
 * names each member and says when they signed in; delegations and observers may not administer.
 */
import type { ListedMember } from "../../../shared/memberListing";
import { Role } from "../../../shared/roles";
import type { ConcordServer } from "../../../server/ConcordServer";
import { invite, organizer } from "../../support/members";
import { startTestServer } from "../../support/testServer";

function call(server: ConcordServer, token: string, path: string, method = "GET", body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function members(server: ConcordServer, token: string, draftId: string): Promise<ListedMember[]> {
  const response = await call(server, token, `/api/drafts/${draftId}/members`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { members: ListedMember[] }).members;
}

describe("a draft's members", () => {
  it("lists each member with the name, role, state and the time the sign-in link was used", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Members" });
    const chair = await invite(server, draft.id, Role.chair);
    const cuba = await inviteNamed(server, chair.token, draft.id, { role: Role.delegation, state: "CUB", name: "Delegation of Cuba" });
    const before = await members(server, chair.token, draft.id);
    expect(before.map(({ name, role, state, signedInAt }) => ({ name, role, state, signedInAt }))).toEqual([
      { name: "chair", role: Role.chair, state: null, signedInAt: null },
      { name: "Delegation of Cuba", role: Role.delegation, state: "CUB", signedInAt: null },
    ]);
    const started = Date.now();
    await fetch(`${server.url}${cuba.signInPath}`, { method: "POST", redirect: "manual" });
    const after = await members(server, chair.token, draft.id);
    expect(Date.parse(after[1]!.signedInAt!)).toBeGreaterThanOrEqual(started - 1000);
    expect(after[1]!.id).toBe(cuba.member.id);
  });

  it("lets an organizer administer any draft's members, and no delegation or observer", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Administered" });
    const secretariat = await organizer(server);
    const invited = await inviteNamed(server, secretariat.token, draft.id, { role: Role.observer, name: "Academia" });
    expect(invited.member).toMatchObject({ name: "Academia", role: Role.observer, signedInAt: null, revokedAt: null });
    const changed = await call(server, secretariat.token, `/api/drafts/${draft.id}/members/${invited.member.id}`, "PATCH", { role: Role.delegation, state: "UZB" });
    expect(changed.status).toBe(200);
    expect((await changed.json()).listed).toMatchObject({ role: Role.delegation, state: "UZB" });

    for (const [role, state] of [[Role.delegation, "SLV"], [Role.observer]] as const) {
      const { token } = await invite(server, draft.id, role, state);
      expect((await call(server, token, `/api/drafts/${draft.id}/members`)).status).toBe(403);
      expect((await call(server, token, `/api/drafts/${draft.id}/members`, "POST", { role: Role.chair })).status).toBe(403);
      expect((await call(server, token, `/api/drafts/${draft.id}/members/${invited.member.id}`, "DELETE")).status).toBe(403);
    }
    const revoked = await call(server, secretariat.token, `/api/drafts/${draft.id}/members/${invited.member.id}`, "DELETE");
    expect((await revoked.json()).listed.revokedAt).toMatch(/^\d{4}-/);
    const again = await call(server, secretariat.token, `/api/drafts/${draft.id}/members/${invited.member.id}`, "PATCH", { role: Role.observer });
    expect(again.status).toBe(400);
    expect((await call(server, secretariat.token, `/api/drafts/nosuchdraft/members`)).status).toBe(404);
  });

  it("refuses a role without its state, a state for a chair and another draft's member, saying why", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "One" });
    const other = await server.drafts.create({ title: "Other" });
    const { token } = await organizer(server);
    const stranger = await inviteNamed(server, token, other.id, { role: Role.observer });
    const refusals: Array<[unknown, RegExp]> = [
      [{ role: Role.delegation }, /needs a state code/],
      [{ role: Role.delegation, state: "XYZ" }, /needs a state code/],
      [{ role: Role.chair, state: "CUB" }, /Only delegations have a state/],
      [{ role: Role.observer, name: " " }, /name must have 1–120 characters/],
      [{ role: Role.observer, name: "x".repeat(121) }, /name: must NOT have more than 120 characters/],
    ];
    for (const [body, reason] of refusals) {
      const response = await call(server, token, `/api/drafts/${draft.id}/members`, "POST", body);
      expect({ body, status: response.status, message: (await response.json()).message }).toEqual({ body, status: 400, message: expect.stringMatching(reason) });
    }
    expect((await call(server, token, `/api/drafts/${draft.id}/members/${stranger.member.id}`, "DELETE")).status).toBe(404);
    expect(await members(server, token, draft.id)).toEqual([]);
  });
});

async function inviteNamed(server: ConcordServer, token: string, draftId: string, body: unknown): Promise<{ signInPath: string; member: ListedMember }> {
  const response = await call(server, token, `/api/drafts/${draftId}/members`, "POST", body);
  expect(response.status).toBe(201);
  return response.json();
}
