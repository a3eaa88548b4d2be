/**
 * `npm run bench [-- --quick] [-- --browser-only] [-- --exports-only] [-- --contributions-only]`: Concord against the reference
 * y-websocket server and Hocuspocus, each in its own process on loopback pinned to one core, driven by
 * this process on the other. Each repeat starts with the next server in turn (C R H, R H C, H C R) so
 * that machine drift cancels out; figures are medians of the repeats, ratios are given per repeat
 * with their range, and the machine's load is recorded for every run. Writes bench/results/latest.md
 * and latest.json (a quick run: quick.md and quick.json).
 *
 * Cluster mode (issue 16) is measured against a PostgreSQL and a Redis the bench starts in temporary
 * folders and stops after: `cluster` (fan-out and join over two processes beside one over PostgreSQL
 * and one over SQLite) and `commit-cost` (a PostgreSQL commit against SQLite's).
 *
 * For profiling and quick checks: `--only=fan-out,join,many-drafts,trust,browser,exports,cluster,commit-cost` runs those
 * scenarios (the report is then written to bench/results/partial.md), `--servers=concord,baseline`
 * those servers, `--repeats=N` the repeats of a full run, `--many-drafts=N` the draft count, `--fan-out=10,50` the fan-out sizes, and
 * `--server-cpu-prof=DIR` runs Concord under `node --cpu-prof` writing profiles to DIR.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { schema } from "../shared/schema";
import { browserScenario } from "./browser";
import { clusterScenario } from "./cluster";
import { commitCostScenario } from "./commitCost";
import { startBenchEngines, type BenchEngines } from "./engines";
import { contributionsJoinScenario, contributionsJoinSection } from "./contributionsJoin";
import { fanOut, type FanOutResult } from "./fanOut";
import { exportsScenario } from "./exports";
import { machine } from "./processStats";
import { joinRound, largeDraft, type JoinResult } from "./join";
import { manyDrafts, type ManyDraftsResult } from "./manyDrafts";
import { exportsSection, RESULTS_DIR, writeReport, type BenchResults, type RunRecord } from "./report";
import { startServer, SERVER_KINDS, type ServerKind, type ServerSetup } from "./servers";
import { summary } from "./stats";
import { pinning } from "./pinning";

const quick = process.argv.includes("--quick");
const settings = quick
  ? { repeats: 1, fanOutMs: 2000, manyDraftsMs: 4000, joinRounds: 3, browserRepeats: 1, exportRepeats: 1 }
  : { repeats: Number(option("repeats") ?? 3), fanOutMs: 10_000, manyDraftsMs: 15_000, joinRounds: 3, browserRepeats: 3, exportRepeats: 3 };
/** Fan-out sizes, all with presence and FAN_OUT_WRITERS writers; a quick run skips the middle ones. */
const FAN_OUT_CLIENTS = option("fan-out")?.split(",").map(Number) ?? (quick ? [10, 200, 1000] : [10, 50, 200, 500, 1000]);
const FAN_OUT_WRITERS = 20;
const JOIN_CLIENTS = 50;
const MANY_DRAFTS = Number(option("many-drafts") ?? 500);
const KINDS = (option("servers")?.split(",") as ServerKind[] | undefined) ?? [...SERVER_KINDS];
const SCENARIOS = option("only")?.split(",") ?? ["fan-out", "join", "many-drafts", "trust", "browser", "exports", "contributions", "cluster", "commit-cost"];
/** Clients of the cluster scenario's fan-out, spread evenly over its processes, and its writers. */
const CLUSTER_FAN_OUT_CLIENTS = 200;
/** Writers of the commit-cost scenario, with no other clients. */
const COMMIT_COST_WRITERS = 20;
const cpuProfileDir = option("server-cpu-prof");

/** The value of `--name=value` on the command line, if given. */
function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function smallDraft() {
  return schema.node("doc", null, Array.from({ length: 8 }, (_, i) => schema.node("paragraph", null, [schema.text(`Paragraph ${i + 1} of the bench draft.`)])));
}

const runLog: RunRecord[] = [];

/**
 * Runs `measure` on a fresh server of each kind, each repeat starting with the next kind in turn,
 * and returns every repeat's result by kind (index = repeat), logging the machine's load per run.
 */
async function alternate<T>(scenario: string, setup: ServerSetup, measure: (kind: ServerKind, server: Awaited<ReturnType<typeof startServer>>) => Promise<T>) {
  const results = Object.fromEntries(KINDS.map((kind) => [kind, [] as T[]])) as Partial<Record<ServerKind, T[]>>;
  for (let repeat = 0; repeat < settings.repeats; repeat++) {
    const order = KINDS.map((_, i) => KINDS[(i + repeat) % KINDS.length]!);
    for (const [position, kind] of order.entries()) {
      const loadBefore = os.loadavg()[0]!;
      const server = await startServer(kind, { ...setup, nodeArgs: kind === "concord" && cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : undefined });
      try {
        results[kind]!.push(await measure(kind, server));
      } finally {
        await server.stop();
      }
      runLog.push({ scenario, repeat: repeat + 1, position: position + 1, kind, loadBefore, loadAfter: os.loadavg()[0]! });
    }
  }
  return results;
}

/** How this run was pinned, checked from the client process's own CPU affinity. */
function pinningNote(): string {
  const allowed = /Cpus_allowed_list:\s*(\S+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1] ?? "unknown";
  return `${pinning.note}; this client process may run on CPU(s) ${allowed}`;
}

async function main(): Promise<void> {
  if (process.argv.includes("--browser-only")) {
    // For working on the app: scenario 6 alone, printed, without touching the report.
    console.log(JSON.stringify(await browserScenario(settings.browserRepeats), null, 2));
    return;
  }
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);
  if (process.argv.includes("--contributions-only")) {
    // Issue 18's figure alone, written beside the report (bench/results/contributions.md).
    log("contributions: joining the text with and without ten ten-page written contributions");
    const result = await contributionsJoinScenario();
    const file = path.join(RESULTS_DIR, "contributions.md");
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const head = ["# Concord benchmark: written contributions", "", `- Date: ${new Date().toISOString()}`, `- Machine: ${machine()}`, "- Command: `npm run bench -- --contributions-only`", ""];
    fs.writeFileSync(file, [...head, ...contributionsJoinSection(result), ""].join("\n"));
    fs.writeFileSync(file.replace(/\.md$/, ".json"), JSON.stringify({ date: new Date().toISOString(), result }, null, 2));
    log(`report written to ${file}`);
    return;
  }
  if (process.argv.includes("--exports-only")) {
    // Scenario 7 alone, written beside the report (bench/results/exports.md) without touching it.
    log("documents out: 5,000 paragraphs as DOCX, PDF and AKN, one process per export");
    const exports = await exportsScenario(settings.exportRepeats, log);
    const command = `npm run bench -- --exports-only${quick ? " --quick" : ""}`;
    const file = path.join(RESULTS_DIR, "exports.md");
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(file, ["# Concord benchmark: documents out", "", `- Date: ${new Date().toISOString()}`, `- Machine: ${machine()}, load average ${os.loadavg()[0]!.toFixed(1)} at the end`, `- Command: \`${command}\``, "", ...exportsSection(exports), ""].join("\n"));
    fs.writeFileSync(file.replace(/\.md$/, ".json"), JSON.stringify({ date: new Date().toISOString(), command, exports }, null, 2));
    log(`written to ${file}`);
    return;
  }
  const results: BenchResults = { quick, settings, servers: KINDS, pinning: pinningNote(), runs: runLog, failed: [], fanOut: [], join: null, manyDrafts: null, trust: null, durability: null };
  const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.replace(/ -- $/, "");
  log(results.pinning);

  // A scenario that fails is named in the report; the figures measured so far are kept.
  const attempt = async (name: string, run: () => Promise<void>) => {
    if (!SCENARIOS.includes(name)) return;
    await run().catch((error: unknown) => {
      log(`${name} failed: ${String(error)}`);
      results.failed.push(`${name}: ${String(error)}`);
    });
  };

  await attempt("fan-out", async () => {
    for (const clients of FAN_OUT_CLIENTS) {
      log(`fan-out: ${clients} clients with presence, ${Math.min(clients, FAN_OUT_WRITERS)} writers`);
      const runs = await alternate<FanOutResult>(`fan-out ${clients}`, { drafts: 1, doc: smallDraft() }, (_kind, server) => fanOut(server, clients, FAN_OUT_WRITERS, settings.fanOutMs));
      results.fanOut.push({ clients, writers: Math.min(clients, FAN_OUT_WRITERS), runs });
    }
  });

  await attempt("join", async () => {
    log("join: 5,000 paragraphs, 50 clients at once");
    results.join = await alternate<JoinResult[]>("join", { drafts: 1, doc: largeDraft() }, async (_kind, server) => {
      const rounds: JoinResult[] = [];
      for (let round = 0; round < settings.joinRounds; round++) rounds.push(await joinRound(server, JOIN_CLIENTS));
      return rounds;
    });
  });

  await attempt("many-drafts", async () => {
    log(`many drafts: ${MANY_DRAFTS} drafts × 2 clients`);
    results.manyDrafts = await alternate<ManyDraftsResult>("many drafts", { drafts: MANY_DRAFTS, doc: smallDraft() }, (_kind, server) => manyDrafts(server, settings.manyDraftsMs));
  });

  await attempt("trust", async () => {
    if (!KINDS.includes("concord")) return;
    log("cost of trust and durability: 200 clients, 20 writers, guard and durable commit on / off");
    const commitLog = path.join(os.tmpdir(), `concord-bench-commits-${process.pid}.json`);
    const trust = { on: [] as FanOutResult[], off: [] as FanOutResult[] };
    const commitTimes: number[] = [];
    for (let repeat = 0; repeat < settings.repeats; repeat++) {
      // On first, then off first: the order alternates like the servers'.
      for (const trustOff of repeat % 2 === 0 ? [false, true] : [true, false]) {
        const loadBefore = os.loadavg()[0]!;
        const server = await startServer("concord", { drafts: 1, doc: smallDraft(), trustOff, commitLog: trustOff ? undefined : commitLog });
        try {
          (trustOff ? trust.off : trust.on).push(await fanOut(server, 200, 20, settings.fanOutMs));
        } finally {
          await server.stop();
        }
        runLog.push({ scenario: `trust ${trustOff ? "off" : "on"}`, repeat: repeat + 1, position: trustOff === (repeat % 2 === 0) ? 2 : 1, kind: "concord", loadBefore, loadAfter: os.loadavg()[0]! });
        if (!trustOff && fs.existsSync(commitLog)) commitTimes.push(...(JSON.parse(fs.readFileSync(commitLog, "utf8")) as number[]));
      }
    }
    fs.rmSync(commitLog, { force: true });
    results.trust = trust;
    results.durability = summary(commitTimes);
  });

  if (SCENARIOS.includes("browser")) {
    log("browser: 1,000 paragraphs, 500 proposals, 2,000 stances in headless Chromium");
    // A failure here must not throw away the figures measured so far.
    results.browser = await browserScenario(settings.browserRepeats).catch((error: unknown) => {
      log(`browser scenario failed: ${String(error)}`);
      return null;
    });
  }

  if (SCENARIOS.includes("exports")) {
    log("documents out: 5,000 paragraphs as DOCX, PDF and AKN, one process per export");
    results.exports = await exportsScenario(settings.exportRepeats, log).catch((error: unknown) => {
      log(`documents out failed: ${String(error)}`);
      return null;
    });
  }

  if (SCENARIOS.includes("contributions")) {
    log("contributions: joining the text with and without ten ten-page written contributions");
    results.contributions = await contributionsJoinScenario().catch((error: unknown) => {
      log(`contributions failed: ${String(error)}`);
      return null;
    });
  }

  const clusterScenarios = ["cluster", "commit-cost"].filter((name) => SCENARIOS.includes(name));
  if (clusterScenarios.length > 0 && KINDS.includes("concord")) {
    log("cluster mode: starting PostgreSQL and Redis on the server core");
    let engines: BenchEngines | null = null;
    try {
      engines = await startBenchEngines();
    } catch (error) {
      log(`PostgreSQL or Redis did not start: ${String(error)}`);
      for (const name of clusterScenarios) results.failed.push(`${name}: PostgreSQL or Redis did not start: ${String(error)}`);
      if (SCENARIOS.includes("cluster")) results.cluster = null;
      if (SCENARIOS.includes("commit-cost")) results.commitCost = null;
    }
    if (engines) {
      const ready = engines;
      const onRun = (run: Omit<RunRecord, "kind">) => runLog.push({ ...run, kind: "concord" });
      // Each result is null until measured, so that a scenario that fails shows as failed in the report.
      try {
        await attempt("cluster", async () => {
          log(`cluster: fan-out (${CLUSTER_FAN_OUT_CLIENTS} clients, ${FAN_OUT_WRITERS} writers) and join (${JOIN_CLIENTS} clients) over two processes, one over PostgreSQL, one over SQLite`);
          results.cluster = null;
          results.cluster = await clusterScenario(
            ready,
            { repeats: settings.repeats, fanOutClients: CLUSTER_FAN_OUT_CLIENTS, fanOutWriters: FAN_OUT_WRITERS, fanOutMs: settings.fanOutMs, joinClients: JOIN_CLIENTS, joinRounds: settings.joinRounds, fanOutDoc: smallDraft(), joinDoc: largeDraft() },
            { onRun, log },
          );
          for (const failure of results.cluster.failures) results.failed.push(failure);
        });
        await attempt("commit-cost", async () => {
          log(`commit cost: ${COMMIT_COST_WRITERS} writers, one process over PostgreSQL, one over SQLite`);
          results.commitCost = null;
          results.commitCost = await commitCostScenario(ready, { repeats: settings.repeats, writers: COMMIT_COST_WRITERS, durationMs: settings.fanOutMs, doc: smallDraft() }, onRun);
        });
      } finally {
        await ready.stop();
      }
    }
  }

  // Only a full run writes latest.md: a partial run (some scenarios or servers) writes partial.md, a quick one quick.md.
  const partial = ["only", "servers", "fan-out", "many-drafts", "repeats"].some((name) => option(name) !== undefined);
  const written = writeReport(results, command, partial ? "partial" : quick ? "quick" : "latest");
  log(`report written to ${written.join(" and ")}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
