/**
 * Scenario 1, fan-out: N clients on one draft, each publishing presence as an editor does; once
 * everyone's presence has reached everyone, W of them type into the text every 50 ms and move
 * their caret. For each edit, the time until every other client has it.
 */
import * as Y from "yjs";
import { TextRoot } from "../shared/documentLayout";
import { BenchClient, type RoomAddress } from "./benchClient";
import { totalCpuSeconds, totalRssMiB } from "./processStats";
import type { ServerUnderTest } from "./servers";
import { summary } from "./stats";

/** How often each writer edits, as in the issue. */
export const EDIT_INTERVAL_MS = 50;

/** Clients connected at once while a scenario sets up. */
export const CONNECT_BATCH = 25;

/** Longest wait for every client's presence to reach every client before the edits start. */
export const PRESENCE_SETTLE_MS = 60_000;

/** The figures of one fan-out run. */
export interface FanOutResult {
  latencyMs: ReturnType<typeof summary>;
  edits: number;
  /** Edits some client still lacked 10 s after the last was made. */
  undelivered: number;
  /** Ms from every client publishing its presence until every client showed everyone's (NaN: not within PRESENCE_SETTLE_MS). */
  presenceSettleMs: number;
  /** Arrivals of an edit at a client other than its writer: what the server's relay work bought. */
  deliveredUpdates: number;
  serverCpuSeconds: number;
  /** Server CPU per delivered update, in microseconds: the headline cost of fan-out. */
  serverCpuMicrosPerDelivered: number;
  serverRssMiB: number;
  /** CPU seconds of the engines the server needs besides its own processes (PostgreSQL, Redis) over the same time; 0 when none. */
  engineCpuSeconds: number;
  /** Whether presence was awaited from every client, or (when it does not cross a cluster's processes) only from those of the same process. */
  presenceAcrossProcesses: boolean;
}

interface Edit {
  sent: number;
  waiting: number;
  lastArrival: number;
}

/**
 * Connects `count` clients to a room, a batch at a time. Given a function, client number `first + i`
 * connects where it says (a cluster spreads its clients over its processes by number).
 */
export async function connectMany(address: RoomAddress | ((client: number) => RoomAddress), count: number, options: { light?: boolean } = {}, first = 0): Promise<BenchClient[]> {
  const where = typeof address === "function" ? address : () => address;
  const clients: BenchClient[] = [];
  while (clients.length < count) {
    const batch = Math.min(CONNECT_BATCH, count - clients.length);
    const from = first + clients.length;
    clients.push(...(await Promise.all(Array.from({ length: batch }, (_, i) => BenchClient.connect(where(from + i), undefined, options)))));
  }
  return clients;
}

/** How many clients' presence client number `client` of `count` should come to show. */
function presenceExpected(server: ServerUnderTest, count: number, client: number, acrossProcesses: boolean): number {
  if (acrossProcesses) return count;
  // Only the clients of its own process: `pids[k % pids.length]` serves client k.
  const processes = server.pids.length;
  return Math.floor(count / processes) + (client % processes < count % processes ? 1 : 0);
}

/**
 * Runs one fan-out on a draft whose text has at least one paragraph, its clients spread over the
 * server's processes. Without `presenceAcrossProcesses`, a cluster's clients wait only for the
 * presence of clients on their own process (for a cluster whose presence does not cross yet).
 */
export async function fanOut(server: ServerUnderTest, clientsCount: number, writersWanted: number, durationMs: number, { presenceAcrossProcesses = true } = {}): Promise<FanOutResult> {
  const draftId = server.draftIds[0]!;
  const address = (client: number) => server.room(draftId, client);
  // Writers hold the document to edit it; every other client only reads how far each writer reached it.
  const writersCount = Math.min(writersWanted, clientsCount);
  const clients = [...(await connectMany(address, writersCount)), ...(await connectMany(address, clientsCount - writersCount, { light: true }, writersCount))];
  const presenceStarted = performance.now();
  clients.forEach((client, index) => client.awareness.setLocalState({ user: { name: `Delegate ${index}`, color: "#1f4e8c" }, cursor: null }));
  // The edits start once presence has settled: N clients announcing themselves to N clients is a
  // join storm, not the steady state of a meeting that this scenario measures.
  const expected = clients.map((_, index) => presenceExpected(server, clients.length, index, presenceAcrossProcesses));
  const settled = () => clients.every((client, index) => client.awareness.getStates().size >= expected[index]!);
  while (!settled() && performance.now() - presenceStarted < PRESENCE_SETTLE_MS) await new Promise((resolve) => setTimeout(resolve, 50));
  const presenceSettleMs = settled() ? performance.now() - presenceStarted : Number.NaN;
  const writers = clients.slice(0, writersCount);
  const edits = new Map<string, Edit>();
  const seen = clients.map(() => new Map<number, number>());

  clients.forEach((client, receiverIndex) => {
    client.onChange = () => {
      const now = performance.now();
      for (const writer of writers) {
        if (writer === client) continue;
        const id = writer.doc.clientID;
        const state = client.clockOf(id);
        for (let clock = seen[receiverIndex]!.get(id) ?? 0; clock < state; clock++) {
          const edit = edits.get(`${id}:${clock}`);
          if (edit) {
            edit.waiting--;
            edit.lastArrival = now;
          }
        }
        seen[receiverIndex]!.set(id, state);
      }
    };
  });
  for (const [index, client] of clients.entries()) {
    for (const writer of writers) seen[index]!.set(writer.doc.clientID, client.clockOf(writer.doc.clientID));
  }

  const cpuBefore = totalCpuSeconds(server.pids);
  const engineCpuBefore = server.engineCpuSeconds?.() ?? 0;
  const timers = writers.map((writer, index) =>
    setInterval(() => {
      const fragment = writer.doc.getXmlFragment(TextRoot.content);
      const block = fragment.get(index % fragment.length) as Y.XmlElement;
      const text = block.get(0) as Y.XmlText;
      const clock = Y.getState(writer.doc.store, writer.doc.clientID);
      edits.set(`${writer.doc.clientID}:${clock}`, { sent: performance.now(), waiting: clients.length - 1, lastArrival: 0 });
      text.insert(0, "x");
      writer.awareness.setLocalStateField("cursor", { pid: block.getAttribute("pid"), offset: 1 });
    }, EDIT_INTERVAL_MS),
  );
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const timer of timers) clearInterval(timer);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && Array.from(edits.values()).some((edit) => edit.waiting > 0)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const serverCpuSeconds = totalCpuSeconds(server.pids) - cpuBefore;
  const engineCpuSeconds = (server.engineCpuSeconds?.() ?? 0) - engineCpuBefore;
  const serverRssMiB = totalRssMiB(server.pids);
  for (const client of clients) client.close();

  const delivered = Array.from(edits.values()).filter((edit) => edit.waiting <= 0);
  const deliveredUpdates = Array.from(edits.values()).reduce((sum, edit) => sum + (clients.length - 1 - Math.max(0, edit.waiting)), 0);
  return {
    latencyMs: summary(delivered.map((edit) => edit.lastArrival - edit.sent)),
    edits: edits.size,
    undelivered: edits.size - delivered.length,
    presenceSettleMs,
    deliveredUpdates,
    serverCpuSeconds,
    serverCpuMicrosPerDelivered: deliveredUpdates > 0 ? (serverCpuSeconds * 1e6) / deliveredUpdates : Number.NaN,
    serverRssMiB,
    engineCpuSeconds,
    presenceAcrossProcesses,
  };
}
