/**
 * The cluster-mode bench's harness (bench/cluster.ts, commitCost.ts) against a real PostgreSQL and
 * Redis it starts itself and built Concord processes: short runs whose figures are not asserted,
 * only that the clients were spread, every edit arrived and every commit was counted.
 */
import os from "node:os";
import path from "node:path";
import { COMMIT_COST_DEPLOYMENTS, commitCostScenario } from "../../bench/commitCost";
import { Deployment, storeOf } from "../../bench/deployments";
import { startBenchEngines, type BenchEngines } from "../../bench/engines";
import { fanOut } from "../../bench/fanOut";
import { startConcord } from "../../bench/servers";
import { doc, p } from "../support/dsl";

/** Long enough for a few edits per writer on a loaded machine; no speed is asserted. */
const RUN_MS = 1000;

const draft = () => doc(p("First paragraph of the bench draft."), p("Second paragraph."));

let engines: BenchEngines;

beforeAll(async () => {
  engines = await startBenchEngines();
});

afterAll(async () => {
  await engines?.stop();
});

describe("the cluster-mode bench", () => {
  it("spreads a cluster's clients over its two processes, and every edit reaches every client", async () => {
    const server = await startConcord({ drafts: 1, doc: draft(), store: storeOf(Deployment.cluster, engines) });
    try {
      const draftId = server.draftIds[0]!;
      expect(server.pids).toHaveLength(2);
      expect(new URL(server.room(draftId, 0).url).port).not.toBe(new URL(server.room(draftId, 1).url).port);
      expect(new URL(server.room(draftId, 2).url).port).toBe(new URL(server.room(draftId, 0).url).port);
      const result = await fanOut(server, 6, 2, RUN_MS, { presenceAcrossProcesses: false });
      expect(result.edits).toBeGreaterThan(0);
      expect(result.undelivered).toBe(0);
      expect(Number.isFinite(result.presenceSettleMs)).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it("counts every commit of each store from the server's own log", async () => {
    const result = await commitCostScenario(engines, { repeats: 1, writers: 2, durationMs: RUN_MS, doc: draft() }, () => {});
    for (const deployment of COMMIT_COST_DEPLOYMENTS) {
      const [run] = result.runs[deployment];
      expect(run!.commits).toBeGreaterThan(0);
      expect(Number.isFinite(run!.commitMs.p50)).toBe(true);
    }
    expect(result.runs.postgres[0]!.engineCpuSeconds).toBeGreaterThan(0);
  });

  it("refuses a commit log that several processes would each overwrite", async () => {
    const commitLog = path.join(os.tmpdir(), "never-written.json");
    await expect(startConcord({ drafts: 1, commitLog, store: storeOf(Deployment.cluster, engines) })).rejects.toThrow(RangeError);
  });
});
