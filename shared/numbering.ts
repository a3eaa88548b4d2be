/**
 * Paragraph numbering as the UN prints it: body paragraphs numbered 1, 2, 3… straight through the
 * sections; sub-items lettered (a), (b)… after their paragraph or heading, lettering afresh under
 * each, and sub-sub-items (i), (ii)…. Preamble (front matter) is neither numbered nor counted.
 * Once a revision is published its numbers hold for the round: a block keeps the number the
 * revision gave it, a block added since reads "3 bis", "(a bis)", and a deleted one leaves a gap.
 */
import type { Node as PMNode } from "prosemirror-model";
import type { RevisionNumbers } from "../schemas/records";
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
  /** "12", "3 bis", "(a)", "(a bis)", "(ii)", or null for headings and preamble. */
  label: string | null;
}

/** What numbering needs to know of a block. */
export interface NumberedBlock {
  type: string;
  level: number | null;
  /** The pid a revision's numbers are keyed by; null in a text not yet repaired. */
  pid: string | null;
}

/** A block's printed label, and the paragraph number that a paragraph added right after it follows. */
export interface BlockNumber {
  /** "12", "3 bis", "(a)", "(a bis)", "(ii)", or null for headings and preamble. */
  label: string | null;
  /**
   * The number of the nearest paragraph at or before the block that holds a number of its own
   * ("3" at 3, at 3 bis and at 3 (a)); "0" before the first. A paragraph added here reads "3 bis",
   * or the next of "3 ter", "3 quater"… that is free.
   */
  after: string;
  /** Numbered as added since the revision, after another ("3 bis", "(a bis)"); false in a list numbered by position. */
  added: boolean;
}

/**
 * Labels of each block in order. With no `baseline` (no revision published yet) blocks are
 * numbered by position. With the latest revision's numbers as `baseline`, see `numberBlocks`.
 */
export function labelSequence(blocks: Iterable<NumberedBlock>, baseline: RevisionNumbers | null): Array<string | null> {
  return numberBlocks(blocks, baseline).map((entry) => entry.label);
}

/**
 * Numbers each block for the round that `baseline` (the latest published revision's numbers, pid →
 * "12", "(a)", "(ii)") opened; null numbers by position. A block whose pid the revision numbered keeps
 * that number wherever it now stands; a paragraph added since reads "N bis", "N ter"… in reading
 * order after N, the nearest preceding paragraph that kept its number; a sub-item added under a list
 * of the revision reads "(a bis)" likewise; the sub-items of a paragraph added since, and a list that
 * is new as a whole, are lettered afresh; a deleted paragraph's number is never given again.
 */
export function numberBlocks(blocks: Iterable<NumberedBlock>, baseline: RevisionNumbers | null): BlockNumber[] {
  // Positional numbering is the round's rule with a revision that numbered nothing: every list is new.
  return new RoundNumbering(baseline ?? {}).number([...blocks]);
}

/** Labels of every top-level block of a ProseMirror document, in document order, for the round `baseline` opened. */
export function blockLabels(doc: PMNode, baseline: RevisionNumbers | null): BlockLabel[] {
  const blocks: Array<NumberedBlock & { pos: number }> = [];
  doc.forEach((node, pos) => {
    const level = typeof node.attrs.level === "number" ? node.attrs.level : null;
    blocks.push({ type: node.type.name, level, pos, pid: typeof node.attrs.pid === "string" ? node.attrs.pid : null });
  });
  const labels = labelSequence(blocks, baseline);
  return blocks.map(({ pos, pid }, index) => ({ pos, pid, label: labels[index]! }));
}

const LATIN_ADVERBS = [
  "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies",
  "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies", "sexdecies", "septdecies", "octodecies", "novodecies", "vicies",
];

/** "12 bis", "12 ter"…: the label of the `nth` (from 1) paragraph added after paragraph `label`. */
export function addedParagraphLabel(label: string, nth: number): string {
  const adverb = LATIN_ADVERBS[nth - 1] ?? `(${nth + 1})`;
  return `${label} ${adverb}`;
}

/**
 * The first of "N bis", "N ter"… after paragraph number `after` that `taken` does not hold: what a
 * paragraph added after N is numbered, so that it never takes a number in use or given before.
 */
export function freeAddedLabel(after: string, taken: { has(label: string): boolean }): string {
  for (let nth = 1; ; nth++) {
    const label = addedParagraphLabel(after, nth);
    if (!taken.has(label)) return label;
  }
}

/** Which numbers a list of blocks takes: paragraph numbers, letters or roman numerals. */
const Scale = { number: "number", letter: "letter", roman: "roman" } as const;
type Scale = (typeof Scale)[keyof typeof Scale];

/** The `nth` (from 1) label of a list numbered by position. */
function positional(scale: Scale, nth: number): string {
  switch (scale) {
    case Scale.number:
      return String(nth);
    case Scale.letter:
      return `(${toLetter(nth)})`;
    case Scale.roman:
      return `(${toRoman(nth)})`;
  }
}

const LETTERS = /^([a-z])\1*$/;
const ROMAN_NUMERAL = /^(?=[ivxlcdm])m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$/;

/** What follows "bis" is built on: "12" of "12" and "12 bis", "a" of "(a)" and "(a bis)". */
function stem(label: string): string {
  const inner = label.startsWith("(") && label.endsWith(")") ? label.slice(1, -1) : label;
  return inner.split(" ")[0]!;
}

/** Whether a revision's `label` can stand on a block of the list `scale` numbers (a paragraph turned sub-item cannot keep "4"). */
function fits(scale: Scale, label: string): boolean {
  if (scale === Scale.number) return !label.startsWith("(");
  if (!label.startsWith("(") || !label.endsWith(")")) return false;
  return (scale === Scale.letter ? LETTERS : ROMAN_NUMERAL).test(stem(label));
}

/** One list that numbers its blocks together: all paragraphs, or the sub-items under one paragraph, heading or item. */
interface List {
  scale: Scale;
  /** It belongs to a paragraph or item added since: its blocks are numbered afresh. */
  underAdded: boolean;
  /** Block indices, in reading order. */
  members: number[];
  /** Numbers of the revision its blocks keep. */
  kept: Set<string>;
}

/** One pass over a text's blocks for the round of one revision's numbers. */
class RoundNumbering {
  private readonly numbers: Map<string, string>;
  /** Every number the revision gave: an added block never takes one (a deleted block's number stays unused). */
  private readonly given: Set<string>;
  /** The revision numbered paragraphs: until it does, paragraphs are numbered by position. */
  private readonly numbersParagraphs: boolean;

  constructor(baseline: RevisionNumbers) {
    // Own entries only: a pid such as "constructor" must not find Object.prototype's.
    this.numbers = new Map(Object.entries(baseline).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    this.given = new Set(this.numbers.values());
    this.numbersParagraphs = [...this.given].some((label) => fits(Scale.number, label));
  }

  number(blocks: readonly NumberedBlock[]): BlockNumber[] {
    const keeps: Array<string | null> = blocks.map(() => null);
    const paragraphs: List = { scale: Scale.number, underAdded: false, members: [], kept: new Set() };
    const lists: List[] = [paragraphs];
    const seen = new Set<string>();
    let items: List | null = null;
    let subItems: List | null = null;
    // Whether the block the next list of items (or of sub-items) would belong to was added since.
    let itemsUnderAdded = false;
    let subItemsUnderAdded = false;

    // Of two blocks of one list holding the same number (a sub-item that came from another list),
    // the first in reading order keeps it: a revision's numbers do not say which list a sub-item was in.
    const join = (list: List, index: number, own: string | undefined): boolean => {
      list.members.push(index);
      if (list.underAdded || own === undefined || !fits(list.scale, own) || list.kept.has(own)) return false;
      list.kept.add(own);
      keeps[index] = own;
      return true;
    };
    const open = (scale: Scale, underAdded: boolean): List => {
      const list: List = { scale, underAdded, members: [], kept: new Set() };
      lists.push(list);
      return list;
    };

    blocks.forEach((block, index) => {
      // Of two blocks with one pid (a split or a paste not yet repaired), the first keeps the number.
      const own = block.pid !== null && !seen.has(block.pid) ? this.numbers.get(block.pid) : undefined;
      if (block.pid !== null) seen.add(block.pid);
      if (block.type === BlockType.paragraph) {
        items = subItems = null;
        itemsUnderAdded = subItemsUnderAdded = !join(paragraphs, index, own);
      } else if (block.type === BlockType.subitem && block.level === 2) {
        subItems ??= open(Scale.roman, subItemsUnderAdded);
        join(subItems, index, own);
      } else if (block.type === BlockType.subitem) {
        items ??= open(Scale.letter, itemsUnderAdded);
        subItems = null;
        subItemsUnderAdded = !join(items, index, own);
      } else {
        // A list under a heading (or after front matter) letters from (a) again.
        items = subItems = null;
        itemsUnderAdded = subItemsUnderAdded = false;
      }
    });

    const labels: Array<string | null> = blocks.map(() => null);
    const added = blocks.map(() => false);
    for (const list of lists) {
      // A list none of whose blocks the revision numbered is new as a whole: numbered afresh, as
      // the paragraphs are before the first revision.
      if (list.kept.size === 0 && (list.scale !== Scale.number || !this.numbersParagraphs)) {
        list.members.forEach((index, nth) => (labels[index] = positional(list.scale, nth + 1)));
      } else {
        this.numberRound(list, keeps, labels);
        for (const index of list.members) added[index] = keeps[index] === null;
      }
    }
    return this.withAfter(blocks, labels, keeps, added);
  }

  /** Blocks that kept their number show it; each block added since follows the nearest kept one before it. */
  private numberRound(list: List, keeps: ReadonlyArray<string | null>, labels: Array<string | null>): void {
    const added = new Set<string>();
    const print = (bare: string) => (list.scale === Scale.number ? bare : `(${bare})`);
    const taken = { has: (bare: string) => this.given.has(print(bare)) || added.has(print(bare)) };
    // Before the list's first number a block is added after a notional 0: "0 bis", "(0 bis)". A UN
    // secretariat keeps numbers put rather than print "1 pre"; "0 bis" keeps the one rule that
    // "bis" follows the number before it, sorts first, and is what proposals to add a paragraph
    // before paragraph 1 have always read here.
    let after = "0";
    for (const index of list.members) {
      const own = keeps[index];
      if (own !== null && own !== undefined) {
        labels[index] = own;
        after = stem(own);
        continue;
      }
      const label = print(freeAddedLabel(after, taken));
      added.add(label);
      labels[index] = label;
    }
  }

  /** Adds to each block the paragraph number a paragraph added after it follows. */
  private withAfter(blocks: readonly NumberedBlock[], labels: ReadonlyArray<string | null>, keeps: ReadonlyArray<string | null>, added: readonly boolean[]): BlockNumber[] {
    const positionally = !this.numbersParagraphs;
    let after = "0";
    return blocks.map((block, index) => {
      const label = labels[index] ?? null;
      if (block.type === BlockType.paragraph) {
        const own = keeps[index];
        if (positionally) after = label!;
        else if (own !== null && own !== undefined) after = stem(own);
      }
      return { label, after, added: added[index]! };
    });
  }
}
