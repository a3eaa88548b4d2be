/**
 * The chair's text as Yjs holds it, read block by block: each heading, paragraph or sub-item as a
 * plain string in which a footnote counts as one character, as it does in ProseMirror. Offsets into
 * that string are what anchors, proposals and the editor agree on.
 */
import * as Y from "yjs";
import { BlockType } from "../schema";

/** Stands for a footnote in a block's text: one character, like the atom in ProseMirror. */
export const FOOTNOTE_CHAR = "\uFFFC";

/** One block of the chair's text. */
export interface TextBlock {
  /** The block's stable id; null only in a text not yet repaired. */
  pid: string | null;
  type: BlockType;
  /** Sub-item or heading level, when the block has one. */
  level: number | null;
  /** Position among the fragment's children. */
  index: number;
  element: Y.XmlElement;
  text: string;
}

function isBlockType(name: string): name is BlockType {
  return Object.values(BlockType).includes(name as BlockType);
}

/** The text of one block: its text runs, with a footnote as `FOOTNOTE_CHAR`. */
export function blockText(element: Y.XmlElement): string {
  let text = "";
  for (const child of element.toArray()) {
    text += child instanceof Y.XmlText ? plainText(child) : FOOTNOTE_CHAR;
  }
  return text;
}

/** The characters of a text run without its formatting. */
function plainText(run: Y.XmlText): string {
  let text = "";
  for (const op of run.toDelta() as Array<{ insert: unknown }>) if (typeof op.insert === "string") text += op.insert;
  return text;
}

/** Every block of `fragment`, in order. */
export function textBlocks(fragment: Y.XmlFragment): TextBlock[] {
  const blocks: TextBlock[] = [];
  fragment.toArray().forEach((child, index) => {
    if (!(child instanceof Y.XmlElement) || !isBlockType(child.nodeName)) return;
    const pid = child.getAttribute("pid");
    const level = Number(child.getAttribute("level" as never));
    blocks.push({
      pid: typeof pid === "string" ? pid : null,
      type: child.nodeName,
      level: Number.isInteger(level) && level > 0 ? level : null,
      index,
      element: child,
      text: blockText(child),
    });
  });
  return blocks;
}

/** The first block holding `pid` (the first holder keeps a pid; later copies are repaired). */
export function findBlock(blocks: readonly TextBlock[], pid: string): TextBlock | undefined {
  return blocks.find((block) => block.pid === pid);
}

/** Where an offset of a block's text falls: a text run and an index into it. */
export interface RunPosition {
  run: Y.XmlText;
  index: number;
}

/**
 * The text run and index for `offset` in `element`'s text. An offset at a footnote or at the end
 * of a run that a footnote follows is placed in the run before, so that inserted words join it.
 * Returns null when the block has no run there (an empty block, or an offset next to footnotes only).
 */
export function runAt(element: Y.XmlElement, offset: number): RunPosition | null {
  let start = 0;
  for (const child of element.toArray()) {
    if (start > offset) break;
    if (child instanceof Y.XmlText) {
      if (offset <= start + child.length) return { run: child, index: offset - start };
      start += child.length;
    } else {
      start += 1;
    }
  }
  return null;
}

/** The offset in its block's text of index `index` of text run `run`, or null if `run` is not a live child of a block. */
export function offsetOfRun(run: Y.XmlText, index: number): { element: Y.XmlElement; offset: number } | null {
  const element = run.parent;
  if (!(element instanceof Y.XmlElement) || !isBlockType(element.nodeName)) return null;
  let offset = 0;
  for (const child of element.toArray()) {
    if (child === run) return { element, offset: offset + index };
    offset += child instanceof Y.XmlText ? child.length : 1;
  }
  return null;
}

/** A stretch of a block's text with the same formatting: offsets in the block's text, and its marks' names. */
export interface MarkedSpan {
  from: number;
  to: number;
  marks: readonly string[];
}

/** The block's whole text as stretches of the same formatting (`em`, `strong`), in order; a footnote is a stretch without marks. */
export function markedSpans(element: Y.XmlElement): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let offset = 0;
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) {
      spans.push({ from: offset, to: offset + 1, marks: [] });
      offset += 1;
      continue;
    }
    for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
      if (typeof op.insert !== "string") continue;
      spans.push({ from: offset, to: offset + op.insert.length, marks: Object.keys(op.attributes ?? {}).sort() });
      offset += op.insert.length;
    }
  }
  return spans;
}

/** The texts of the footnotes in `element`, in order. */
export function footnoteTexts(element: Y.XmlElement): string[] {
  return element
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement)
    .map((footnote) => footnote.toArray().map((run) => (run instanceof Y.XmlText ? plainText(run) : "")).join(""));
}

/**
 * The block after which a paragraph added after `anchor` goes: the anchor itself, or the last of
 * the sub-items that follow a paragraph or sub-item (they belong to it). Returns its place in `blocks`.
 */
export function endOfParagraph(blocks: readonly TextBlock[], anchor: TextBlock): number {
  let at = blocks.findIndex((block) => block.element === anchor.element);
  if (anchor.type !== BlockType.heading) while (blocks[at + 1]?.type === BlockType.subitem) at++;
  return at;
}
