/**
 * One export, whatever its format: the rooms read once into the export model, then the format's
 * writer. PDF is the HTML writer's page printed by Chromium.
 */
import type * as Y from "yjs";
import { assertNever } from "../../shared/assertNever";
import { draftText, TextFormat, TextView } from "../../shared/export/draftText";
import { ExportFormat } from "../../shared/export/exportFormat";
import { ExportView } from "../../shared/export/exportModel";
import type { PdfPrinter } from "./pdf/PdfPrinter";

/** What an export is made from: copies of the rooms the reader may read (`floorDoc` null when not the floor). */
export interface ExportSource {
  draftId: string;
  textDoc: Y.Doc;
  floorDoc: Y.Doc | null;
  view: ExportView;
  exportedAt: string;
}

/** An export that this build cannot write yet; the route answers 501. */
export class ExportNotWrittenError extends Error {
  override readonly name = "ExportNotWrittenError";
}

function textView(view: ExportView): TextView {
  if (view === ExportView.compilation) throw new ExportNotWrittenError("The compilation of proposals is not written in this format yet.");
  return view;
}

/** The file's bytes (or text) for `format`. */
export async function writeExport(source: ExportSource, format: ExportFormat, _printer: PdfPrinter): Promise<string | Uint8Array> {
  switch (format) {
    case ExportFormat.markdown:
      return draftText(source.textDoc, textView(source.view), TextFormat.markdown);
    case ExportFormat.text:
      return draftText(source.textDoc, textView(source.view), TextFormat.plain);
    case ExportFormat.html:
    case ExportFormat.json:
    case ExportFormat.akn:
    case ExportFormat.docx:
    case ExportFormat.pdf:
      throw new ExportNotWrittenError(`Export as ${format} is not written yet.`);
    default:
      return assertNever(format);
  }
}
