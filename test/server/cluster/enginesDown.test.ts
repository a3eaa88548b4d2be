/**
 * A cluster while one of its engines is down (issue 16, the operator guide's question). PostgreSQL
 * down: a client's write is refused with `storage-failed` (4500) and never acknowledged as saved,
 * nothing of it is stored, and once the database is back the processes hold the server's lock
 * again and writes work. Redis down: edits still
 * reach the other process through its head check, a room can still be opened, and once Redis is
 * back every process listens to the doorbell again and rings it.
 */
import * as decoding from "lib0/decoding";
import { Redis } from "ioredis";
import pg from "pg";
import WebSocket from "ws";
import * as Y from "yjs";
import { CloseCode } from "../../../shared/closeCodes";
import { MetaKey, Room, SCHEMA_VERSION, TextRoot } from "../../../shared/documentLayout";
import { ConcordMessageType, SCHEMA_VERSION_PARAM } from "../../../shared/syncProtocol";
import type { ConcordServer } from "../../../server/ConcordServer";
import { TOKEN_PARAM } from "../../../server/identity/authenticate";
import { SOLE_SERVER_LOCK_KEY } from "../../../server/storage/postgresMigrations";
import type { PostgresStorage } from "../../../server/storage/PostgresStorage";
import { RoomDoorbell } from "../../../server/cluster/RoomDoorbell";
import { doorbellChannel } from "../../../server/cluster/redisChannels";
import { updateFrame } from "../../support/attacker";
import { onTestEnd } from "../../support/cleanup";
import { startClusterServer } from "../../support/cluster";
import { doc, p } from "../../support/dsl";
import { chairToken } from "../../support/members";
import { freshPostgresUrl, takeDatabaseDown } from "../../support/postgres";
import { startRedis } from "../../support/redis";
import { connectStockClient, typeAtStart } from "../../support/stockClient";
import { syncBase } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

/** Waits generous enough for a head check (every 2 s) on a loaded machine. */
const ACROSS = { timeoutMs: 20_000 };

/** Two servers of a cluster over a fresh database and a Redis the test may kill. */
async function clusterOfTwo() {
  const redis = await startRedis();
  const engines = { databaseUrl: await freshPostgresUrl(), redisUrl: redis.url };
  const a = await startClusterServer(engines);
  const b = await startClusterServer(engines);
  const draft = await a.drafts.create({ title: "Engines", doc: doc(p("The Group recalled its mandate.")) });
  return { redis, engines, a, b, draftId: draft.id };
}

/** A raw socket on the text room as Concord's client (so told when its frames are saved); records the counts and the close. */
async function concordClient(server: ConcordServer, draftId: string) {
  const params = new URLSearchParams({ [TOKEN_PARAM]: await chairToken(server, draftId), [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION) });
  const socket = new WebSocket(`${syncBase(server, draftId)}/${Room.text}?${params}`);
  onTestEnd(() => socket.terminate());
  const saved: number[] = [];
  socket.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === ConcordMessageType.saved) saved.push(decoding.readVarUint(decoder));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve) => socket.once("message", resolve));
  return { socket, saved, closed };
}

/** An update setting the draft's title, made on a copy of `server`'s room once it is the log's (so it follows the titles stored before it). */
async function titleUpdate(server: ConcordServer, draftId: string, title: string): Promise<Uint8Array> {
  const room = (await server.rooms.open(draftId, Room.text))!;
  await room.ready();
  const copy = new Y.Doc();
  Y.applyUpdate(copy, room.encodedState());
  const before = Y.encodeStateVector(copy);
  copy.getMap(TextRoot.meta).set(MetaKey.title, title);
  return Y.encodeStateAsUpdate(copy, before);
}

/** The title in a room's stored log, read through `server`'s store. */
async function storedTitle(server: ConcordServer, draftId: string): Promise<unknown> {
  const stored = new Y.Doc();
  for (const { update } of await server.storage.loadUpdates(draftId, Room.text)) Y.applyUpdate(stored, update);
  return stored.getMap(TextRoot.meta).get(MetaKey.title);
}

/** How many sessions of the database hold the server's lock shared, as the processes of a cluster do. */
async function sharedServerLocks(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ held: number }>(
      `SELECT count(*)::int AS held FROM pg_locks
       WHERE locktype = 'advisory' AND objid = $1 AND mode = 'ShareLock' AND granted
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [SOLE_SERVER_LOCK_KEY],
    );
    return rows[0]!.held;
  } finally {
    await client.end();
  }
}

describe("a cluster with PostgreSQL down", () => {
  it("refuses a write with storage-failed and never says it is saved; writes work again once the database is back", async () => {
    const { engines, a, b, draftId } = await clusterOfTwo();
    const watcher = await connectStockClient(b, draftId);
    const title = () => watcher.doc.getMap(TextRoot.meta).get(MetaKey.title);
    const writer = await concordClient(a, draftId);
    writer.socket.send(updateFrame(await titleUpdate(a, draftId, "Before the outage")));
    await waitFor(() => writer.saved, (saved) => saved.length === 1, { what: "the first write saved" });
    await waitFor(title, (value) => value === "Before the outage", { what: "the first write on B", ...ACROSS });

    const bringBack = await takeDatabaseDown(engines.databaseUrl);
    let back = false;
    onTestEnd(async () => {
      if (!back) await bringBack();
    });
    writer.socket.send(updateFrame(await titleUpdate(a, draftId, "During the outage")));
    expect(await writer.closed).toMatchObject({ code: CloseCode.storageFailed.code, reason: CloseCode.storageFailed.reason });
    expect(writer.saved).toEqual([1]);

    await bringBack();
    back = true;
    // The lock each cluster process holds shared went with its connection: both take it again.
    await waitFor(() => sharedServerLocks(engines.databaseUrl), (held) => held === 2, { what: "both processes holding the server's lock again", ...ACROSS });
    expect(await storedTitle(b, draftId)).toBe("Before the outage");
    const after = await concordClient(a, draftId);
    after.socket.send(updateFrame(await titleUpdate(a, draftId, "After the outage")));
    await waitFor(() => after.saved, (saved) => saved.length === 1, { what: "a write after the outage saved", ...ACROSS });
    await waitFor(title, (value) => value === "After the outage", { what: "the write after the outage on B", ...ACROSS });
    expect(await storedTitle(b, draftId)).toBe("After the outage");
  });
});

describe("a cluster with Redis down", () => {
  it("carries edits to the other process by its head check, opens rooms, and rings and hears the doorbell again once Redis is back", async () => {
    const { redis, a, b, draftId } = await clusterOfTwo();
    const onA = await connectStockClient(a, draftId);
    const onB = await connectStockClient(b, draftId);
    const firstOnB = () => onB.paragraphs()[0] ?? "";

    await redis.kill();
    typeAtStart(onA.doc.getXmlFragment(TextRoot.content), 0, "While Redis is away. ");
    await waitFor(firstOnB, (text) => text.startsWith("While Redis is away."), { what: "A's edit on B by the head check", ...ACROSS });
    // A room B has not loaded yet opens without Redis: its link listens once Redis is back.
    const floorOnB = await connectStockClient(b, draftId, { room: Room.floor });
    expect(floorOnB.provider.synced).toBe(true);

    await redis.restart();
    const channel = doorbellChannel(draftId, Room.text);
    const inspector = new Redis(redis.url);
    onTestEnd(() => inspector.disconnect());
    const subscribers = async () => Number(((await inspector.pubsub("NUMSUB", channel)) as [string, number])[1]);
    await waitFor(subscribers, (count) => count === 2, { what: "both processes listening to the room's doorbell again", ...ACROSS });
    // Each process's publishing connection reconnects on its own schedule; until it is back, a commit's
    // ring is dropped by design (the head check carries it), so the ring is awaited only after that.
    await waitFor(() => a.cluster!.bus.connected, (connected) => connected, { what: "A's publishing connection back", ...ACROSS });

    const rings: number[] = [];
    const doorbell = await RoomDoorbell.open(redis.url);
    onTestEnd(() => doorbell.close());
    await doorbell.listen(draftId, Room.text, (seq) => rings.push(seq));
    typeAtStart(onA.doc.getXmlFragment(TextRoot.content), 0, "After Redis is back. ");
    await waitFor(firstOnB, (text) => text.startsWith("After Redis is back."), { what: "A's edit on B after Redis is back", ...ACROSS });
    const head = await (a.storage as PostgresStorage).roomHead(draftId, Room.text);
    await waitFor(() => rings, (heard) => heard.includes(head), { what: "A ringing the doorbell for its commit", ...ACROSS });
  });
});
