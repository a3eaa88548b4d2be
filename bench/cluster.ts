/**
 * Cluster mode (issue 16): fan-out and join with the clients spread evenly over two Concord
 * processes that share one PostgreSQL and one Redis, beside one process over PostgreSQL and one
 * over SQLite under the same load. Each repeat starts with the next deployment in turn.
 */
import os from "node:os";
import type { Node as PMNode } from "prosemirror-model";
import { BenchClient } from "./benchClient";
import { Deployment, DEPLOYMENT_LABELS, DEPLOYMENTS, deploymentOrder, storeOf, type DeploymentRun } from "./deployments";
import type { BenchEngines } from "./engines";
import { fanOut, type FanOutResult } from "./fanOut";
import { joinRound, type JoinResult } from "./join";
import { startConcord, type ServerUnderTest } from "./servers";

/** Longest wait for one client's presence to reach a client on the other process. */
export const PRESENCE_PROBE_MS = 5000;

/** How long the probe waits between looks. */
const PROBE_POLL_MS = 50;

/** The sizes and durations of the scenario. */
export interface ClusterSettings {
  repeats: number;
  fanOutClients: number;
  fanOutWriters: number;
  fanOutMs: number;
  joinClients: number;
  joinRounds: number;
  /** The fan-out's draft (a few paragraphs) and the join's (5,000 paragraphs). */
  fanOutDoc: PMNode;
  joinDoc: PMNode;
}

/** Every repeat's figures by deployment (index = repeat); a part that failed is null, and its error is in `failures`. */
export interface ClusterResult {
  fanOutClients: number;
  fanOutWriters: number;
  joinClients: number;
  /** Whether a client's presence reached a client of the other process (the fan-out then awaits everyone's); null when not probed. */
  presenceCrossesProcesses: boolean | null;
  fanOut: Record<Deployment, FanOutResult[]> | null;
  join: Record<Deployment, JoinResult[][]> | null;
  failures: string[];
}

/** What the scenario tells its caller as it goes. */
export interface ClusterReporting {
  onRun(run: DeploymentRun): void;
  log(line: string): void;
}

/**
 * Whether presence set by a client of the cluster's second process reaches a client of its first,
 * on a draft of its own so that no trace of the probe's clients is left in the measured one.
 */
async function presenceCrosses(server: ServerUnderTest, draftId: string): Promise<boolean> {
  const [watcher, speaker] = await Promise.all([BenchClient.connect(server.room(draftId, 0)), BenchClient.connect(server.room(draftId, 1))]);
  try {
    speaker.awareness.setLocalState({ user: { name: "Probe", color: "#1f4e8c" }, cursor: null });
    const deadline = performance.now() + PRESENCE_PROBE_MS;
    while (!watcher.awareness.getStates().has(speaker.doc.clientID) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, PROBE_POLL_MS));
    }
    return watcher.awareness.getStates().has(speaker.doc.clientID);
  } finally {
    watcher.close();
    speaker.close();
  }
}

/** Runs `measure` on a fresh Concord of each deployment, each repeat starting with the next in turn. */
async function alternate<T>(
  scenario: string,
  engines: BenchEngines,
  settings: ClusterSettings,
  setup: { drafts: number; doc: PMNode },
  reporting: ClusterReporting,
  measure: (deployment: Deployment, server: ServerUnderTest) => Promise<T>,
): Promise<Record<Deployment, T[]>> {
  const results = { sqlite: [], postgres: [], cluster: [] } as Record<Deployment, T[]>;
  for (let repeat = 0; repeat < settings.repeats; repeat++) {
    for (const [position, deployment] of deploymentOrder(DEPLOYMENTS, repeat).entries()) {
      const loadBefore = os.loadavg()[0]!;
      reporting.log(`${scenario}: ${DEPLOYMENT_LABELS[deployment]}`);
      const server = await startConcord({ ...setup, store: storeOf(deployment, engines) });
      try {
        results[deployment].push(await measure(deployment, server));
      } finally {
        await server.stop();
      }
      reporting.onRun({ scenario: `${scenario} (${DEPLOYMENT_LABELS[deployment]})`, repeat: repeat + 1, position: position + 1, loadBefore, loadAfter: os.loadavg()[0]! });
    }
  }
  return results;
}

/**
 * Fan-out (on the first of two drafts: the second is the presence probe's), then join, on each
 * deployment. A part that fails is logged and named in the result; the other is still measured.
 */
export async function clusterScenario(engines: BenchEngines, settings: ClusterSettings, reporting: ClusterReporting): Promise<ClusterResult> {
  const result: ClusterResult = {
    fanOutClients: settings.fanOutClients,
    fanOutWriters: Math.min(settings.fanOutWriters, settings.fanOutClients),
    joinClients: settings.joinClients,
    presenceCrossesProcesses: null,
    fanOut: null,
    join: null,
    failures: [],
  };
  const part = async (name: string, run: () => Promise<void>) => {
    await run().catch((error: unknown) => {
      reporting.log(`${name} failed: ${String(error)}`);
      result.failures.push(`${name}: ${String(error)}`);
    });
  };
  await part("cluster fan-out", async () => {
    result.fanOut = await alternate("cluster fan-out", engines, settings, { drafts: 2, doc: settings.fanOutDoc }, reporting, async (deployment, server) => {
      if (deployment !== Deployment.cluster) return fanOut(server, settings.fanOutClients, settings.fanOutWriters, settings.fanOutMs);
      result.presenceCrossesProcesses = await presenceCrosses(server, server.draftIds[1]!);
      return fanOut(server, settings.fanOutClients, settings.fanOutWriters, settings.fanOutMs, { presenceAcrossProcesses: result.presenceCrossesProcesses });
    });
  });
  await part("cluster join", async () => {
    result.join = await alternate("cluster join", engines, settings, { drafts: 1, doc: settings.joinDoc }, reporting, async (_deployment, server) => {
      const rounds: JoinResult[] = [];
      for (let round = 0; round < settings.joinRounds; round++) rounds.push(await joinRound(server, settings.joinClients));
      return rounds;
    });
  });
  return result;
}
