/**
 * Sections 8 and 9 of the report: cluster mode beside one process (issue 16), and the cost of a
 * PostgreSQL commit against SQLite's. Each says how the processes were pinned, since two Concord
 * processes, PostgreSQL and Redis all share the one server core.
 */
import { PRESENCE_PROBE_MS, type ClusterResult } from "./cluster";
import { COMMIT_COST_DEPLOYMENTS, type CommitCostResult } from "./commitCost";
import { CLUSTER_PROCESSES, Deployment, DEPLOYMENT_LABELS, DEPLOYMENTS } from "./deployments";
import { EDIT_INTERVAL_MS, type FanOutResult } from "./fanOut";
import { JOIN_PARAGRAPHS, type JoinResult } from "./join";
import { fmt, ratioText } from "./reportFormat";
import { median } from "./stats";

/** Where every server-side process ran. */
const PINNING_NOTE =
  "Pinning: every server-side process — each Concord process, PostgreSQL's postmaster and backends, Redis — runs on the server core (core 0), as a single Concord and its SQLite do; the clients run on core 1.";

/** What that pinning means for the cluster's figures. */
const CLUSTER_PINNING_NOTE =
  `So the ${CLUSTER_PROCESSES} processes of the cluster share one core: the cluster gets no more CPU than one process, and its figures show what spreading a room over processes costs ` +
  "(ringing Redis, reading each other's commits back from PostgreSQL in order, every process applying every update), not what it gains. " +
  "On a machine with a core per process the cluster's latency would be lower; its CPU per delivered update, a sum over all processes, would not. " +
  "Ratios between deployments are therefore ratios of cost on equal CPU.";

/** The engines' settings, which decide what a commit waits for. */
const DURABILITY_NOTE =
  "PostgreSQL runs as deployed (fsync and synchronous_commit on: a commit waits for its WAL to reach the disk), over a unix socket; Redis over a unix socket, keeping nothing on disk. " +
  "SQLite runs as Concord configures it (WAL, synchronous=NORMAL: a commit survives a crash of the process without waiting for the disk). " +
  "Both stores commit a room's waiting updates together (group commit).";

/** Deployment b's figure over deployment a's, repeat by repeat. */
function ratios<T>(runs: Record<Deployment, T[]>, over: Deployment, under: Deployment, pick: (run: T) => number): number[] {
  return runs[over].slice(0, runs[under].length).map((run, i) => {
    const base = pick(runs[under][i]!);
    return base > 0 ? pick(run) / base : Number.NaN;
  });
}

/** The pairs of deployments whose ratios the report gives. */
const COMPARED: Array<[Deployment, Deployment]> = [
  [Deployment.cluster, Deployment.postgres],
  [Deployment.cluster, Deployment.sqlite],
  [Deployment.postgres, Deployment.sqlite],
];

/** A table of each deployment's median figures, then the compared pairs' ratios. */
function comparison<T>(runs: Record<Deployment, T[]>, columns: Array<[string, (run: T) => number, number]>, ratioFigures: Array<[string, (run: T) => number]>): string[] {
  const lines = [`| deployment | ${columns.map(([name]) => name).join(" | ")} | repeats |`, `| --- |${columns.map(() => " --- |").join("")} --- |`];
  for (const deployment of DEPLOYMENTS) {
    const results = runs[deployment];
    lines.push(`| ${DEPLOYMENT_LABELS[deployment]} | ${columns.map(([, pick, digits]) => fmt(median(results.map(pick)), digits)).join(" | ")} | ${results.length} |`);
  }
  lines.push("", `| ratio | ${ratioFigures.map(([name]) => `${name}: median (min–max; per repeat)`).join(" | ")} |`, `| --- |${ratioFigures.map(() => " --- |").join("")}`);
  for (const [over, under] of COMPARED) {
    lines.push(`| ${DEPLOYMENT_LABELS[over]} ÷ ${DEPLOYMENT_LABELS[under]} | ${ratioFigures.map(([, pick]) => ratioText(ratios(runs, over, under, pick))).join(" | ")} |`);
  }
  return lines;
}

/** Server CPU per delivered update counting every process: Concord's and the engines'. */
const allCpuMicrosPerDelivered = (r: FanOutResult) => (r.deliveredUpdates > 0 ? ((r.serverCpuSeconds + r.engineCpuSeconds) * 1e6) / r.deliveredUpdates : Number.NaN);

/** The fan-out part of section 8. */
function fanOutPart(result: ClusterResult, perProcess: string): string[] {
  const heading = `### Fan-out: ${result.fanOutClients} clients (${perProcess}), ${result.fanOutWriters} writers each typing every ${EDIT_INTERVAL_MS} ms, presence on`;
  if (!result.fanOut) return [heading, "", "failed in this run: see the bench's output."];
  const presence = result.presenceCrossesProcesses
    ? "Presence crossed processes: in the cluster every client awaited everyone's presence, as on one process."
    : `**Presence did not cross processes in this build** (a probe's presence on one process did not reach the other within ${PRESENCE_PROBE_MS / 1000} s): in the cluster each client awaited the presence of its own process's clients only, and each process relayed presence to its own clients only, so the cluster's fan-out carried about half the presence traffic of one process.`;
  return [
    heading,
    "",
    presence,
    "",
    ...comparison(
      result.fanOut,
      [
        ["presence settled ms", (r) => r.presenceSettleMs, 0],
        ["p50 ms", (r) => r.latencyMs.p50, 1],
        ["p99 ms", (r) => r.latencyMs.p99, 1],
        ["max ms", (r) => r.latencyMs.max, 1],
        ["edits", (r) => r.edits, 0],
        ["undelivered", (r) => r.undelivered, 0],
        ["Concord CPU s", (r) => r.serverCpuSeconds, 2],
        ["PostgreSQL + Redis CPU s", (r) => r.engineCpuSeconds, 2],
        ["CPU µs per delivered update, all processes", allCpuMicrosPerDelivered, 2],
        ["Concord RSS MiB, all its processes", (r) => r.serverRssMiB, 0],
      ],
      [["p99", (r) => r.latencyMs.p99], ["CPU per delivered update, all processes", allCpuMicrosPerDelivered]],
    ),
  ];
}

/** The join part of section 8: each repeat's median over its rounds. */
function joinPart(result: ClusterResult, perProcess: string): string[] {
  const heading = `### Join: ${JOIN_PARAGRAPHS.toLocaleString("en")} paragraphs, ${result.joinClients} clients at once (${perProcess}); gzipped snapshot, then the difference; median of the rounds`;
  const join = result.join;
  if (!join) return [heading, "", "failed in this run: see the bench's output."];
  const perRun = Object.fromEntries(
    DEPLOYMENTS.map((deployment) => [
      deployment,
      join[deployment].map((rounds: JoinResult[]) => ({
        p50: median(rounds.map((r) => r.timeToSyncedMs.p50)),
        p99: median(rounds.map((r) => r.timeToSyncedMs.p99)),
        bytes: median(rounds.map((r) => r.bytesPerClient)),
        cpu: median(rounds.map((r) => r.serverCpuMsPerJoin)),
        engineCpu: median(rounds.map((r) => r.engineCpuMsPerJoin)),
        reopened: rounds.reduce((sum, r) => sum + r.reopenedSockets, 0),
      })),
    ]),
  ) as Record<Deployment, Array<{ p50: number; p99: number; bytes: number; cpu: number; engineCpu: number; reopened: number }>>;
  return [
    heading,
    "",
    "Time to synced is mostly the one client process decoding every client's megabyte on its core; CPU per join is the server side's own figure. " +
      "A socket whose request the client process was too busy to send within the server's headers timeout is answered 408 and opened again, its time counting from the first attempt.",
    "",
    ...comparison(
      perRun,
      [
        ["time to synced p50 ms", (r) => r.p50, 1],
        ["p99 ms", (r) => r.p99, 1],
        ["bytes per client", (r) => r.bytes, 0],
        ["Concord CPU ms per join", (r) => r.cpu, 2],
        ["PostgreSQL + Redis CPU ms per join", (r) => r.engineCpu, 2],
        ["sockets reopened after a 408, all rounds", (r) => r.reopened, 0],
      ],
      [["p99", (r) => r.p99], ["CPU per join, all processes", (r) => r.cpu + r.engineCpu]],
    ),
  ];
}

/** Section 8: fan-out and join on each deployment. */
export function clusterSection(result: ClusterResult | null): string[] {
  const title = `## 8. Cluster mode (issue 16): ${CLUSTER_PROCESSES} processes over PostgreSQL and Redis, beside one process over PostgreSQL and over SQLite`;
  if (!result) return [title, "", "failed in this run: see the bench's output."];
  const perProcess = (clients: number) => `${clients / CLUSTER_PROCESSES} on each process of the cluster`;
  return [
    title,
    "",
    `${PINNING_NOTE} ${CLUSTER_PINNING_NOTE}`,
    "",
    DURABILITY_NOTE,
    "",
    ...fanOutPart(result, perProcess(result.fanOutClients)),
    "",
    ...joinPart(result, perProcess(result.joinClients)),
  ];
}

/** Section 9: arrival-to-commit time and CPU per committed update, PostgreSQL against SQLite. */
export function commitCostSection(result: CommitCostResult | null): string[] {
  const title = "## 9. Cost of a commit: PostgreSQL against SQLite (one Concord process each, the same write load)";
  if (!result) return [title, "", "failed in this run: see the bench's output."];
  const lines = [
    title,
    "",
    `${result.writers} writers, no other clients, each typing every ${EDIT_INTERVAL_MS} ms. Arrival to commit is measured by the server (CONCORD_BENCH_COMMIT_LOG) for every committed update: it includes waiting behind the room's commit in flight. ` +
      "CPU per committed update counts Concord's process and, for PostgreSQL, its backends (SQLite's work runs inside Concord's process); relaying to the other writers is in both and the same in both, so the difference is what a PostgreSQL commit costs beyond SQLite's.",
    "",
    "Reading it: PostgresStorage writes a room's batch one statement per update and per audit entry, each a round trip to PostgreSQL, and the room's next batch waits for this one. " +
      "When arrival to commit grows towards the run's length, the round trips are not keeping up with the arrivals (the queue grew all run), and the p50 says more about the load than about one commit.",
    "",
    PINNING_NOTE,
    "",
    DURABILITY_NOTE,
    "",
    "| store | arrival to commit p50 ms | p99 ms | max ms | committed updates | Concord CPU s | PostgreSQL CPU s | CPU µs per committed update, both | edit to every other writer p99 ms | repeats |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const deployment of COMMIT_COST_DEPLOYMENTS) {
    const runs = result.runs[deployment];
    const m = (pick: (run: (typeof runs)[number]) => number) => median(runs.map(pick));
    lines.push(
      `| ${DEPLOYMENT_LABELS[deployment]} | ${fmt(m((r) => r.commitMs.p50), 2)} | ${fmt(m((r) => r.commitMs.p99), 2)} | ${fmt(m((r) => r.commitMs.max), 2)} | ${fmt(m((r) => r.commits), 0)} | ${fmt(m((r) => r.serverCpuSeconds), 2)} | ${fmt(m((r) => r.engineCpuSeconds), 2)} | ${fmt(m((r) => r.cpuMicrosPerCommit), 1)} | ${fmt(m((r) => r.latencyMs.p99), 1)} | ${runs.length} |`,
    );
  }
  const ratio = (pick: (run: CommitCostResult["runs"]["sqlite"][number]) => number) =>
    ratioText(result.runs.postgres.slice(0, result.runs.sqlite.length).map((run, i) => (pick(result.runs.sqlite[i]!) > 0 ? pick(run) / pick(result.runs.sqlite[i]!) : Number.NaN)));
  lines.push(
    "",
    "| PostgreSQL ÷ SQLite | arrival to commit p50 | p99 | CPU per committed update |",
    "| --- | --- | --- | --- |",
    `| median (min–max; per repeat) | ${ratio((r) => r.commitMs.p50)} | ${ratio((r) => r.commitMs.p99)} | ${ratio((r) => r.cpuMicrosPerCommit)} |`,
  );
  return lines;
}
