/** What a PDF says, as an independent reader (poppler's `pdftotext` and `pdfinfo`) reads it. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { onTestEnd } from "./cleanup";

function withFile<T>(pdf: Uint8Array, read: (file: string) => T): T {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "concord-pdf-test-"));
  onTestEnd(() => fs.rmSync(folder, { recursive: true, force: true }));
  const file = path.join(folder, "document.pdf");
  fs.writeFileSync(file, pdf);
  return read(file);
}

/** The PDF's text in reading order (`pdftotext -layout`: a number stays on its paragraph's line). */
export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
}

/** The PDF's page size ("A4") and page count, from `pdfinfo`. */
export function pdfPages(pdf: Uint8Array): { size: string; pages: number } {
  const info = withFile(pdf, (file) => execFileSync("pdfinfo", [file], { encoding: "utf8" }));
  return { size: /Page size:.*\((\w+)\)/.exec(info)?.[1] ?? "unknown", pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
}
