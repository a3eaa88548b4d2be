/**
 * Presence across the processes of a cluster (issue 16): over Redis only, never into PostgreSQL.
 * Stock clients on two servers see each other's carets, stamped by the server that vouched for
 * them; a client that leaves one server leaves the other's clients too; a client joining late sees
 * those already present elsewhere; observers are counted across servers; presence one server
 * refuses never reaches another; a server whose line to Redis dropped catches up when it is back;
 * and the clients of a server that died vanish everywhere once y-protocols' outdated timeout has passed.
 */
import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import pg from "pg";
import { outdatedTimeout } from "y-protocols/awareness";
import { Room } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { MessageType } from "../../../shared/syncProtocol";
import { decodePresenceMessage } from "../../../server/cluster/presenceMessages";
import { presenceChannel } from "../../../server/cluster/redisChannels";
import type { ConcordServer } from "../../../server/ConcordServer";
import { openRaw, presenceFrame, type RawClient } from "../../support/attacker";
import { onTestEnd } from "../../support/cleanup";
import { startClusterProcess, startTestCluster, type ClusterEngines } from "../../support/cluster";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient, type StockClient } from "../../support/stockClient";
import { waitFor } from "../../support/waitFor";

/**
 * How long a crossing may take when it must beat y-protocols' own clean-up: a removal announced
 * must arrive before the outdated timeout could have removed the state anyway, and a late joiner
 * must get presence before its client's next renewal (half the timeout) could have brought it.
 */
const BEFORE_RENEWAL_MS = outdatedTimeout / 2 - 3_000;

/** Redis's own default for `maxclients`, put back after a test lowered it. */
const REDIS_MAX_CLIENTS = 10_000;

/** How long a dead server's clients may linger: the outdated timeout, plus y-protocols' check interval and time to spare. */
const AFTER_TIMEOUT_MS = outdatedTimeout + 15_000;

async function clusterWithDraft() {
  const { engines, servers } = await startTestCluster(2);
  const [a, b] = servers as [ConcordServer, ConcordServer];
  const draft = await a.drafts.create({ title: "Presence across processes", doc: doc(p("The Group recalled its mandate.")) });
  const cub = await invite(a, draft.id, Role.delegation, "CUB");
  return { engines, a, b, draftId: draft.id, cub };
}

/** The state `client` shows for `clientId`, if any. */
function stateAt(client: StockClient, clientId: number): Record<string, unknown> | undefined {
  return client.provider.awareness.getStates().get(clientId);
}

/** The observer count a client shows: the server's own entry, as the client's presence list reads it. */
function observersAt(client: StockClient): number | undefined {
  return Array.from(client.provider.awareness.getStates().values()).find((state) => "observers" in state)?.observers as number | undefined;
}

/** Every presence entry a raw client received: client id, clock, state. */
function presenceEntries(raw: RawClient): Array<[number, number, unknown]> {
  return raw.received
    .filter((frame) => frame[0] === MessageType.awareness)
    .flatMap((frame) => {
      const outer = decoding.createDecoder(frame);
      decoding.readVarUint(outer);
      const decoder = decoding.createDecoder(decoding.readVarUint8Array(outer));
      const count = decoding.readVarUint(decoder);
      return Array.from({ length: count }, (): [number, number, unknown] => [decoding.readVarUint(decoder), decoding.readVarUint(decoder), JSON.parse(decoding.readVarString(decoder))]);
    });
}

/** Rows in each table of the cluster's database. */
async function rowCounts(engines: ClusterEngines): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: engines.databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name");
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM "${name}"`);
      counts[name] = Number(rows[0]!.count);
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe("presence across the servers of a cluster", () => {
  it("shows stock clients on two servers each other's presence, stamped with the identity their server knows", async () => {
    const { a, b, draftId, cub } = await clusterWithDraft();
    const onA = await connectStockClient(a, draftId);
    const onB = await connectStockClient(b, draftId, { token: cub.token });
    onA.provider.awareness.setLocalStateField("cursor", "on A");
    onB.provider.awareness.setLocalStateField("user", { name: "The Chair", role: Role.chair, state: null, color: "#123456" });
    onB.provider.awareness.setLocalStateField("cursor", "on B");
    await waitFor(() => stateAt(onB, onA.doc.clientID)?.cursor, (cursor) => cursor === "on A", { what: "A's caret on B" });
    const seenOnA = await waitFor(() => stateAt(onA, onB.doc.clientID), (state) => state?.cursor === "on B", { what: "B's caret on A" });
    expect(seenOnA!.user).toEqual({ name: expect.any(String), role: Role.delegation, state: "CUB", color: "#123456" });
    expect(stateAt(onB, onA.doc.clientID)!.user).toMatchObject({ role: Role.chair, state: null });

    onA.provider.awareness.setLocalStateField("cursor", "moved on A");
    await waitFor(() => stateAt(onB, onA.doc.clientID)?.cursor, (cursor) => cursor === "moved on A", { what: "A's moved caret on B" });
  });

  it("removes from the other server's clients a client that leaves, and one whose connection drops without a word, before any timeout", async () => {
    const { a, b, draftId, cub } = await clusterWithDraft();
    const leaver = await connectStockClient(a, draftId);
    const onB = await connectStockClient(b, draftId, { token: cub.token });
    const leaverId = leaver.doc.clientID;
    // A fresh state just before leaving: neither a client's nor a server's timeout can remove it within the wait below.
    leaver.provider.awareness.setLocalStateField("cursor", "about to leave");
    await waitFor(() => stateAt(onB, leaverId)?.cursor, (cursor) => cursor === "about to leave", { what: "the leaver on B" });
    // A stock client announces its own removal as it goes.
    leaver.destroy();
    await waitFor(() => onB.provider.awareness.getStates().has(leaverId), (present) => !present, { what: "the leaver gone from B", timeoutMs: BEFORE_RENEWAL_MS });

    // A connection that drops says nothing: its server announces the removal.
    const dropped = await openRaw(a, draftId, Room.text, (await invite(a, draftId, Role.delegation, "SLV")).token);
    const droppedId = 920_000_001;
    dropped.socket.send(presenceFrame([[droppedId, 1, { cursor: "about to drop" }]]));
    await waitFor(() => stateAt(onB, droppedId)?.cursor, (cursor) => cursor === "about to drop", { what: "the dropping client on B" });
    dropped.socket.terminate();
    await waitFor(() => onB.provider.awareness.getStates().has(droppedId), (present) => !present, { what: "the dropped client gone from B", timeoutMs: BEFORE_RENEWAL_MS });
  });

  it("shows a client joining one server the presence already there on the other", async () => {
    const { a, b, draftId, cub } = await clusterWithDraft();
    const early = await connectStockClient(a, draftId);
    early.provider.awareness.setLocalStateField("cursor", "here first");
    const renewalDue = Date.now() + BEFORE_RENEWAL_MS;
    // B has not loaded the room yet: it asks A what is present when it does.
    const late = await connectStockClient(b, draftId, { token: cub.token });
    await waitFor(() => stateAt(late, early.doc.clientID)?.cursor, (cursor) => cursor === "here first", {
      what: "the early client's caret at the late joiner",
      timeoutMs: Math.max(0, renewalDue - Date.now()),
    });
  });

  it("counts the observers of every server, as they come and go", async () => {
    const { a, b, draftId } = await clusterWithDraft();
    const watcherA = await connectStockClient(a, draftId);
    const watcherB = await connectStockClient(b, draftId);
    const onA = await openRaw(a, draftId, Room.text, (await invite(a, draftId, Role.observer)).token);
    await waitFor(() => observersAt(watcherB), (count) => count === 1, { what: "A's observer counted on B" });
    const onB = await openRaw(b, draftId, Room.text, (await invite(a, draftId, Role.observer)).token);
    await waitFor(() => observersAt(watcherA), (count) => count === 2, { what: "both observers counted on A" });
    await waitFor(() => observersAt(watcherB), (count) => count === 2, { what: "both observers counted on B" });
    onA.socket.close();
    await waitFor(() => [observersAt(watcherA), observersAt(watcherB)], ([onAnyA, onAnyB]) => onAnyA === 1 && onAnyB === 1, { what: "one observer counted on each" });
    onB.socket.close();
    await waitFor(() => [observersAt(watcherA), observersAt(watcherB)], ([onAnyA, onAnyB]) => onAnyA === undefined && onAnyB === undefined, { what: "the count cleared on each" });
  });

  it("writes nothing of presence to the database", async () => {
    const { engines, a, b, draftId, cub } = await clusterWithDraft();
    const chair = await invite(a, draftId, Role.chair);
    const observer = await invite(a, draftId, Role.observer);
    const before = await rowCounts(engines);
    const onA = await connectStockClient(a, draftId, { token: chair.token });
    const onB = await connectStockClient(b, draftId, { token: cub.token });
    const watching = await openRaw(b, draftId, Room.text, observer.token);
    for (let move = 1; move <= 5; move++) {
      onA.provider.awareness.setLocalStateField("cursor", `A ${move}`);
      onB.provider.awareness.setLocalStateField("cursor", `B ${move}`);
      await waitFor(() => [stateAt(onB, onA.doc.clientID)?.cursor, stateAt(onA, onB.doc.clientID)?.cursor], ([atB, atA]) => atB === `A ${move}` && atA === `B ${move}`, { what: `move ${move} crossing` });
    }
    watching.socket.close();
    onA.destroy();
    await waitFor(() => onB.provider.awareness.getStates().has(onA.doc.clientID), (present) => !present, { what: "A's client gone from B" });
    expect(await rowCounts(engines)).toEqual(before);
  });

  it("never carries to another server presence that the first refused", async () => {
    const { a, b, draftId, cub } = await clusterWithDraft();
    const victim = await connectStockClient(a, draftId);
    victim.provider.awareness.setLocalStateField("cursor", "the chair's");
    const watcherB = await connectStockClient(b, draftId);
    await waitFor(() => stateAt(watcherB, victim.doc.clientID)?.cursor, (cursor) => cursor === "the chair's", { what: "the victim's caret on B" });
    const victimClock = victim.provider.awareness.meta.get(victim.doc.clientID)!.clock;
    const [own, unproven] = [910_000_001, 910_000_002];

    const onA = await openRaw(a, draftId, Room.text, cub.token);
    onA.socket.send(presenceFrame([[own, 1, { cursor: "mine", user: { name: "The Chair", role: Role.chair, state: null } }]]));
    onA.socket.send(presenceFrame([[victim.doc.clientID, victimClock + 10, { cursor: "forged" }], [unproven, 1, { cursor: "unproven" }]]));
    onA.socket.send(presenceFrame([[own, 2, { cursor: "sentinel" }]]));
    // A handles a socket's frames in order and publishes in order: once the sentinel is on B, the rest has crossed or never will.
    const seen = await waitFor(() => stateAt(watcherB, own), (state) => state?.cursor === "sentinel", { what: "the attacker's own caret on B" });
    expect(seen!.user).toMatchObject({ role: Role.delegation, state: "CUB" });
    expect(stateAt(watcherB, victim.doc.clientID)?.cursor).toBe("the chair's");
    expect(watcherB.provider.awareness.getStates().has(unproven)).toBe(false);

    // Nor may a connection on B take the id of a client speaking on A, though no one on B speaks for it.
    // Its first id is the one it may announce unproven: had the squat been taken, the sentinel would be refused.
    const onB = await openRaw(b, draftId, Room.text, cub.token);
    onB.socket.send(presenceFrame([[victim.doc.clientID, victimClock + 20, { cursor: "squatted" }]]));
    onB.socket.send(presenceFrame([[own + 10, 1, { cursor: "sentinel on B" }]]));
    await waitFor(() => stateAt(watcherB, own + 10)?.cursor, (cursor) => cursor === "sentinel on B", { what: "the attacker's caret from B" });
    await waitFor(() => stateAt(victim, own + 10)?.cursor, (cursor) => cursor === "sentinel on B", { what: "the attacker's caret from B, on A" });
    expect(stateAt(watcherB, victim.doc.clientID)?.cursor).toBe("the chair's");
  });

  it("catches up on presence published while its line to Redis was down", async () => {
    const { engines, a, b, draftId, cub } = await clusterWithDraft();
    const onA = await connectStockClient(a, draftId);
    const onB = await connectStockClient(b, draftId, { token: cub.token });
    onA.provider.awareness.setLocalStateField("cursor", "before");
    await waitFor(() => stateAt(onB, onA.doc.clientID)?.cursor, (cursor) => cursor === "before", { what: "A's caret on B" });

    const admin = new Redis(engines.redisUrl);
    onTestEnd(() => admin.quit().then(() => undefined));
    const spy = new Redis(engines.redisUrl);
    onTestEnd(() => spy.quit().then(() => undefined));
    await spy.call("CLIENT", "SETNAME", "spy");
    const published: string[] = [];
    spy.on("messageBuffer", (_channel: Buffer, message: Buffer) => {
      const decoded = decodePresenceMessage(new Uint8Array(message));
      if (decoded.kind === "states") published.push(...decoded.entries.map(({ json }) => json));
    });
    await spy.subscribe(presenceChannel(draftId, Room.text));
    // The servers' listening connections drop, as when Redis restarts, and cannot come back until it takes connections again.
    const clients = String(await admin.call("CLIENT", "LIST", "TYPE", "pubsub"));
    const listening = Array.from(clients.matchAll(/^id=(\d+) .* name=(\S*) /gm)).filter(([, , name]) => name !== "spy").map(([, id]) => id!);
    expect(listening).toHaveLength(2);
    await admin.multi().call("CONFIG", "SET", "maxclients", "1").call("CLIENT", "KILL", "ID", listening[0]!).call("CLIENT", "KILL", "ID", listening[1]!).exec();

    onA.provider.awareness.setLocalStateField("cursor", "while B was cut off");
    const renewalDue = Date.now() + BEFORE_RENEWAL_MS;
    await waitFor(() => published.some((json) => json.includes("while B was cut off")), Boolean, { what: "A to publish the move while B does not listen" });
    await admin.call("CONFIG", "SET", "maxclients", String(REDIS_MAX_CLIENTS));
    await waitFor(() => stateAt(onB, onA.doc.clientID)?.cursor, (cursor) => cursor === "while B was cut off", {
      what: "the missed move on B, before A's client renews it",
      timeoutMs: Math.max(0, renewalDue - Date.now()),
    });
  });

  it("lets the clients of a server that died vanish from the others once they are outdated", async () => {
    const { engines, b, draftId, cub } = await clusterWithDraft();
    const chair = await invite(b, draftId, Role.chair);
    const doomed = await startClusterProcess(engines);
    // A stock client needs only the server's address when it brings its own token.
    const onDoomed = await connectStockClient({ url: doomed.url } as ConcordServer, draftId, { token: chair.token });
    onDoomed.provider.awareness.setLocalStateField("cursor", "on a doomed server");
    const watcher = await openRaw(b, draftId, Room.text, cub.token);
    const doomedId = onDoomed.doc.clientID;
    await waitFor(() => presenceEntries(watcher).some(([clientId, , state]) => clientId === doomedId && state !== null), Boolean, { what: "the doomed server's client on B" });

    doomed.child.kill("SIGKILL");
    await doomed.exited;
    // No one announces the removal: B drops the state once it is outdated, and tells its clients.
    await waitFor(() => presenceEntries(watcher).some(([clientId, , state]) => clientId === doomedId && state === null), Boolean, {
      what: "B to drop the dead server's client",
      timeoutMs: AFTER_TIMEOUT_MS,
    });
    const late = await connectStockClient(b, draftId, { token: cub.token });
    expect(late.provider.awareness.getStates().has(doomedId)).toBe(false);
  });
});
