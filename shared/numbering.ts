/**
 * Paragraph numbering as the UN prints it: body paragraphs numbered 1, 2, 3… straight through the
 * sections; sub-items lettered (a), (b)… after their paragraph, and sub-sub-items (i), (ii)….
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
  /** "12", "(a)", "(ii)", or null for headings. */
  label: string | null;
}

/** Labels of every top-level block, in document order. */
export function blockLabels(doc: PMNode): BlockLabel[] {
  let paragraph = 0;
  let item = 0;
  let subItem = 0;
  const labels: BlockLabel[] = [];
  doc.forEach((node, pos) => {
    let label: string | null = null;
    if (node.type.name === BlockType.paragraph) {
      paragraph++;
      item = 0;
      subItem = 0;
      label = String(paragraph);
    } else if (node.type.name === BlockType.subitem) {
      if (node.attrs.level === 2) {
        subItem++;
        label = `(${toRoman(subItem)})`;
      } else {
        item++;
        subItem = 0;
        label = `(${toLetter(item)})`;
      }
    }
    labels.push({ pos, pid: typeof node.attrs.pid === "string" ? node.attrs.pid : null, label });
  });
  return labels;
}
