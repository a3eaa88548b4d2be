/**
 * Scenario 7's measuring process: `node dist/bench/exportRun.js <format> <view> <folder>` loads the
 * draft's rooms from `<folder>` (text.bin, floor.bin) as the server holds them, then exports them
 * once as the export route does (read the model, write the format; PDF printed by Chromium) and
 * prints, as one JSON line, the time and this process's peak memory before and after. A process of
 * its own, so that the peak is the export's and not the bench's.
 */
import fs from "node:fs";
import path from "node:path";
import * as Y from "yjs";
import { ExportFormat } from "../shared/export/exportFormat";
import { ExportView } from "../shared/export/exportModel";
import { readExportDraft } from "../shared/export/readExportDraft";
import { PdfPrinter } from "../server/export/pdf/PdfPrinter";
import { writeExport } from "../server/export/writeExport";

/** What one export measured. */
export interface ExportRunResult {
  format: ExportFormat;
  view: ExportView;
  /** From the rooms to the file's bytes. */
  ms: number;
  /** Of which reading the model. */
  modelMs: number;
  bytes: number;
  /** Peak resident memory of this process with the rooms loaded, before the export. */
  loadedPeakMiB: number;
  /** Peak resident memory of this process after the export: the server's peak for it. */
  peakMiB: number;
  /** Chromium's processes together, at their largest (PDF only). */
  chromiumPeakMiB: number | null;
}

const PAGE_BYTES = 4096;

/** Resident memory of the processes Chromium runs as a child of this one (its own process group), in MiB. */
function chromiumRssMiB(): number {
  const groups = new Set<number>();
  const rss = new Map<number, { group: number; pages: number; parent: number }>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(path.join("/proc", name, "stat"), "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const parent = Number(fields[1]);
      const group = Number(fields[2]);
      rss.set(Number(name), { group, pages: Number(fields[21]), parent });
      if (parent === process.pid) groups.add(Number(name));
    } catch {
      // The process ended while it was read.
    }
  }
  let pages = 0;
  for (const { group, pages: own } of rss.values()) if (groups.has(group)) pages += own;
  return (pages * PAGE_BYTES) / 2 ** 20;
}

const maxRssMiB = () => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const [format, view, folder] = process.argv.slice(2) as [ExportFormat, ExportView, string];
  if (!Object.values(ExportFormat).includes(format) || !Object.values(ExportView).includes(view) || !folder) {
    throw new RangeError(`usage: exportRun.js <${Object.values(ExportFormat).join("|")}> <${Object.values(ExportView).join("|")}> <folder>, not ${process.argv.slice(2).join(" ")}`);
  }
  const textDoc = new Y.Doc();
  Y.applyUpdate(textDoc, fs.readFileSync(path.join(folder, "text.bin")));
  const floorDoc = new Y.Doc();
  Y.applyUpdate(floorDoc, fs.readFileSync(path.join(folder, "floor.bin")));
  const loadedPeakMiB = maxRssMiB();

  let chromiumPeakMiB = 0;
  const sampler = format === ExportFormat.pdf ? setInterval(() => (chromiumPeakMiB = Math.max(chromiumPeakMiB, chromiumRssMiB())), 100) : null;
  const started = performance.now();
  const model = readExportDraft(textDoc, floorDoc, { draftId: "bench", view, exportedAt: new Date().toISOString() });
  const modelMs = performance.now() - started;
  const file = await writeExport(model, format, new PdfPrinter({ timeoutMs: 600_000 }));
  const ms = performance.now() - started;
  if (sampler) clearInterval(sampler);
  const bytes = typeof file === "string" ? Buffer.byteLength(file) : file.byteLength;
  const result: ExportRunResult = { format, view, ms, modelMs, bytes, loadedPeakMiB, peakMiB: maxRssMiB(), chromiumPeakMiB: sampler ? chromiumPeakMiB : null };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
