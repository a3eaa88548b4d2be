/**
 * The formats a draft is exported in, as the export route's `format` and the page's Export menu name
 * them, with the file each one makes. Written once here for the server and the page alike.
 */

/** A format of `GET /api/drafts/:id/export?format=…`. */
export const ExportFormat = {
  markdown: "md",
  text: "txt",
  html: "html",
  json: "json",
  akn: "akn",
  docx: "docx",
  pdf: "pdf",
} as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];

/** Every format, in the order the Export menu offers them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  ExportFormat.docx,
  ExportFormat.pdf,
  ExportFormat.html,
  ExportFormat.markdown,
  ExportFormat.text,
  ExportFormat.akn,
  ExportFormat.json,
];

/** What each format's file is: the name a person reads, the media type, and the file name's extension. */
export const EXPORT_FILES: Record<ExportFormat, { label: string; contentType: string; extension: string }> = {
  [ExportFormat.markdown]: { label: "Markdown", contentType: "text/markdown; charset=utf-8", extension: "md" },
  [ExportFormat.text]: { label: "Plain text", contentType: "text/plain; charset=utf-8", extension: "txt" },
  [ExportFormat.html]: { label: "Web page (HTML)", contentType: "text/html; charset=utf-8", extension: "html" },
  [ExportFormat.json]: { label: "Concord JSON", contentType: "application/json; charset=utf-8", extension: "json" },
  [ExportFormat.akn]: { label: "Akoma Ntoso XML", contentType: "application/xml; charset=utf-8", extension: "akn.xml" },
  [ExportFormat.docx]: { label: "Word", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  [ExportFormat.pdf]: { label: "PDF", contentType: "application/pdf", extension: "pdf" },
};

/**
 * The file name of an export: the draft's symbol made safe for a file system
 * (`A/AC.292/2025/CRP.1` → `A_AC.292_2025_CRP.1`), else the draft's id, then the view.
 */
export function exportFileName(symbol: string | null, draftId: string, view: string, format: ExportFormat): string {
  const base = (symbol ?? "")
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}.\-]+/gu, "_")
    .replace(/^[_.]+|_+$/g, "")
    .slice(0, 80);
  return `${base || draftId}-${view}.${EXPORT_FILES[format].extension}`;
}
