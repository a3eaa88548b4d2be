/**
 * Silence procedures settled by the server on an injected clock: adopted when unbroken, reported
 * with states and reasons when broken, and settled exactly once at the next start when the
 * deadline passed while the server was stopped.
 */
import { ConsensusStatus, type ParagraphStatus, type SilenceProcedure } from "../../../schemas/records";
import * as Y from "yjs";
import { CloseCode } from "../../../shared/closeCodes";
import { CLOCK_SKEW_MS, startSilence } from "../../../shared/consensus/silenceProcedure";
import { FloorRoot, Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import type { Clock } from "../../../server/clock";
import type { ConcordServer } from "../../../server/ConcordServer";
import { attack } from "../../support/attacker";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient, type StockClient } from "../../support/stockClient";
import { startTestServer, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const HOUR = 3_600_000;

class FakeClock implements Clock {
  constructor(private time = Date.parse("2025-03-03T10:00:00Z")) {}
  now(): Date {
    return new Date(this.time);
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

async function setup(server: ConcordServer, draftId: string) {
  const token = async (role: Role, state?: string) => (await invite(server, draftId, role, state)).token;
  const chair = await connectStockClient(server, draftId, { token: await token(Role.chair) });
  const observer = await connectStockClient(server, draftId, { token: await token(Role.observer) });
  const salvador = await connectStockClient(server, draftId, { room: Room.floor, token: await token(Role.delegation, "SLV") });
  const pids = textBlocks(chair.doc.getXmlFragment(TextRoot.content)).map((block) => block.pid!);
  return { chair, observer, salvador, pids };
}

function procedure(client: StockClient, key: string): SilenceProcedure | undefined {
  return client.doc.getMap<SilenceProcedure>(TextRoot.decisions).get(key);
}

function statusOf(client: StockClient, pid: string): string | undefined {
  return client.doc.getMap<ParagraphStatus>(TextRoot.status).get(pid)?.status;
}

describe("a silence procedure", () => {
  it("adopts the unbroken paragraphs at the deadline and reports who broke silence, with their reasons", async () => {
    const clock = new FakeClock();
    const server = await startTestServer({ clock });
    const draft = await server.drafts.create({ title: "Silence", doc: doc(p("First paragraph."), p("Second paragraph."), p("Third paragraph.")) });
    const { chair, observer, salvador, pids } = await setup(server, draft.id);
    const [first, second, third] = pids as [string, string, string];

    expect(() => startSilence(chair.doc, [first], new Date(clock.now().getTime() + 71 * HOUR), clock.now())).toThrow(/at least 72 hours/);
    const key = startSilence(chair.doc, [first, second], new Date(clock.now().getTime() + 72 * HOUR), clock.now(), "Informal consultations concluded");
    await waitFor(() => statusOf(observer, first), (status) => status === ConsensusStatus.underSilence, { what: "under silence at the observer" });
    expect(statusOf(observer, third)).toBe(ConsensusStatus.open);

    salvador.doc.getMap(FloorRoot.stances).set(`SLV:${second}`, { stance: "object", reason: "We cannot accept the reference to norms.", at: clock.now().toISOString() });
    await waitFor(() => statusOf(observer, second), (status) => status === ConsensusStatus.objected, { what: "the objection" });

    clock.advance(71 * HOUR);
    expect(await server.silence.settleDue()).toBe(0);
    clock.advance(HOUR);
    expect(await server.silence.settleDue()).toBe(1);
    await waitFor(() => procedure(observer, key)?.outcome, Boolean, { what: "the outcome at the observer" });
    expect(procedure(observer, key)!.outcome).toEqual({
      settledAt: "2025-03-06T10:00:00.000Z",
      adopted: [first],
      brokenBy: [{ state: "SLV", reason: "We cannot accept the reference to norms." }],
    });
    await waitFor(() => statusOf(observer, first), (status) => status === ConsensusStatus.agreed, { what: "the adopted paragraph agreed" });
    expect(statusOf(observer, second)).toBe(ConsensusStatus.objected);
    expect(await server.silence.settleDue()).toBe(0);

    const audit = await server.storage.readAudit(draft.id, { limit: 200 });
    expect(audit.filter((entry) => entry.principal === "server" && entry.touched.some((touched) => touched.key === key))).toHaveLength(1);
  });

  it("is settled at the next start, exactly once, when its deadline passed while the server was stopped", async () => {
    const clock = new FakeClock();
    const dataDir = tempDataDir();
    const first = await startTestServer({ clock, dataDir });
    const draft = await first.drafts.create({ title: "Down", doc: doc(p("Only paragraph.")) });
    const { chair, pids } = await setup(first, draft.id);
    const key = startSilence(chair.doc, "all", new Date(clock.now().getTime() + 72 * HOUR), clock.now());
    await waitFor(async () => (await first.storage.listDeadlines()).length, (count) => count === 1, { what: "the deadline stored" });
    for (const client of [chair]) client.destroy();
    await first.close();

    clock.advance(100 * HOUR);
    const second = await startTestServer({ clock, dataDir });
    const reader = await connectStockClient(second, draft.id, { token: (await invite(second, draft.id, Role.observer)).token });
    expect(procedure(reader, key)?.outcome).toMatchObject({ settledAt: "2025-03-07T14:00:00.000Z", adopted: [pids[0]], brokenBy: [] });
    await waitFor(() => statusOf(reader, pids[0]!), (status) => status === ConsensusStatus.agreed, { what: "agreed after the restart" });
    expect(await second.storage.listDeadlines()).toEqual([]);
    reader.destroy();
    await second.close();

    const third = await startTestServer({ clock, dataDir });
    const audit = await third.storage.readAudit(draft.id, { limit: 200 });
    expect(audit.filter((entry) => entry.principal === "server" && entry.touched.some((touched) => touched.key === key))).toHaveLength(1);
  });

  it("refuses, from any client, a procedure that gives less than the draft's least notice by the server's clock", async () => {
    const clock = new FakeClock();
    const server = await startTestServer({ clock });
    const draft = await server.drafts.create({ title: "Notice", doc: doc(p("First paragraph.")) });
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const { observer, pids } = await setup(server, draft.id);

    // A client whose own clock runs three days behind writes a deadline one hour ahead of the server's time.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(observer.doc));
    const before = Y.encodeStateVector(copy);
    startSilence(copy, [pids[0]!], new Date(clock.now().getTime() + HOUR), new Date(clock.now().getTime() - 72 * HOUR));
    const verdict = await attack(server, draft.id, Room.text, chairToken, Y.encodeStateAsUpdate(copy, before));
    expect(verdict).toEqual({ code: CloseCode.invalidRecord.code, reason: expect.stringContaining("at least 72 hours' notice") });

    // Within the allowed clock skew of a full notice, the same client is accepted.
    const fair = new Y.Doc();
    Y.applyUpdate(fair, Y.encodeStateAsUpdate(observer.doc));
    const fairBefore = Y.encodeStateVector(fair);
    const key = startSilence(fair, [pids[0]!], new Date(clock.now().getTime() + 72 * HOUR - CLOCK_SKEW_MS / 2), new Date(clock.now().getTime() - HOUR));
    expect(await attack(server, draft.id, Room.text, chairToken, Y.encodeStateAsUpdate(fair, fairBefore))).toBeNull();
    await waitFor(() => procedure(observer, key), Boolean, { what: "the procedure at the observer" });
    expect(Object.keys(observer.doc.getMap(TextRoot.decisions).toJSON()).filter((k) => k.startsWith("silence:"))).toEqual([key]);
  });
});
