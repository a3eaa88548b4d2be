/**
 * The formats the redline is served in (`GET /api/drafts/:id/redline?format=…`): JSON for the page,
 * and the documents HTML, Word and PDF, each with the export's media type and extension. Written once
 * here for the server and the page alike.
 */
import { ExportFormat, exportFileName } from "../export/exportFormat";

/** A format of the redline route. */
export const RedlineFormat = {
  json: ExportFormat.json,
  html: ExportFormat.html,
  docx: ExportFormat.docx,
  pdf: ExportFormat.pdf,
} as const;
export type RedlineFormat = (typeof RedlineFormat)[keyof typeof RedlineFormat];

/** Every redline format, documents first, in the order a menu offers them. */
export const REDLINE_FORMATS: readonly RedlineFormat[] = [RedlineFormat.docx, RedlineFormat.pdf, RedlineFormat.html, RedlineFormat.json];

/** The file name of a redline: `A_AC.292_2025_CRP.1-redline-Rev.1-Rev.2.docx` (the draft's id where it has no symbol). */
export function redlineFileName(symbol: string | null, draftId: string, fromLabel: string, toLabel: string, format: RedlineFormat): string {
  const part = (label: string) => label.normalize("NFKC").replace(/[^\p{L}\p{N}.\-]+/gu, "_").replace(/^[_.]+|_+$/g, "").slice(0, 40) || "text";
  return exportFileName(symbol, draftId, `redline-${part(fromLabel)}-${part(toLabel)}`, format);
}
