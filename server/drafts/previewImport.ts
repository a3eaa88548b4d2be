/**
 * The preview of an imported file: its blocks with their printed labels and first words, its
 * footnotes numbered across the text, and the title found — what the secretariat checks before
 * the draft is created from the same file.
 */
import type { Node as PMNode } from "prosemirror-model";
import type { ImportPreview, PreviewBlock, PreviewFootnote } from "../../shared/importPreview";
import { blockLabels } from "../../shared/numbering";

/** Words of a block or footnote the preview shows. */
export const PREVIEW_WORDS = 14;

/** Most blocks a preview lists; a longer text says how many more there are in `counts`. */
export const MAX_PREVIEW_BLOCKS = 400;

/** The first `PREVIEW_WORDS` words of `text`, with an ellipsis when there are more. */
export function firstWords(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length > PREVIEW_WORDS ? `${words.slice(0, PREVIEW_WORDS).join(" ")} …` : words.join(" ");
}

/** A block's words without its footnotes' text. */
function blockWords(block: PMNode): string {
  let text = "";
  block.forEach((child) => {
    if (child.isText) text += child.text;
    else if (child.type.name !== "footnote") text += child.textContent;
    else text += " ";
  });
  return text;
}

/** Describes an imported document for the preview. */
export function previewImport(fileName: string, imported: { title: string | null; doc: PMNode }): ImportPreview {
  // A new import has no revision yet: numbered by position.
  const labels = blockLabels(imported.doc, null);
  const blocks: PreviewBlock[] = [];
  const footnotes: PreviewFootnote[] = [];
  const counts: Record<string, number> = {};
  imported.doc.forEach((block, _offset, index) => {
    const numbers: number[] = [];
    block.descendants((child) => {
      if (child.type.name !== "footnote") return true;
      footnotes.push({ number: footnotes.length + 1, words: firstWords(child.textContent) });
      numbers.push(footnotes.length);
      return false;
    });
    counts[block.type.name] = (counts[block.type.name] ?? 0) + 1;
    if (blocks.length === MAX_PREVIEW_BLOCKS) return;
    const level = block.attrs["level"];
    blocks.push({
      type: block.type.name,
      level: typeof level === "number" ? level : null,
      label: labels[index]?.label ?? null,
      words: firstWords(blockWords(block)),
      footnotes: numbers,
    });
  });
  counts["footnote"] = footnotes.length;
  return { fileName, title: imported.title, blocks, footnotes, counts };
}
