/**
 * A draft document as a reader sees it, one line per block, pids ignored: "h2 Title", "pre Front
 * matter", "3 Text" for numbered paragraphs, "(b) Text" and "(ii) Text" for sub-items with their
 * printed labels; footnotes inline as [^text].
 */
import type { Node as PMNode } from "prosemirror-model";
import { blockLabels } from "../../../shared/numbering";

/** One line per block, as printed. */
export function printedOutline(doc: PMNode): string[] {
  const labels = blockLabels(doc, null);
  const lines: string[] = [];
  doc.forEach((block, _offset, index) => {
    let text = "";
    block.forEach((child) => {
      text += child.isText ? child.text : `[^${child.textContent}]`;
    });
    const tag = block.type.name === "heading" ? `h${block.attrs.level}` : block.type.name === "preamble" ? "pre" : labels[index]!.label;
    lines.push(`${tag} ${text}`);
  });
  return lines;
}

/** The texts of the document's footnotes, in order. */
export function footnotesOf(doc: PMNode): string[] {
  const texts: string[] = [];
  doc.descendants((child) => {
    if (child.type.name === "footnote") texts.push(child.textContent);
  });
  return texts;
}
