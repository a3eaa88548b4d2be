/** The benchmark report: figures for both servers, ratios, and each target as met or not met. */
import fs from "node:fs";
import path from "node:path";
import type { BrowserResult } from "./browser";
import { BENCH_EXPORT_FORMATS, type ExportsResult } from "./exports";
import type { FanOutResult } from "./fanOut";
import type { JoinResult } from "./join";
import type { ManyDraftsResult } from "./manyDrafts";
import { machine } from "./processStats";
import { median, type summary } from "./stats";

/** Everything one run measured. */
export interface BenchResults {
  quick: boolean;
  settings: Record<string, number>;
  fanOut: Array<{ clients: number; writers: number; concord: FanOutResult[]; baseline: FanOutResult[]; p99: { concord: number; baseline: number } }>;
  join: { concord: JoinResult[]; baseline: JoinResult[] } | null;
  manyDrafts: { concord: ManyDraftsResult[]; baseline: ManyDraftsResult[] } | null;
  trust: { on: FanOutResult[]; off: FanOutResult[] } | null;
  durability: ReturnType<typeof summary> | null;
  browser: BrowserResult | null;
  /** Scenario 7; absent from reports written before it existed. */
  exports?: ExportsResult | null;
}

/** Where the report goes. */
export const RESULTS_DIR = path.resolve(__dirname, "..", "..", "bench", "results");

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const ratio = (concord: number, baseline: number) => (baseline > 0 ? concord / baseline : Number.NaN);

interface Target {
  name: string;
  concord: number;
  baseline: number;
  limit: number;
  /** The figure compared with the limit (a ratio, or the cost's share). */
  value: number;
}

function versions(): Record<string, string> {
  const root = path.resolve(__dirname, "..", "..");
  const read = (file: string) => (JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as { version: string }).version;
  return {
    concord: read("package.json"),
    yjs: read("node_modules/yjs/package.json"),
    "@y/websocket-server": read("node_modules/@y/websocket-server/package.json"),
    ws: read("node_modules/ws/package.json"),
    node: process.version,
  };
}

/** Section 7 of the report: each format's time and peak memory for the 5,000-paragraph draft. */
export function exportsSection(exports: ExportsResult | null): string[] {
  if (!exports) return ["## 7. Documents out", "", "failed in this run: see the bench's output."];
  const { draft } = exports;
  const lines = [
    `## 7. Documents out (${draft.paragraphs.toLocaleString("en")} paragraphs, ${draft.proposals.toLocaleString("en")} open proposals by ${draft.states} states, ${draft.reservations} reservations; bracketed view; Concord only)`,
    "",
    "Each export runs in a fresh Node process that loads the two rooms as the server holds them, then does what the export route does; its peak RSS (`process.resourceUsage().maxRSS`) is the server's peak for that export. PDF is Chromium's print of the HTML export: Chromium's own processes are measured apart.",
    "",
    "| format | time s (median) | of which reading the model, s | file MiB | server peak RSS MiB | with the rooms loaded, before the export | Chromium peak RSS MiB | runs |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const format of BENCH_EXPORT_FORMATS) {
    const runs = exports.runs.filter((run) => run.format === format);
    const failure = exports.failures.find((failed) => failed.format === format);
    if (runs.length === 0) {
      lines.push(`| ${format} | failed: ${(failure?.error ?? "no run").replace(/\|/g, "/")} | | | | | | 0 |`);
      continue;
    }
    const m = (pick: (run: (typeof runs)[number]) => number) => median(runs.map(pick));
    const chromium = runs.every((run) => run.chromiumPeakMiB !== null) ? fmt(m((run) => run.chromiumPeakMiB!), 0) : "–";
    lines.push(
      `| ${format} | ${fmt(m((run) => run.ms) / 1000)} | ${fmt(m((run) => run.modelMs) / 1000)} | ${fmt(m((run) => run.bytes) / 2 ** 20, 2)} | ${fmt(m((run) => run.peakMiB), 0)} | ${fmt(m((run) => run.loadedPeakMiB), 0)} | ${chromium} | ${runs.length} |`,
    );
  }
  return lines;
}

/** Writes latest.md and latest.json; returns their paths. */
export function writeReport(results: BenchResults, command: string): string[] {
  const lines: string[] = [];
  const targets: Target[] = [];
  lines.push("# Concord benchmark", "");
  lines.push(`- Date: ${new Date().toISOString()}`, `- Machine: ${machine()}`, `- Versions: ${Object.entries(versions()).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  lines.push(`- Command: \`${command}\` (${results.quick ? "quick: one repeat, short runs" : `median of ${results.settings.repeats} repeats, A B A B`})`);
  lines.push("- Baseline: `@y/websocket-server` 0.1.1, in memory, no authentication, no storage. Concord: authenticated, write guard on, every update committed to SQLite before it is relayed.", "");

  lines.push("## 1. Fan-out (ms from an edit to its arrival at every other client; presence on)", "");
  lines.push("| clients | writers | Concord p50 | p95 | p99 | max | Baseline p50 | p95 | p99 | max | p99 ratio | Concord CPU s | Baseline CPU s | Concord RSS MiB | Baseline RSS MiB |");
  lines.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of results.fanOut) {
    const c = (pick: (r: FanOutResult) => number) => median(row.concord.map(pick));
    const b = (pick: (r: FanOutResult) => number) => median(row.baseline.map(pick));
    lines.push(
      `| ${row.clients} | ${row.writers} | ${fmt(c((r) => r.latencyMs.p50))} | ${fmt(c((r) => r.latencyMs.p95))} | ${fmt(c((r) => r.latencyMs.p99))} | ${fmt(c((r) => r.latencyMs.max))} | ${fmt(b((r) => r.latencyMs.p50))} | ${fmt(b((r) => r.latencyMs.p95))} | ${fmt(b((r) => r.latencyMs.p99))} | ${fmt(b((r) => r.latencyMs.max))} | ${fmt(ratio(row.p99.concord, row.p99.baseline), 2)} | ${fmt(c((r) => r.serverCpuSeconds), 2)} | ${fmt(b((r) => r.serverCpuSeconds), 2)} | ${fmt(c((r) => r.serverRssMiB), 0)} | ${fmt(b((r) => r.serverRssMiB), 0)} |`,
    );
    const undelivered = c((r) => r.undelivered) + b((r) => r.undelivered);
    if (undelivered > 0) lines.push(`|  |  | ${undelivered} edits undelivered after 10 s |`);
  }
  const big = results.fanOut.find((row) => row.clients === 200 && row.writers === 20);
  if (big) targets.push({ name: "Fan-out p99 at N = 200 with presence ≤ 1.0 × baseline", concord: big.p99.concord, baseline: big.p99.baseline, limit: 1, value: ratio(big.p99.concord, big.p99.baseline) });

  if (results.join) {
    const { concord, baseline } = results.join;
    const m = (runs: JoinResult[], pick: (r: JoinResult) => number) => median(runs.map(pick));
    lines.push("", "## 2. Join (5,000 paragraphs, about 1 MB; 50 clients at once, 3 rounds)", "");
    lines.push("| | time to synced p50 ms | p99 ms | bytes per client | server CPU ms per join |", "| --- | --- | --- | --- | --- |");
    for (const [name, runs] of [["Concord (gzipped snapshot, then sync of the difference)", concord], ["Baseline", baseline]] as const) {
      lines.push(`| ${name} | ${fmt(m(runs, (r) => r.timeToSyncedMs.p50))} | ${fmt(m(runs, (r) => r.timeToSyncedMs.p99))} | ${fmt(m(runs, (r) => r.bytesPerClient), 0)} | ${fmt(m(runs, (r) => r.serverCpuMsPerJoin), 2)} |`);
    }
    const p99 = [m(concord, (r) => r.timeToSyncedMs.p99), m(baseline, (r) => r.timeToSyncedMs.p99)] as const;
    const cpu = [m(concord, (r) => r.serverCpuMsPerJoin), m(baseline, (r) => r.serverCpuMsPerJoin)] as const;
    const bytes = [m(concord, (r) => r.bytesPerClient), m(baseline, (r) => r.bytesPerClient)] as const;
    targets.push({ name: "Join p99 ≤ 0.3 × baseline", concord: p99[0], baseline: p99[1], limit: 0.3, value: ratio(...p99) });
    targets.push({ name: "Server CPU per join ≤ 0.3 × baseline", concord: cpu[0], baseline: cpu[1], limit: 0.3, value: ratio(...cpu) });
    targets.push({ name: "Bytes a fresh client needs ≤ 0.35 × baseline", concord: bytes[0], baseline: bytes[1], limit: 0.35, value: ratio(...bytes) });
  }

  if (results.manyDrafts) {
    const { concord, baseline } = results.manyDrafts;
    const rss = [median(concord.map((r) => r.serverRssMiB)), median(baseline.map((r) => r.serverRssMiB))] as const;
    const cpu = [median(concord.map((r) => r.serverCpuSeconds)), median(baseline.map((r) => r.serverCpuSeconds))] as const;
    lines.push("", `## 3. Many drafts (${concord[0]?.drafts ?? 0} drafts × 2 clients, light edits)`, "");
    lines.push("| | server RSS MiB | server CPU s |", "| --- | --- | --- |");
    lines.push(`| Concord | ${fmt(rss[0], 0)} | ${fmt(cpu[0], 2)} |`, `| Baseline | ${fmt(rss[1], 0)} | ${fmt(cpu[1], 2)} |`);
    targets.push({ name: "Server RSS with 500 drafts loaded ≤ 1.0 × baseline", concord: rss[0], baseline: rss[1], limit: 1, value: ratio(...rss) });
  }

  if (results.trust) {
    const on = median(results.trust.on.map((r) => r.latencyMs.p99));
    const off = median(results.trust.off.map((r) => r.latencyMs.p99));
    lines.push("", "## 4. Cost of trust (fan-out, 200 clients, 20 writers; Concord with guard and durable commit on / off)", "");
    lines.push("| | p50 ms | p99 ms | server CPU s |", "| --- | --- | --- | --- |");
    for (const [name, runs] of [["on", results.trust.on], ["off (bench-only switch)", results.trust.off]] as const) {
      lines.push(`| ${name} | ${fmt(median(runs.map((r) => r.latencyMs.p50)))} | ${fmt(median(runs.map((r) => r.latencyMs.p99)))} | ${fmt(median(runs.map((r) => r.serverCpuSeconds)), 2)} |`);
    }
    targets.push({ name: "Guard plus durable commit cost ≤ 10% of fan-out p99", concord: on, baseline: off, limit: 0.1, value: on > 0 ? (on - off) / on : Number.NaN });
  }

  if (results.durability) {
    const d = results.durability;
    lines.push("", "## 5. Durability (ms from an update's arrival to its commit, under scenario 4's load with trust on)", "");
    lines.push(`p50 ${fmt(d.p50, 2)} ms, p99 ${fmt(d.p99, 2)} ms, max ${fmt(d.max, 2)} ms over ${d.count} commits.`);
  }
  if (!results.browser) {
    lines.push("", "## 6. Browser", "", "failed in this run: see the bench's output.");
  } else {
    const b = results.browser;
    lines.push("", `## 6. Browser (headless Chromium; ${b.paragraphs} paragraphs, ${b.proposals} proposals, ${b.stances} stances; Concord only)`, "");
    lines.push("| | p50 | p95 | max | samples |", "| --- | --- | --- | --- | --- |");
    lines.push(`| open until interactive, ms | ${fmt(median(b.openMs), 0)} | – | ${fmt(Math.max(...b.openMs), 0)} | ${b.openMs.length} |`);
    lines.push(`| keystroke to paint, ms | ${fmt(b.keystrokeMs.p50)} | ${fmt(b.keystrokeMs.p95)} | ${fmt(b.keystrokeMs.max)} | ${b.keystrokeMs.count} |`);
  }

  if (results.exports !== undefined) lines.push("", ...exportsSection(results.exports));

  lines.push("", "## Targets", "", "| target | Concord | baseline | figure | limit | |", "| --- | --- | --- | --- | --- | --- |");
  for (const target of targets) {
    const met = Number.isFinite(target.value) && target.value <= target.limit;
    lines.push(`| ${target.name} | ${fmt(target.concord, 2)} | ${fmt(target.baseline, 2)} | ${fmt(target.value, 2)} | ${target.limit} | ${met ? "met" : "**not met**"} |`);
  }
  lines.push("");

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const md = path.join(RESULTS_DIR, "latest.md");
  const json = path.join(RESULTS_DIR, "latest.json");
  fs.writeFileSync(md, lines.join("\n"));
  fs.writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), machine: machine(), command, versions: versions(), targets, results }, null, 2));
  return [md, json];
}
