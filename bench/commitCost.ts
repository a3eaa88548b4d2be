/**
 * The cost of a commit: one Concord process over PostgreSQL against one over SQLite, under the same
 * write load (writers only, each typing every 50 ms, so that relaying costs little beside storing).
 * For every committed update, the time from its arrival to its commit (the server's own log,
 * CONCORD_BENCH_COMMIT_LOG); and the CPU per committed update of Concord and of PostgreSQL, whose
 * commit work runs in its own backends rather than in Concord's process as SQLite's does.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Node as PMNode } from "prosemirror-model";
import { Deployment, DEPLOYMENT_LABELS, deploymentOrder, storeOf, type DeploymentRun } from "./deployments";
import type { BenchEngines } from "./engines";
import { fanOut } from "./fanOut";
import { startConcord } from "./servers";
import { summary } from "./stats";

/** The deployments compared: one process each. */
export const COMMIT_COST_DEPLOYMENTS = [Deployment.sqlite, Deployment.postgres] as const;
/** One of the deployments compared. */
export type CommitCostDeployment = (typeof COMMIT_COST_DEPLOYMENTS)[number];

/** One run's figures. */
export interface CommitCostRun {
  /** Ms from an update's arrival to its commit, over every update committed in the run. */
  commitMs: ReturnType<typeof summary>;
  commits: number;
  /** Concord's CPU seconds while the writers wrote, and the database engine's (0 for SQLite, which runs inside Concord). */
  serverCpuSeconds: number;
  engineCpuSeconds: number;
  /** Both, per committed update, in microseconds. */
  cpuMicrosPerCommit: number;
  /** Ms from an edit to its arrival at every other writer. */
  latencyMs: ReturnType<typeof summary>;
}

/** Every repeat's runs by deployment (index = repeat). */
export interface CommitCostResult {
  writers: number;
  runs: Record<CommitCostDeployment, CommitCostRun[]>;
}

/** The load and its length. */
export interface CommitCostSettings {
  repeats: number;
  writers: number;
  durationMs: number;
  doc: PMNode;
}

/** Runs the write load on a fresh process of each deployment, each repeat starting with the next in turn. */
export async function commitCostScenario(engines: BenchEngines, settings: CommitCostSettings, onRun: (run: DeploymentRun) => void): Promise<CommitCostResult> {
  const runs: CommitCostResult["runs"] = { sqlite: [], postgres: [] };
  const commitLog = path.join(os.tmpdir(), `concord-bench-commit-cost-${process.pid}.json`);
  for (let repeat = 0; repeat < settings.repeats; repeat++) {
    for (const [position, deployment] of deploymentOrder(COMMIT_COST_DEPLOYMENTS, repeat).entries()) {
      const loadBefore = os.loadavg()[0]!;
      fs.rmSync(commitLog, { force: true });
      const server = await startConcord({ drafts: 1, doc: settings.doc, commitLog, store: storeOf(deployment, engines) });
      let measured;
      try {
        measured = await fanOut(server, settings.writers, settings.writers, settings.durationMs);
      } finally {
        // The server writes its commit log as it shuts down.
        await server.stop();
      }
      if (!fs.existsSync(commitLog)) throw new Error(`Concord over ${deployment} wrote no commit log at ${commitLog}`);
      const commitTimes = JSON.parse(fs.readFileSync(commitLog, "utf8")) as number[];
      const cpu = measured.serverCpuSeconds + measured.engineCpuSeconds;
      runs[deployment as CommitCostDeployment].push({
        commitMs: summary(commitTimes),
        commits: commitTimes.length,
        serverCpuSeconds: measured.serverCpuSeconds,
        engineCpuSeconds: measured.engineCpuSeconds,
        cpuMicrosPerCommit: commitTimes.length > 0 ? (cpu * 1e6) / commitTimes.length : Number.NaN,
        latencyMs: measured.latencyMs,
      });
      onRun({ scenario: `commit cost (${DEPLOYMENT_LABELS[deployment]})`, repeat: repeat + 1, position: position + 1, loadBefore, loadAfter: os.loadavg()[0]! });
    }
  }
  fs.rmSync(commitLog, { force: true });
  return { writers: settings.writers, runs };
}
