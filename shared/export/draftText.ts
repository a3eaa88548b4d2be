/**
 * The draft as Markdown or plain text straight from the `text` room: the chair's clean text, or the
 * bracketed text with every open proposal in UN brackets attributed to its sponsors. A pure
 * function of the room (through the export model), so server exports and offline copies agree.
 */
import type * as Y from "yjs";
import { ExportView } from "./exportModel";
import { readExportDraft } from "./readExportDraft";
import { writeMarkdown } from "./writeMarkdown";
import { writeText } from "./writeText";

/** The formats a draft text is written in. */
export const TextFormat = { markdown: "md", plain: "txt" } as const;
export type TextFormat = (typeof TextFormat)[keyof typeof TextFormat];

/** Which text: the chair's alone, or with the open proposals in brackets. */
export const TextView = { clean: ExportView.clean, bracketed: ExportView.bracketed } as const;
export type TextView = (typeof TextView)[keyof typeof TextView];

/** The draft in `doc` (the `text` room) as `view` text in `format`; `draftId` and `exportedAt` only label the model. */
export function draftText(doc: Y.Doc, view: TextView, format: TextFormat, draftId = "", exportedAt = new Date().toISOString()): string {
  const draft = readExportDraft(doc, null, { draftId, view, exportedAt });
  return format === TextFormat.markdown ? writeMarkdown(draft) : writeText(draft);
}
