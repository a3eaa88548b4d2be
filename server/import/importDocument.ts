/**
 * TEMPORARY on branch desk, replaced by the import branch's importDocument at merge: reads a UTF-8
 * Markdown or text file through importDraftText, and refuses anything else.
 */
import type { Node as PMNode } from "prosemirror-model";
import { formatFromFileName, importDraftText } from "./importDraftText";
import { importRefusals } from "./ImportRefusal";

/** A document read from a file. */
export interface ImportedDocument {
  title: string | null;
  doc: PMNode;
}

/** Reads a file into a draft document, or throws an ImportRefusal. */
export async function importDocument(bytes: Buffer, fileName: string): Promise<ImportedDocument> {
  if (bytes.length === 0) throw importRefusals.empty();
  if (bytes.includes(0)) throw importRefusals.notText();
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  try {
    return importDraftText(text, formatFromFileName(fileName));
  } catch {
    throw importRefusals.noText();
  }
}
