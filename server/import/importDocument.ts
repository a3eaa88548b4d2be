/**
 * The one entry point for an uploaded or named file: Word (.docx), Markdown or plain text, told
 * apart by its bytes. A file that is none of these, too large or empty is refused with an
 * `ImportRefusal`; anything else becomes a draft document and the figures a preview shows.
 */
import type { Node as PMNode } from "prosemirror-model";
import { BlockType } from "../../shared/schema";
import { assembleDraft } from "./assembleDraft";
import { importDraftText } from "./importDraftText";
import { readWordParagraphs, wordBlocks } from "./readDocx";
import { readSourceFile } from "./readSourceFile";

/** The formats a file can be read as. */
export const DocumentFormat = { docx: "docx", markdown: "markdown", text: "text" } as const;
export type DocumentFormat = (typeof DocumentFormat)[keyof typeof DocumentFormat];

/** What the import made, counted for a preview: "12 numbered paragraphs, 4 sub-items…". */
export interface ImportCounts {
  headings: number;
  /** Numbered paragraphs. */
  paragraphs: number;
  subitems: number;
  footnotes: number;
  /** Unnumbered front matter: a letter's opening, signature, "[Original: …]" line. */
  preamble: number;
}

/** A file read into a draft: the title the document gives itself (never its file name), the blocks, the counts. */
export interface ImportedDocument {
  title: string | null;
  format: DocumentFormat;
  doc: PMNode;
  counts: ImportCounts;
}

/** Reads a file into a draft document, or throws an `ImportRefusal` saying why it will not. */
export async function importDocument(bytes: Buffer, fileName: string): Promise<ImportedDocument> {
  const source = readSourceFile(bytes, fileName);
  if (source.kind === "docx") {
    const draft = assembleDraft(wordBlocks(await readWordParagraphs(source.bytes)), (block) => block.inline ?? []);
    return { ...draft, format: DocumentFormat.docx, counts: countBlocks(draft.doc) };
  }
  const draft = importDraftText(source.text, source.format);
  return { ...draft, format: source.format, counts: countBlocks(draft.doc) };
}

/** Counts the blocks and footnotes of a draft document. */
export function countBlocks(doc: PMNode): ImportCounts {
  const counts: ImportCounts = { headings: 0, paragraphs: 0, subitems: 0, footnotes: 0, preamble: 0 };
  doc.forEach((block) => {
    if (block.type.name === BlockType.heading) counts.headings++;
    else if (block.type.name === BlockType.paragraph) counts.paragraphs++;
    else if (block.type.name === BlockType.subitem) counts.subitems++;
    else if (block.type.name === BlockType.preamble) counts.preamble++;
    block.descendants((child) => {
      if (child.type.name === "footnote") counts.footnotes++;
    });
  });
  return counts;
}
