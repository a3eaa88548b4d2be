/**
 * One export, whatever its format: a writer over the export model. PDF is the HTML writer's page
 * printed by Chromium. The interchange (JSON) lists proposals as records, never as brackets, and
 * Akoma Ntoso has no compilation: `modelView` says which view of the model each format is written from.
 */
import { assertNever } from "../../shared/assertNever";
import { ExportFormat } from "../../shared/export/exportFormat";
import { ExportView, type ExportDraft } from "../../shared/export/exportModel";
import { writeAkomaNtoso } from "../../shared/export/writeAkomaNtoso";
import { writeHtml } from "../../shared/export/writeHtml";
import { writeJson } from "../../shared/export/writeJson";
import { writeMarkdown } from "../../shared/export/writeMarkdown";
import { writeText } from "../../shared/export/writeText";
import type { PdfPrinter } from "./pdf/PdfPrinter";

/** A view a format does not have; the route answers 400 with its message. */
export class ExportViewRefusedError extends Error {
  override readonly name = "ExportViewRefusedError";
}

/**
 * The view of the model `format` is written from when the reader asked for `view`: the interchange
 * of the bracketed text is the chair's text with every proposal as a record (the compilation's
 * model); Akoma Ntoso is refused for the compilation.
 */
export function modelView(format: ExportFormat, view: ExportView): ExportView {
  if (format === ExportFormat.json && view === ExportView.bracketed) return ExportView.compilation;
  if (format === ExportFormat.akn && view === ExportView.compilation) {
    throw new ExportViewRefusedError("Akoma Ntoso is written for the clean or bracketed text, not the compilation of proposals.");
  }
  return view;
}

/** The clean view's interchange: the chair's text alone, as the clean view of every other format. */
function withoutProposals(draft: ExportDraft): ExportDraft {
  return {
    ...draft,
    blocks: draft.blocks.map((block) => (block.type === "added" ? block : { ...block, proposals: [] })),
    unplaced: [],
  };
}

/** The file's bytes (or text) for `format`, from `draft` read in `modelView(format, …)`. */
export async function writeExport(draft: ExportDraft, format: ExportFormat, printer: PdfPrinter): Promise<string | Uint8Array> {
  switch (format) {
    case ExportFormat.markdown:
      return writeMarkdown(draft);
    case ExportFormat.text:
      return writeText(draft);
    case ExportFormat.html:
      return writeHtml(draft);
    case ExportFormat.json:
      return writeJson(draft.view === ExportView.clean ? withoutProposals(draft) : draft);
    case ExportFormat.akn:
      return writeAkomaNtoso(draft);
    case ExportFormat.docx:
      // docx is a large library most processes never need: it is loaded by the first Word export.
      return (await import("./docx/writeDocx")).writeDocx(draft);
    case ExportFormat.pdf:
      return printer.print(writeHtml(draft));
    default:
      return assertNever(format);
  }
}
