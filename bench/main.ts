/**
 * `npm run bench [-- --quick] [-- --browser-only] [-- --exports-only] [-- --contributions-only]`: Concord against the reference y-websocket server, each in its own
 * process on loopback, driven by this process. Servers take turns (A B A B) so machine drift cancels
 * out; each figure is the median of the repeats. Writes bench/results/latest.md and latest.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { schema } from "../shared/schema";
import { browserScenario } from "./browser";
import { contributionsJoinScenario, contributionsJoinSection } from "./contributionsJoin";
import { fanOut, type FanOutResult } from "./fanOut";
import { exportsScenario } from "./exports";
import { machine } from "./processStats";
import { joinRound, largeDraft, type JoinResult } from "./join";
import { manyDrafts, type ManyDraftsResult } from "./manyDrafts";
import { exportsSection, RESULTS_DIR, writeReport, type BenchResults } from "./report";
import { startServer, type ServerKind, type ServerSetup } from "./servers";
import { median, summary } from "./stats";

const quick = process.argv.includes("--quick");
const settings = quick
  ? { repeats: 1, fanOutMs: 2000, manyDraftsMs: 4000, joinRounds: 3, browserRepeats: 1, exportRepeats: 1 }
  : { repeats: 3, fanOutMs: 10_000, manyDraftsMs: 15_000, joinRounds: 3, browserRepeats: 3, exportRepeats: 3 };
const KINDS: ServerKind[] = ["concord", "baseline"];
const FAN_OUT_CLIENTS = [10, 50, 200];
const FAN_OUT_WRITERS = [1, 20];
const JOIN_CLIENTS = 50;
const MANY_DRAFTS = 500;

function smallDraft() {
  return schema.node("doc", null, Array.from({ length: 8 }, (_, i) => schema.node("paragraph", null, [schema.text(`Paragraph ${i + 1} of the bench draft.`)])));
}

/** Runs `measure` on a fresh server of each kind, A B A B, and returns every repeat's result. */
async function alternate<T>(setup: ServerSetup, measure: (kind: ServerKind, server: Awaited<ReturnType<typeof startServer>>) => Promise<T>) {
  const results: Record<ServerKind, T[]> = { concord: [], baseline: [] };
  for (let repeat = 0; repeat < settings.repeats; repeat++) {
    for (const kind of KINDS) {
      const server = await startServer(kind, setup);
      try {
        results[kind].push(await measure(kind, server));
      } finally {
        await server.stop();
      }
    }
  }
  return results;
}

function medianOf<T>(runs: T[], pick: (run: T) => number): number {
  return median(runs.map(pick));
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
  const results: BenchResults = { quick, settings, fanOut: [], join: null, manyDrafts: null, trust: null, durability: null, browser: null, exports: null };

  for (const clients of FAN_OUT_CLIENTS) {
    for (const writers of FAN_OUT_WRITERS) {
      log(`fan-out: ${clients} clients, ${writers} writer(s)`);
      const runs = await alternate<FanOutResult>({ drafts: 1, doc: smallDraft() }, (_kind, server) => fanOut(server, clients, writers, settings.fanOutMs));
      results.fanOut.push({
        clients,
        writers,
        concord: runs.concord,
        baseline: runs.baseline,
        p99: { concord: medianOf(runs.concord, (r) => r.latencyMs.p99), baseline: medianOf(runs.baseline, (r) => r.latencyMs.p99) },
      });
    }
  }

  log("join: 5,000 paragraphs, 50 clients at once");
  const joins = await alternate<JoinResult[]>({ drafts: 1, doc: largeDraft() }, async (_kind, server) => {
    const rounds: JoinResult[] = [];
    for (let round = 0; round < settings.joinRounds; round++) rounds.push(await joinRound(server, JOIN_CLIENTS));
    return rounds;
  });
  results.join = { concord: joins.concord.flat(), baseline: joins.baseline.flat() };

  log(`many drafts: ${MANY_DRAFTS} drafts × 2 clients`);
  const many = await alternate<ManyDraftsResult>({ drafts: MANY_DRAFTS, doc: smallDraft() }, (_kind, server) => manyDrafts(server, settings.manyDraftsMs));
  results.manyDrafts = many;

  log("cost of trust and durability: 200 clients, 20 writers, guard and durable commit on / off");
  const commitLog = path.join(os.tmpdir(), `concord-bench-commits-${process.pid}.json`);
  const trust = { on: [] as FanOutResult[], off: [] as FanOutResult[] };
  const commitTimes: number[] = [];
  for (let repeat = 0; repeat < settings.repeats; repeat++) {
    for (const trustOff of [false, true]) {
      const server = await startServer("concord", { drafts: 1, doc: smallDraft(), trustOff, commitLog: trustOff ? undefined : commitLog });
      try {
        (trustOff ? trust.off : trust.on).push(await fanOut(server, 200, 20, settings.fanOutMs));
      } finally {
        await server.stop();
      }
      if (!trustOff && fs.existsSync(commitLog)) commitTimes.push(...(JSON.parse(fs.readFileSync(commitLog, "utf8")) as number[]));
    }
  }
  fs.rmSync(commitLog, { force: true });
  results.trust = trust;
  results.durability = summary(commitTimes);

  log("browser: 1,000 paragraphs, 500 proposals, 2,000 stances in headless Chromium");
  // A failure here must not throw away the figures measured so far.
  results.browser = await browserScenario(settings.browserRepeats).catch((error: unknown) => {
    log(`browser scenario failed: ${String(error)}`);
    return null;
  });

  log("documents out: 5,000 paragraphs as DOCX, PDF and AKN, one process per export");
  results.exports = await exportsScenario(settings.exportRepeats, log).catch((error: unknown) => {
    log(`documents out failed: ${String(error)}`);
    return null;
  });

  const written = writeReport(results, `npm run bench${quick ? " -- --quick" : ""}`);
  log(`report written to ${written.join(" and ")}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
