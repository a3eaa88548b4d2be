/**
 * The cluster's leased jobs between two servers over one PostgreSQL and one Redis (issue 16): the
 * status is published once per change, by the holder of the status lease, whichever server the
 * change came through; the lease moves when its holder closes; a silence procedure whose deadline
 * passes while both run is settled exactly once (acceptance 4, first half), also when the lease
 * moves between the settlement and the forgetting of its deadline; and only the compaction lease's
 * holder compacts, any room's long log, loaded or not.
 */
import * as Y from "yjs";
import { ConsensusStatus, type ParagraphStatus, type SilenceProcedure } from "../../../schemas/records";
import { startSilence } from "../../../shared/consensus/silenceProcedure";
import { FloorRoot, Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import type { Clock } from "../../../server/clock";
import { LeaseKey } from "../../../server/cluster/leaseKeys";
import type { ConcordServer } from "../../../server/ConcordServer";
import { COMPACT_AFTER_APPENDS } from "../../../server/sync/Room";
import { PostgresStorage } from "../../../server/storage/PostgresStorage";
import { startClusterServer, startTestCluster } from "../../support/cluster";
import { onTestEnd } from "../../support/cleanup";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient, paragraphTexts, typeAtStart, type StockClient } from "../../support/stockClient";
import { waitFor } from "../../support/waitFor";

const HOUR = 3_600_000;
const AT = "2025-03-03T10:00:00Z";
/** Generous: a lease moves within a retry (about a second) of its holder letting go. */
const LEASE_MOVES_MS = 15_000;

class FakeClock implements Clock {
  constructor(private time = Date.parse(AT)) {}
  now(): Date {
    return new Date(this.time);
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/** The server of `servers` holding job `key` (waiting until one does), and the other. */
async function holderOf(servers: ConcordServer[], key: LeaseKey): Promise<[ConcordServer, ConcordServer]> {
  const holder = await waitFor(() => servers.find((server) => server.jobs!.holds(key)), Boolean, { what: `a holder of lease ${key}`, timeoutMs: LEASE_MOVES_MS });
  return [holder!, servers.find((server) => server !== holder)!];
}

/** Audit entries the server wrote to `root` (or to `key` of it) in a draft. */
async function serverWrites(server: ConcordServer, draftId: string, root: string, key?: string): Promise<number> {
  const audit = await server.storage.readAudit(draftId, { limit: 1000 });
  return audit.filter((entry) => entry.principal === "server" && entry.touched.some((touched) => touched.root === root && (key === undefined || touched.key === key))).length;
}

function statusOf(client: StockClient, pid: string): string | undefined {
  return client.doc.getMap<ParagraphStatus>(TextRoot.status).get(pid)?.status;
}

describe("the cluster's leased jobs", () => {
  it("publish a change's status once, from the lease's holder, and move the lease when its holder closes", async () => {
    const { servers } = await startTestCluster(2);
    const [holder, other] = await holderOf(servers, LeaseKey.statusPublisher);
    expect(other.jobs!.holds(LeaseKey.statusPublisher)).toBe(false);
    const draft = await other.drafts.create({ title: "Status once", doc: doc(p("First paragraph."), p("Second paragraph.")) });
    const observer = await connectStockClient(holder, draft.id, { token: (await invite(holder, draft.id, Role.observer)).token });
    const cuba = await connectStockClient(other, draft.id, { room: Room.floor, token: (await invite(other, draft.id, Role.delegation, "CUB")).token });
    const pid = textBlocks(observer.doc.getXmlFragment(TextRoot.content))[0]!.pid!;
    const before = await serverWrites(holder, draft.id, TextRoot.status);

    // The objection is committed on the server that does not publish: it tells the holder.
    cuba.doc.getMap(FloorRoot.stances).set(`CUB:${pid}`, { stance: "object", reason: "Not yet.", at: AT });
    await waitFor(() => statusOf(observer, pid), (status) => status === ConsensusStatus.objected, { what: "the objection published" });
    await Promise.all(servers.map((server) => server.status.settled()));
    expect((await serverWrites(holder, draft.id, TextRoot.status)) - before).toBe(1);

    await holder.close();
    await waitFor(() => other.jobs!.holds(LeaseKey.statusPublisher), Boolean, { what: "the lease on the other server", timeoutMs: LEASE_MOVES_MS });
    cuba.doc.getMap(FloorRoot.stances).set(`CUB:${pid}`, { stance: "none", at: AT });
    const reader = await connectStockClient(other, draft.id, { token: (await invite(other, draft.id, Role.observer)).token });
    await waitFor(() => statusOf(reader, pid), (status) => status === ConsensusStatus.open, { what: "the withdrawn objection published by the new holder" });
  });

  it("settles a silence procedure whose deadline passes while both run exactly once, also when the lease moves before its deadline is forgotten", async () => {
    const clock = new FakeClock();
    const { servers } = await startTestCluster(2, { clock });
    const [holder, other] = await holderOf(servers, LeaseKey.silenceDeadlines);
    const draft = await holder.drafts.create({ title: "Silence once", doc: doc(p("Only paragraph.")) });
    // The chair starts the procedure through the server that does not settle.
    const chair = await connectStockClient(other, draft.id, { token: (await invite(other, draft.id, Role.chair)).token });
    const observer = await connectStockClient(holder, draft.id, { token: (await invite(holder, draft.id, Role.observer)).token });
    const key = startSilence(chair.doc, "all", new Date(clock.now().getTime() + 72 * HOUR), clock.now());
    const dueAt = new Date(clock.now().getTime() + 72 * HOUR).toISOString();
    await waitFor(async () => (await holder.storage.listDeadlines()).length, (count) => count === 1, { what: "the deadline stored" });

    clock.advance(72 * HOUR);
    // Both look at once: the other settles nothing (the holder may be in a look it began before the clock moved, and settle at its next).
    const [byHolder, byOther] = await Promise.all([holder.silence.settleDue(), other.silence.settleDue()]);
    expect(byOther).toBe(0);
    expect(byHolder).toBeLessThanOrEqual(1);
    const procedure = () => observer.doc.getMap<SilenceProcedure>(TextRoot.decisions).get(key);
    await waitFor(() => procedure()?.outcome, Boolean, { what: "the outcome at the observer" });
    await waitFor(() => chair.doc.getMap<SilenceProcedure>(TextRoot.decisions).get(key)?.outcome, Boolean, { what: "the outcome through the other server" });
    expect(await holder.storage.listDeadlines()).toEqual([]);
    expect(await serverWrites(holder, draft.id, TextRoot.decisions, key)).toBe(1);

    // As if the holder had died between its settlement's commit and forgetting the deadline.
    await holder.storage.setDeadline(draft.id, key, dueAt);
    await holder.close();
    await waitFor(() => other.jobs!.holds(LeaseKey.silenceDeadlines), Boolean, { what: "the lease on the other server", timeoutMs: LEASE_MOVES_MS });
    await waitFor(async () => (await other.storage.listDeadlines()).length, (count) => count === 0, { what: "the settled deadline forgotten by the new holder" });
    expect(await serverWrites(other, draft.id, TextRoot.decisions, key)).toBe(1);
    expect(await other.silence.settleDue()).toBe(0);
  });

  it("leaves compaction to the holder of the compaction lease, which compacts long logs loaded nowhere when it takes the lease", async () => {
    const { servers, engines } = await startTestCluster(2);
    const [holder, other] = await holderOf(servers, LeaseKey.compaction);
    const draft = await other.drafts.create({ title: "Long log", doc: doc(p("Only paragraph.")) });
    const writer = await connectStockClient(other, draft.id);
    for (let index = 0; index < 5; index++) {
      typeAtStart(writer.doc.getXmlFragment(TextRoot.content), 0, `${index} `);
      await waitFor(async () => (await other.storage.loadUpdates(draft.id, Room.text)).length, (rows) => rows >= index + 2, { what: "the edit stored" });
    }
    writer.destroy();
    // Unloading a room in a cluster leaves its log as it is: the lease's holder compacts it.
    await other.close();
    expect((await holder.storage.loadUpdates(draft.id, Room.text)).length).toBeGreaterThanOrEqual(6);

    // The log grows past the threshold while no process has the room loaded.
    const storage = await PostgresStorage.open(engines.databaseUrl);
    onTestEnd(() => storage.close());
    const copy = new Y.Doc();
    for (const { update } of await storage.loadUpdates(draft.id, Room.text)) Y.applyUpdate(copy, update);
    const appended: Uint8Array[] = [];
    copy.on("update", (update: Uint8Array) => appended.push(update));
    for (let index = 0; index < COMPACT_AFTER_APPENDS; index++) typeAtStart(copy.getXmlFragment(TextRoot.content), 0, "+");
    for (const update of appended) await storage.appendUpdate(draft.id, Room.text, update);
    const text = paragraphTexts(copy.getXmlFragment(TextRoot.content));
    expect(await storage.longLogs(COMPACT_AFTER_APPENDS)).toEqual([{ draftId: draft.id, room: Room.text }]);

    // The lease moves to a process that has never served the room; taking it, that process compacts the log from the database.
    const next = await startClusterServer(engines);
    await holder.close();
    await waitFor(() => next.jobs!.holds(LeaseKey.compaction), Boolean, { what: "the compaction lease on the new server", timeoutMs: LEASE_MOVES_MS });
    await waitFor(async () => (await storage.loadUpdates(draft.id, Room.text)).length, (rows) => rows === 1, { what: "the log compacted", timeoutMs: LEASE_MOVES_MS });
    const reader = await connectStockClient(next, draft.id);
    expect(reader.paragraphs()).toEqual(text);
  });
});
