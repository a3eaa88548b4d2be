/** Section 7 of the report, documents out: Concord alone, one process per export. */
import { BENCH_EXPORT_FORMATS, type ExportsResult } from "./exports";
import { median } from "./stats";

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

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

