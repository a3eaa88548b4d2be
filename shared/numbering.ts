/**
 * Paragraph numbering as the UN prints it: body paragraphs numbered 1, 2, 3… straight through the
 * sections; sub-items lettered (a), (b)… after their paragraph or heading, lettering afresh under
 * each, and sub-sub-items (i), (ii)…. Preamble (front matter) is neither numbered nor counted.
 */
import type { Node as PMNode } from "prosemirror-model";
import { BlockType } from "./schema";

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"],
  [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
];

/** Lower-case roman numeral of a positive integer: 4 → "iv". */
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`No roman numeral for ${value}`);
  let rest = value;
  let out = "";
  for (const [amount, numeral] of ROMAN) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}

/** UN lettering of the n-th sub-item (1-based): a…z, then aa, bb… as in long UN lists. */
export function toLetter(value: number): string {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`No letter for ${value}`);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

/** The printed label of one block: "12." is `{kind: paragraph, label: "12"}`. */
export interface BlockLabel {
  /** Offset of the block in the document. */
  pos: number;
  pid: string | null;
  /** "12", "(a)", "(ii)", or null for headings and preamble. */
  label: string | null;
}

/** What numbering needs to know of a block. */
export interface NumberedBlock {
  type: string;
  level: number | null;
}

/** The printed label of each block in order: "12", "(a)", "(ii)", or null for headings and preamble. */
export function labelSequence(blocks: Iterable<NumberedBlock>): Array<string | null> {
  let paragraph = 0;
  let item = 0;
  let subItem = 0;
  const labels: Array<string | null> = [];
  for (const block of blocks) {
    let label: string | null = null;
    if (block.type === BlockType.paragraph) {
      paragraph++;
      item = 0;
      subItem = 0;
      label = String(paragraph);
    } else if (block.type === BlockType.subitem) {
      if (block.level === 2) {
        subItem++;
        label = `(${toRoman(subItem)})`;
      } else {
        item++;
        subItem = 0;
        label = `(${toLetter(item)})`;
      }
    } else {
      // A list under a heading (or after front matter) letters from (a) again.
      item = 0;
      subItem = 0;
    }
    labels.push(label);
  }
  return labels;
}

/** Labels of every top-level block of a ProseMirror document, in document order. */
export function blockLabels(doc: PMNode): BlockLabel[] {
  const blocks: Array<NumberedBlock & { pos: number; pid: string | null }> = [];
  doc.forEach((node, pos) => {
    const level = typeof node.attrs.level === "number" ? node.attrs.level : null;
    blocks.push({ type: node.type.name, level, pos, pid: typeof node.attrs.pid === "string" ? node.attrs.pid : null });
  });
  const labels = labelSequence(blocks);
  return blocks.map(({ pos, pid }, index) => ({ pos, pid, label: labels[index]! }));
}

const LATIN_ADVERBS = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"];

/** "12 bis", "12 ter"…: the label of the `nth` (from 1) paragraph added after paragraph `label`. */
export function addedParagraphLabel(label: string, nth: number): string {
  const adverb = LATIN_ADVERBS[nth - 1] ?? `(${nth + 1})`;
  return `${label} ${adverb}`;
}
