/**
 * One export, whatever its format: a writer over the export model. PDF is the HTML writer's page
 * printed by Chromium.
 */
import { assertNever } from "../../shared/assertNever";
import { ExportFormat } from "../../shared/export/exportFormat";
import type { ExportDraft } from "../../shared/export/exportModel";
import { writeHtml } from "../../shared/export/writeHtml";
import { writeJson } from "../../shared/export/writeJson";
import { writeMarkdown } from "../../shared/export/writeMarkdown";
import { writeText } from "../../shared/export/writeText";
import { writeDocx } from "./docx/writeDocx";
import type { PdfPrinter } from "./pdf/PdfPrinter";

/** An export that this build cannot write yet; the route answers 501. */
export class ExportNotWrittenError extends Error {
  override readonly name = "ExportNotWrittenError";
}

/** The file's bytes (or text) for `format`. */
export async function writeExport(draft: ExportDraft, format: ExportFormat, printer: PdfPrinter): Promise<string | Uint8Array> {
  switch (format) {
    case ExportFormat.markdown:
      return writeMarkdown(draft);
    case ExportFormat.text:
      return writeText(draft);
    case ExportFormat.html:
      return writeHtml(draft);
    case ExportFormat.docx:
      return writeDocx(draft);
    case ExportFormat.pdf:
      return printer.print(writeHtml(draft));
    case ExportFormat.json:
      return writeJson(draft);
    case ExportFormat.akn:
      throw new ExportNotWrittenError(`Export as ${format} is not written yet.`);
    default:
      return assertNever(format);
  }
}
