/**
 * Scenario 7, documents out: the 5,000-paragraph draft of `exportDraft.ts` exported as Word, PDF and
 * Akoma Ntoso (bracketed view), each in a fresh process (`exportRun.ts`) so that its peak memory is
 * the export's alone. Concord only: the reference server exports nothing.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ExportFormat } from "../shared/export/exportFormat";
import { ExportView } from "../shared/export/exportModel";
import { buildExportDraft, EXPORT_DRAFT } from "./exportDraft";
import type { ExportRunResult } from "./exportRun";

/** The formats scenario 7 measures (issue 12, acceptance 6). */
export const BENCH_EXPORT_FORMATS = [ExportFormat.docx, ExportFormat.pdf, ExportFormat.akn] as const;

/** What scenario 7 measured: every run of every format, or why a format failed. */
export interface ExportsResult {
  draft: typeof EXPORT_DRAFT;
  runs: ExportRunResult[];
  failures: Array<{ format: ExportFormat; error: string }>;
}

/** Exports the draft `repeats` times in each format, one process per export. */
export async function exportsScenario(repeats: number, log: (line: string) => void = () => {}): Promise<ExportsResult> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "concord-bench-exports-"));
  try {
    const rooms = buildExportDraft();
    fs.writeFileSync(path.join(folder, "text.bin"), rooms.text);
    fs.writeFileSync(path.join(folder, "floor.bin"), rooms.floor);
    const result: ExportsResult = { draft: EXPORT_DRAFT, runs: [], failures: [] };
    const script = path.join(__dirname, "exportRun.js");
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const format of BENCH_EXPORT_FORMATS) {
        try {
          const { stdout } = await promisify(execFile)(process.execPath, [script, format, ExportView.bracketed, folder], { maxBuffer: 1 << 20, timeout: 900_000 });
          const run = JSON.parse(stdout.trim().split("\n").pop()!) as ExportRunResult;
          log(`  ${format}: ${(run.ms / 1000).toFixed(1)} s, peak ${run.peakMiB.toFixed(0)} MiB`);
          result.runs.push(run);
        } catch (error) {
          // The error's own line, not the stack under it.
          const lines = ((error as { stderr?: string }).stderr ?? "").split("\n");
          const message = lines.find((line) => /Error\b/.test(line))?.trim() ?? lines.find((line) => line.trim() !== "")?.trim() ?? String(error);
          log(`  ${format}: failed: ${message}`);
          result.failures.push({ format, error: message.slice(0, 300) });
        }
      }
    }
    return result;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
