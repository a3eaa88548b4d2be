/**
 * A contribution's file (Word, Markdown or text) read through the same importer as a draft, then
 * written back as plain paragraphs separated by blank lines: the form the contribution record keeps,
 * with the numbers and letters the importer gives (it numbers every body paragraph, as in a draft),
 * and footnotes after the text.
 */
import type { Node as PMNode } from "prosemirror-model";
import { blockLabels } from "../../shared/numbering";
import { BlockType } from "../../shared/schema";
import { importDocument } from "../import/importDocument";

/** What a file says, ready for the contribution form. */
export interface ContributionFileText {
  /** The title the document gives itself; null when it gives none. */
  title: string | null;
  /** Paragraphs separated by blank lines. */
  text: string;
}

/** A block's words, its footnotes replaced by their numbers and gathered in `notes`. */
function blockWords(block: PMNode, notes: string[]): string {
  let words = "";
  block.forEach((child) => {
    if (child.type.name === "footnote") {
      notes.push(child.textContent);
      words += `[${notes.length}]`;
    } else {
      words += child.textContent;
    }
  });
  return words.trim();
}

/** Plain paragraphs of an imported document, each numbered paragraph and sub-item with its label. */
export function contributionText(doc: PMNode): string {
  const labels = blockLabels(doc, null);
  const notes: string[] = [];
  const paragraphs: string[] = [];
  doc.forEach((block, _pos, index) => {
    const words = blockWords(block, notes);
    if (words === "") return;
    const label = labels[index]?.label;
    if (!label) paragraphs.push(words);
    else paragraphs.push(block.type.name === BlockType.paragraph ? `${label}. ${words}` : `${label} ${words}`);
  });
  notes.forEach((note, index) => paragraphs.push(`[${index + 1}] ${note.trim()}`));
  return paragraphs.join("\n\n");
}

/** Reads an uploaded file into a contribution's text; throws the importer's `ImportRefusal` for a file it will not read. */
export async function readContributionFile(bytes: Buffer, fileName: string): Promise<ContributionFileText> {
  const imported = await importDocument(bytes, fileName);
  return { title: imported.title, text: contributionText(imported.doc) };
}
