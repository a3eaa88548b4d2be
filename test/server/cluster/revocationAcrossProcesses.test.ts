/**
 * Revocation and role changes across the processes of a cluster (issue 16, acceptance 5): a member
 * revoked through one process loses its sockets on every other, within a second (servers in this
 * process, and processes of the built server), and a revocation made while Redis was away still
 * closes them once Redis is back.
 */
import { CloseCode } from "../../../shared/closeCodes";
import { Room } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import type { ConcordServer } from "../../../server/ConcordServer";
import { openRaw } from "../../support/attacker";
import { Drafts } from "../../../server/drafts/Drafts";
import { inviteMember } from "../../../server/identity/invitations";
import { PostgresStorage } from "../../../server/storage/PostgresStorage";
import { onTestEnd } from "../../support/cleanup";
import { clusterEngines, startClusterProcess, startClusterServer, startTestCluster } from "../../support/cluster";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { freshPostgresUrl } from "../../support/postgres";
import { startRedis } from "../../support/redis";
import { waitFor } from "../../support/waitFor";

/** A draft made through `server`, with a chair and Cuba's delegation. */
async function draftWithMembers(server: ConcordServer) {
  const draft = await server.drafts.create({ title: "Across processes", doc: doc(p("The Group recalled its mandate.")) });
  const chair = await invite(server, draft.id, Role.chair);
  const cub = await invite(server, draft.id, Role.delegation, "CUB");
  return { draftId: draft.id, chair, cub };
}

/** Asks `server` to revoke a membership, as the chair's page does. */
async function revoke(server: { url: string }, draftId: string, chairToken: string, membershipId: string): Promise<void> {
  const response = await fetch(`${server.url}/api/drafts/${draftId}/members/${membershipId}`, { method: "DELETE", headers: { authorization: `Bearer ${chairToken}` } });
  expect(response.status).toBe(200);
}

describe("a membership changed on one process of a cluster", () => {
  it("closes the revoked member's socket on the other process within a second, and that process refuses it afterwards", async () => {
    const { servers } = await startTestCluster(2);
    const [a, b] = servers as [ConcordServer, ConcordServer];
    const { draftId, chair, cub } = await draftWithMembers(a);
    const onB = await openRaw(b, draftId, Room.text, cub.token);
    const chairOnB = await openRaw(b, draftId, Room.text, chair.token);

    const started = Date.now();
    await revoke(a, draftId, chair.token, cub.membership.id);
    expect((await onB.verdict(1000))?.code).toBe(CloseCode.accessRevoked.code);
    expect(Date.now() - started).toBeLessThan(1000);

    expect((await (await openRaw(b, draftId, Room.text, cub.token)).verdict(1000))?.code).toBe(CloseCode.roomForbidden.code);
    expect(await chairOnB.verdict(100)).toBeNull();
  });

  it("closes the member's socket on the other process when its role changes, and admits it there with the new role", async () => {
    const { servers } = await startTestCluster(2);
    const [a, b] = servers as [ConcordServer, ConcordServer];
    const { draftId, chair, cub } = await draftWithMembers(a);
    const onB = await openRaw(b, draftId, Room.floor, cub.token);

    const response = await fetch(`${a.url}/api/drafts/${draftId}/members/${cub.membership.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${chair.token}`, "content-type": "application/json" },
      body: JSON.stringify({ role: "observer" }),
    });
    expect(response.status).toBe(200);
    expect((await onB.verdict(1000))?.code).toBe(CloseCode.accessRevoked.code);
    expect((await (await openRaw(b, draftId, Room.floor, cub.token)).verdict(1000))?.code).toBe(CloseCode.roomForbidden.code);
    expect(await (await openRaw(b, draftId, Room.text, cub.token)).verdict(500)).toBeNull();
  });

  it("closes the revoked member's socket on the other process once Redis is back, when the revocation was made while it was down", async () => {
    const redis = await startRedis();
    const engines = { databaseUrl: await freshPostgresUrl(), redisUrl: redis.url };
    const a = await startClusterServer(engines);
    const b = await startClusterServer(engines);
    const { draftId, chair, cub } = await draftWithMembers(a);
    const onB = await openRaw(b, draftId, Room.text, cub.token);
    const chairOnB = await openRaw(b, draftId, Room.text, chair.token);

    await redis.kill();
    await revoke(a, draftId, chair.token, cub.membership.id);
    // Nothing can tell B while Redis is away; the socket stays open until it is back.
    expect(await onB.verdict(500)).toBeNull();

    await redis.restart();
    expect((await onB.verdict(15_000))?.code).toBe(CloseCode.accessRevoked.code);
    // The check after the reconnect closes only what the stored memberships no longer admit.
    expect(await chairOnB.verdict(500)).toBeNull();
    await waitFor(() => b.cluster!.bus.connected, Boolean, { what: "B's line to Redis", timeoutMs: 15_000 });
  });

  it("closes the revoked member's socket on another process of the built server within a second", async () => {
    const engines = await clusterEngines();
    const storage = await PostgresStorage.open(engines.databaseUrl);
    onTestEnd(() => storage.close());
    const a = await startClusterProcess(engines);
    const b = await startClusterProcess(engines);
    const draft = await new Drafts(storage).create({ title: "Across processes", doc: doc(p("The Group recalled its mandate.")) });
    const chair = await inviteMember(storage.identity, { draftId: draft.id, role: Role.chair });
    const cub = await inviteMember(storage.identity, { draftId: draft.id, role: Role.delegation, state: "CUB" });
    const onB = await openRaw(b, draft.id, Room.text, cub.token);

    const started = Date.now();
    await revoke(a, draft.id, chair.token, cub.membership.id);
    expect((await onB.verdict(1000))?.code).toBe(CloseCode.accessRevoked.code);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
