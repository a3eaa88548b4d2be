/**
 * Scenario 2, join: a draft of 5,000 paragraphs (about 1 MB of text); 50 fresh clients connect at
 * once, three rounds. Concord's clients open as Concord's design says, with the gzipped snapshot
 * over HTTP and then a sync of the difference; the baseline's sync everything over the socket.
 */
import type { Node as PMNode } from "prosemirror-model";
import { schema } from "../shared/schema";
import { BenchClient } from "./benchClient";
import { totalCpuSeconds } from "./processStats";
import type { ServerUnderTest } from "./servers";
import { summary } from "./stats";

/** The size of the join scenario's draft. */
export const JOIN_PARAGRAPHS = 5000;

const SENTENCES = [
  "The Group recalled that the cumulative and evolving framework for responsible State behaviour in the use of ICTs remains the foundation of its work.",
  "States underscored the importance of capacity-building that is sustainable, demand-driven and tailored to national needs and priorities.",
  "Some States proposed that further work be undertaken on how international law applies to the use of ICTs, in particular on sovereignty and due diligence.",
];

/** A draft of `paragraphs` numbered paragraphs of UN prose, about 200 bytes each. */
export function largeDraft(paragraphs = JOIN_PARAGRAPHS): PMNode {
  const blocks = Array.from({ length: paragraphs }, (_, i) =>
    schema.node("paragraph", null, [schema.text(`${SENTENCES[i % 3]} (${i + 1}) ${SENTENCES[(i + 1) % 3]!.slice(0, 60)}`)]),
  );
  return schema.node("doc", null, blocks);
}

/** The figures of one join round. */
export interface JoinResult {
  timeToSyncedMs: ReturnType<typeof summary>;
  bytesPerClient: number;
  serverCpuMsPerJoin: number;
  /** CPU ms per join of the engines the server needs besides its own processes (PostgreSQL, Redis); 0 when none. */
  engineCpuMsPerJoin: number;
  /** Sockets opened again after the server timed out their request (see SOCKET_ATTEMPTS); their time counts from the first. */
  reopenedSockets: number;
}

/** How ws reports a server's HTTP 408: the request's headers came after the server's headers timeout. */
const HEADERS_TIMED_OUT = /Unexpected server response: 408/;

/**
 * Times a join opens its socket before a 408 fails the scenario. One client process decoding fifty
 * snapshots on a loaded core can leave a socket's request headers unsent past the server's headers
 * timeout (20 s); that is the client's delay, not the server's, so the socket is opened again.
 */
const SOCKET_ATTEMPTS = 2;

async function joinOne(server: ServerUnderTest, draftId: string, number: number): Promise<{ ms: number; bytes: number; client: BenchClient; reopened: number }> {
  const started = performance.now();
  let bytes = 0;
  let initial: Uint8Array | undefined;
  if (server.snapshot) {
    const snapshot = await server.snapshot(draftId, number);
    bytes += snapshot.wireBytes;
    initial = snapshot.state;
  }
  let reopened = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const client = await BenchClient.connect(server.room(draftId, number), initial);
      return { ms: performance.now() - started, bytes: bytes + client.bytesReceived, client, reopened };
    } catch (error) {
      if (attempt >= SOCKET_ATTEMPTS || !(error instanceof Error && HEADERS_TIMED_OUT.test(error.message))) throw error;
      reopened++;
    }
  }
}

/** One round: `clients` fresh clients join at once, spread over the server's processes. */
export async function joinRound(server: ServerUnderTest, clients: number): Promise<JoinResult> {
  const draftId = server.draftIds[0]!;
  const cpuBefore = totalCpuSeconds(server.pids);
  const engineCpuBefore = server.engineCpuSeconds?.() ?? 0;
  const joins = await Promise.all(Array.from({ length: clients }, (_, number) => joinOne(server, draftId, number)));
  const cpu = totalCpuSeconds(server.pids) - cpuBefore;
  const engineCpu = (server.engineCpuSeconds?.() ?? 0) - engineCpuBefore;
  for (const join of joins) join.client.close();
  return {
    timeToSyncedMs: summary(joins.map((join) => join.ms)),
    bytesPerClient: Math.round(joins.reduce((sum, join) => sum + join.bytes, 0) / joins.length),
    serverCpuMsPerJoin: (cpu * 1000) / clients,
    engineCpuMsPerJoin: (engineCpu * 1000) / clients,
    reopenedSockets: joins.reduce((sum, join) => sum + join.reopened, 0),
  };
}
