/**
 * The benchmark report: every server's figures, Concord's ratios to the reference and to Hocuspocus
 * repeat by repeat (a repeat's servers ran back to back) with their median and range, the machine's
 * load per run, and each target of issue 17 as met or not met.
 */
import fs from "node:fs";
import path from "node:path";
import type { BrowserResult } from "./browser";
import type { ClusterResult } from "./cluster";
import { clusterSection, commitCostSection } from "./clusterSection";
import type { CommitCostResult } from "./commitCost";
import type { ExportsResult } from "./exports";
import { exportsSection } from "./exportsSection";
import { contributionsJoinSection, type ContributionsJoinResult } from "./contributionsJoin";
import type { FanOutResult } from "./fanOut";
import { HOCUSPOCUS_DIR } from "./hocuspocusPeer";
import type { JoinResult } from "./join";
import type { ManyDraftsResult } from "./manyDrafts";
import { machine } from "./processStats";
import { SERVER_LABELS, type ServerKind } from "./servers";
import { fmt, ratioText } from "./reportFormat";
import { median, type summary } from "./stats";

export { exportsSection };

/** Each server's result per repeat (index = repeat). */
export type ByServer<T> = Partial<Record<ServerKind, T[]>>;

/** One server's run: when in the run it came, and the machine's one-minute load around it. */
export interface RunRecord {
  scenario: string;
  repeat: number;
  position: number;
  kind: ServerKind;
  loadBefore: number;
  loadAfter: number;
}

/** Everything one run measured. */
export interface BenchResults {
  quick: boolean;
  settings: Record<string, number>;
  servers: ServerKind[];
  pinning: string;
  runs: RunRecord[];
  /** Scenarios that failed, with their error. */
  failed: string[];
  fanOut: Array<{ clients: number; writers: number; runs: ByServer<FanOutResult> }>;
  /** Each repeat's join rounds. */
  join: ByServer<JoinResult[]> | null;
  manyDrafts: ByServer<ManyDraftsResult> | null;
  trust: { on: FanOutResult[]; off: FanOutResult[] } | null;
  durability: ReturnType<typeof summary> | null;
  /** Scenario 6: absent when not run, null when it failed. */
  browser?: BrowserResult | null;
  /** Scenario 7: absent when not run, null when it failed. */
  exports?: ExportsResult | null;
  /** Issue 18: joining the text with written contributions present; absent when not run, null when it failed. */
  contributions?: ContributionsJoinResult | null;
  /** Issue 16: fan-out and join over two processes beside one; absent when not run, null when it failed. */
  cluster?: ClusterResult | null;
  /** Issue 16: the cost of a PostgreSQL commit against SQLite's; absent when not run, null when it failed. */
  commitCost?: CommitCostResult | null;
}

/** Where the report goes. */
export const RESULTS_DIR = path.resolve(__dirname, "..", "..", "bench", "results");


/** Concord's figure over another server's, repeat by repeat. */
function perRepeat<T>(runs: ByServer<T>, other: ServerKind, pick: (run: T) => number): number[] {
  const concord = runs.concord ?? [];
  const theirs = runs[other] ?? [];
  return concord.slice(0, theirs.length).map((run, i) => {
    const base = pick(theirs[i]!);
    return base > 0 ? pick(run) / base : Number.NaN;
  });
}

interface Target {
  name: string;
  /** Concord's ratio to the compared server, per repeat; empty when the target is not a ratio. */
  ratios: number[];
  limit: number;
  /** For a target that is not a ratio: whether it holds, and what was seen. */
  holds?: boolean;
  seen?: string;
}

function verdict(target: Target): string {
  if (target.holds !== undefined) return target.holds ? "met" : "**not met**";
  if (target.ratios.length === 0 || !target.ratios.every(Number.isFinite)) return "not measured";
  const inEvery = target.ratios.every((r) => r <= target.limit);
  if (median(target.ratios) > target.limit) return "**not met**";
  return inEvery ? "met (every repeat)" : "met by the median, **not in every repeat**";
}

function versions(): Record<string, string> {
  const root = path.resolve(__dirname, "..", "..");
  const read = (file: string) => {
    try {
      return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
    } catch {
      return "not installed";
    }
  };
  return {
    concord: read(path.join(root, "package.json")),
    yjs: read(path.join(root, "node_modules/yjs/package.json")),
    "@y/websocket-server": read(path.join(root, "node_modules/@y/websocket-server/package.json")),
    "@hocuspocus/server": read(path.join(HOCUSPOCUS_DIR, "node_modules/@hocuspocus/server/package.json")),
    ws: read(path.join(root, "node_modules/ws/package.json")),
    node: process.version,
  };
}

/** A table of each server's median figures: one row per server. */
function serverTable<T>(runs: ByServer<T>, columns: Array<[string, (run: T) => number, number]>): string[] {
  const lines = [`| server | ${columns.map(([name]) => name).join(" | ")} | repeats |`, `| --- |${columns.map(() => " --- |").join("")} --- |`];
  for (const [kind, results] of Object.entries(runs) as Array<[ServerKind, T[]]>) {
    lines.push(`| ${SERVER_LABELS[kind]} | ${columns.map(([, pick, digits]) => fmt(median(results.map(pick)), digits)).join(" | ")} | ${results.length} |`);
  }
  return lines;
}

/** Concord's ratios to each other server for the given figures. */
function ratioLines<T>(runs: ByServer<T>, figures: Array<[string, (run: T) => number]>): string[] {
  const others = (Object.keys(runs) as ServerKind[]).filter((kind) => kind !== "concord");
  if (!runs.concord || others.length === 0) return [];
  const lines = ["", `| Concord ÷ | ${figures.map(([name]) => `${name}: median (min–max; per repeat)`).join(" | ")} |`, `| --- |${figures.map(() => " --- |").join("")}`];
  for (const other of others) lines.push(`| ${SERVER_LABELS[other]} | ${figures.map(([, pick]) => ratioText(perRepeat(runs, other, pick))).join(" | ")} |`);
  return lines;
}

/** Writes `<name>.md` and `<name>.json` (latest for a full run); returns their paths. */
export function writeReport(results: BenchResults, command: string, name = "latest"): string[] {
  const lines: string[] = [];
  const targets: Target[] = [];
  lines.push("# Concord benchmark", "");
  if (results.quick) lines.push("**A quick run (one repeat, short runs): its figures check that the harness works and are indicative only, not the benchmark's result.**", "");
  lines.push(`- Date: ${new Date().toISOString()}`, `- Machine: ${machine()}`, `- Versions: ${Object.entries(versions()).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  lines.push(`- Command: \`${command}\` (${results.settings.repeats} repeat(s); each repeat starts with the next server in turn)`);
  lines.push(`- Pinning: ${results.pinning}`);
  lines.push("- Reference: `@y/websocket-server` 0.1.1, in memory, no authentication, no storage. Hocuspocus: in memory (a Map as its store), no authentication. Concord: authenticated, write guard on, every update committed to SQLite before it is relayed.");
  lines.push("- Fan-out clients other than the writers read each update's clocks (Yjs update meta) instead of applying it, so that the client process stays light beside the server.", "");
  for (const failure of results.failed) lines.push(`- **Failed in this run:** ${failure}`);
  if (results.failed.length > 0) lines.push("");

  if (results.fanOut.length > 0) {
    lines.push("## 1. Fan-out (presence on; ms from an edit to its arrival at every other client; server CPU per delivered update)", "");
    for (const row of results.fanOut) {
      lines.push(`### ${row.clients} clients, ${row.writers} writers`, "");
      lines.push(
        ...serverTable(row.runs, [
          ["presence settled ms", (r) => r.presenceSettleMs, 0],
          ["p50 ms", (r) => r.latencyMs.p50, 1],
          ["p99 ms", (r) => r.latencyMs.p99, 1],
          ["max ms", (r) => r.latencyMs.max, 1],
          ["edits", (r) => r.edits, 0],
          ["undelivered", (r) => r.undelivered, 0],
          ["server CPU s", (r) => r.serverCpuSeconds, 2],
          ["CPU µs per delivered update", (r) => r.serverCpuMicrosPerDelivered, 2],
          ["RSS MiB", (r) => r.serverRssMiB, 0],
        ]),
      );
      lines.push(...ratioLines(row.runs, [["p99", (r) => r.latencyMs.p99], ["CPU per delivered update", (r) => r.serverCpuMicrosPerDelivered]]), "");
    }
    const at = (clients: number) => results.fanOut.find((row) => row.clients === clients);
    const n500 = at(500);
    if (n500) {
      targets.push({ name: "1. Fan-out, 500 clients, presence, 20 writers: p99 ≤ 0.7 × reference", ratios: perRepeat(n500.runs, "baseline", (r) => r.latencyMs.p99), limit: 0.7 });
      targets.push({ name: "1. Same: server CPU (per delivered update) ≤ 1.0 × reference", ratios: perRepeat(n500.runs, "baseline", (r) => r.serverCpuMicrosPerDelivered), limit: 1 });
    }
    const n1000 = at(1000);
    if (n1000) {
      const undelivered = (kind: ServerKind) => (n1000.runs[kind] ?? []).reduce((sum, r) => sum + r.undelivered, 0);
      const reported = results.servers.filter((kind) => (n1000.runs[kind] ?? []).every((r) => Number.isFinite(r.latencyMs.p99)));
      const seen = `undelivered: ${results.servers.map((kind) => `${kind} ${undelivered(kind)}`).join(", ")}; p99 reported for: ${reported.join(", ") || "none"}`;
      targets.push({ name: "2. Fan-out, 1,000 clients: every update reaches every Concord client, p99 reported for all three servers", ratios: [], limit: 0, holds: undelivered("concord") === 0 && reported.length === 3, seen });
    }
    const n200 = at(200);
    if (n200) targets.push({ name: "Earlier target: fan-out p99 at 200 clients with presence ≤ 1.0 × reference", ratios: perRepeat(n200.runs, "baseline", (r) => r.latencyMs.p99), limit: 1 });
  }

  if (results.join) {
    const perRun = Object.fromEntries(Object.entries(results.join).map(([kind, repeats]) => [kind, repeats.map((rounds) => ({
      p50: median(rounds.map((r) => r.timeToSyncedMs.p50)),
      p99: median(rounds.map((r) => r.timeToSyncedMs.p99)),
      bytes: median(rounds.map((r) => r.bytesPerClient)),
      cpu: median(rounds.map((r) => r.serverCpuMsPerJoin)),
    }))])) as ByServer<{ p50: number; p99: number; bytes: number; cpu: number }>;
    lines.push("## 2. Join (5,000 paragraphs, about 1 MB; 50 clients at once; Concord's clients take the gzipped snapshot, then sync the difference)", "");
    lines.push(...serverTable(perRun, [["time to synced p50 ms", (r) => r.p50, 1], ["p99 ms", (r) => r.p99, 1], ["bytes per client", (r) => r.bytes, 0], ["server CPU ms per join", (r) => r.cpu, 2]]));
    lines.push(...ratioLines(perRun, [["CPU per join", (r) => r.cpu], ["bytes per client", (r) => r.bytes], ["p99", (r) => r.p99]]), "");
    targets.push({ name: "4. Join: server CPU per join ≤ 0.1 × reference", ratios: perRepeat(perRun, "baseline", (r) => r.cpu), limit: 0.1 });
    targets.push({ name: "4. Join: bytes for Concord's client ≤ 0.12 × reference", ratios: perRepeat(perRun, "baseline", (r) => r.bytes), limit: 0.12 });
  }

  if (results.manyDrafts) {
    const runs = results.manyDrafts;
    lines.push(`## 3. Many drafts (${runs.concord?.[0]?.drafts ?? Object.values(runs)[0]?.[0]?.drafts ?? 0} drafts × 2 clients, each client editing every 2 s)`, "");
    lines.push(
      ...serverTable(runs, [
        ["RSS loaded MiB", (r) => r.loadedRssMiB, 0],
        ["RSS at the end MiB", (r) => r.serverRssMiB, 0],
        ["edits", (r) => r.edits, 0],
        ["server CPU s", (r) => r.serverCpuSeconds, 2],
        ["CPU ms per edit", (r) => r.serverCpuMsPerEdit, 3],
      ]),
    );
    lines.push(...ratioLines(runs, [["CPU per edit", (r) => r.serverCpuMsPerEdit], ["RSS loaded", (r) => r.loadedRssMiB]]), "");
    targets.push({ name: "3. 500 drafts: server CPU per edit ≤ 1.2 × reference", ratios: perRepeat(runs, "baseline", (r) => r.serverCpuMsPerEdit), limit: 1.2 });
    targets.push({ name: "3. 500 drafts: RSS with all loaded ≤ 1.0 × reference", ratios: perRepeat(runs, "baseline", (r) => r.loadedRssMiB), limit: 1 });
  }

  if (results.trust) {
    const on = median(results.trust.on.map((r) => r.latencyMs.p99));
    const off = median(results.trust.off.map((r) => r.latencyMs.p99));
    lines.push("## 4. Cost of trust (fan-out, 200 clients, 20 writers; Concord with guard and durable commit on / off)", "");
    lines.push("| | p50 ms | p99 ms | server CPU s |", "| --- | --- | --- | --- |");
    for (const [label, runs] of [["on", results.trust.on], ["off (bench-only switch)", results.trust.off]] as const) {
      lines.push(`| ${label} | ${fmt(median(runs.map((r) => r.latencyMs.p50)))} | ${fmt(median(runs.map((r) => r.latencyMs.p99)))} | ${fmt(median(runs.map((r) => r.serverCpuSeconds)), 2)} |`);
    }
    lines.push("");
    const share = on > 0 ? (on - off) / on : Number.NaN;
    targets.push({ name: "Earlier target: guard plus durable commit cost ≤ 10% of fan-out p99", ratios: [], limit: 0.1, holds: Number.isFinite(share) && share <= 0.1, seen: fmt(share, 2) });
  }

  if (results.durability) {
    const d = results.durability;
    lines.push("## 5. Durability (ms from an update's arrival to its commit, under scenario 4's load with trust on)", "");
    lines.push(`p50 ${fmt(d.p50, 2)} ms, p99 ${fmt(d.p99, 2)} ms, max ${fmt(d.max, 2)} ms over ${d.count} commits.`, "");
  }
  if (results.browser === null) lines.push("## 6. Browser", "", "failed in this run: see the bench's output.", "");
  if (results.browser) {
    const b = results.browser;
    lines.push(`## 6. Browser (headless Chromium; ${b.paragraphs} paragraphs, ${b.proposals} proposals, ${b.stances} stances; Concord only)`, "");
    lines.push("| | p50 | p95 | max | samples |", "| --- | --- | --- | --- | --- |");
    lines.push(`| open until interactive, ms | ${fmt(median(b.openMs), 0)} | – | ${fmt(Math.max(...b.openMs), 0)} | ${b.openMs.length} |`);
    lines.push(`| keystroke to paint, ms | ${fmt(b.keystrokeMs.p50)} | ${fmt(b.keystrokeMs.p95)} | ${fmt(b.keystrokeMs.max)} | ${b.keystrokeMs.count} |`, "");
  }
  if (results.exports !== undefined) lines.push(...exportsSection(results.exports), "");
  if (results.contributions) lines.push(...contributionsJoinSection(results.contributions), "");
  else if (results.contributions === null) lines.push("## Joining the text with written contributions present (issue 18)", "", "The scenario failed; see the run's log.", "");
  if (results.cluster !== undefined) lines.push(...clusterSection(results.cluster), "");
  if (results.commitCost !== undefined) lines.push(...commitCostSection(results.commitCost), "");

  lines.push("## Targets (issue 17)", "", "A ratio target is met when the median of the per-repeat ratios is within the limit; the last column says whether every repeat was.", "");
  lines.push("| target | Concord ÷ reference per repeat | median (min–max) | limit | verdict |", "| --- | --- | --- | --- | --- |");
  for (const target of targets) {
    const finite = target.ratios.filter(Number.isFinite);
    const range = finite.length ? `${fmt(median(target.ratios), 2)} (${fmt(Math.min(...finite), 2)}–${fmt(Math.max(...finite), 2)})` : (target.seen ?? "–");
    lines.push(`| ${target.name} | ${target.ratios.map((r) => fmt(r, 2)).join(", ") || "–"} | ${range} | ${target.holds === undefined ? target.limit : "–"} | ${verdict(target)} |`);
  }

  lines.push("", "## Runs (one-minute load average of the machine before and after each server's run)", "", "| scenario | repeat | position | server | load before | load after |", "| --- | --- | --- | --- | --- | --- |");
  for (const run of results.runs) lines.push(`| ${run.scenario} | ${run.repeat} | ${run.position} | ${SERVER_LABELS[run.kind]} | ${fmt(run.loadBefore, 2)} | ${fmt(run.loadAfter, 2)} |`);
  lines.push("");

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const md = path.join(RESULTS_DIR, `${name}.md`);
  const json = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(md, lines.join("\n"));
  fs.writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), machine: machine(), command, versions: versions(), targets: targets.map((t) => ({ ...t, verdict: verdict(t) })), results }, null, 2));
  return [md, json];
}
