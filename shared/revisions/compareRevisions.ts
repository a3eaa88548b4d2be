/**
 * The redline between two texts of a draft (`readRevisionText`): blocks matched by pid, the chair's
 * words compared word by word, blocks added, deleted and moved, old and new numbers side by side,
 * footnotes compared in order. Pure: the route, the page and every writer draw what it returns.
 */
import { DiffKind, wordDiff } from "../text/wordDiff";
import { BlockChange, type Redline, type RedlineBlock, type RedlineCounts, type RedlineFootnote, type RedlineSide, type RedlineWords } from "./redlineModel";
import type { RevisionText, RevisionTextBlock } from "./readRevisionText";

/** What a comparison is of, beside the two texts. */
export interface CompareOptions {
  draftId: string;
  /** The older side (a revision) and the newer one (a revision or the live text). */
  from: RedlineSide;
  to: RedlineSide;
  /** The newer revision's record of renumbering at publishing (old → new); null for the live text. */
  renumbered: Readonly<Record<string, string>> | null;
  /** When the comparison is made (ISO time). */
  madeAt: string;
}

const CHANGES: Record<DiffKind, RedlineWords["change"]> = {
  [DiffKind.same]: "same",
  [DiffKind.added]: "inserted",
  [DiffKind.removed]: "deleted",
};

const allOf = (change: RedlineWords["change"], text: string): RedlineWords[] => (text === "" ? [] : [{ change, text }]);

/** `older` → `newer` word by word, each stretch of changes read as its deleted words then its inserted ones. */
function compareWords(older: string, newer: string): RedlineWords[] {
  return wordDiff(older, newer).map((part) => ({ change: CHANGES[part.kind], text: part.text }));
}

/** Each block's pid → its place, for the first block holding it (a later copy matches nothing). */
function firstPlaces(blocks: readonly RevisionTextBlock[]): Map<string, number> {
  const places = new Map<string, number>();
  blocks.forEach((block, index) => {
    if (!places.has(block.pid)) places.set(block.pid, index);
  });
  return places;
}

/** Where each block's footnotes start numbering: footnotes are numbered through the whole text from 1. */
function firstFootnotes(blocks: readonly RevisionTextBlock[]): number[] {
  let count = 0;
  return blocks.map((block) => {
    const first = count + 1;
    count += block.footnotes.length;
    return first;
  });
}

/**
 * The members of `sequence` on one longest increasing subsequence. The blocks kept in both texts,
 * in the newer order, by their places in the older: those off it are the ones that moved.
 */
function longestIncreasing(sequence: readonly number[]): Set<number> {
  // tails[k]: the index in `sequence` of the smallest last value of an increasing run of length k+1.
  const tails: number[] = [];
  const previous = new Array<number>(sequence.length).fill(-1);
  sequence.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sequence[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const members = new Set<number>();
  for (let at = tails.at(-1) ?? -1; at >= 0; at = previous[at]!) members.add(sequence[at]!);
  return members;
}

/** The footnotes of a block compared in order: the n-th of the older with the n-th of the newer. */
function compareFootnotes(older: readonly string[], newer: readonly string[], oldFirst: number, newFirst: number): RedlineFootnote[] {
  const footnotes: RedlineFootnote[] = [];
  for (let nth = 0; nth < Math.max(older.length, newer.length); nth++) {
    const before = older[nth];
    const after = newer[nth];
    const oldNumber = before === undefined ? null : oldFirst + nth;
    const newNumber = after === undefined ? null : newFirst + nth;
    if (before === undefined) footnotes.push({ oldNumber, newNumber, change: BlockChange.added, words: allOf("inserted", after!) });
    else if (after === undefined) footnotes.push({ oldNumber, newNumber, change: BlockChange.deleted, words: allOf("deleted", before) });
    else footnotes.push({ oldNumber, newNumber, change: before === after ? BlockChange.unchanged : BlockChange.changed, words: compareWords(before, after) });
  }
  return footnotes;
}

/** Tallies of the blocks, for the summary line. */
export function redlineCounts(blocks: readonly RedlineBlock[]): RedlineCounts {
  const counts: RedlineCounts = { changed: 0, added: 0, deleted: 0, moved: 0 };
  for (const block of blocks) {
    if (block.change !== BlockChange.unchanged) counts[block.change]++;
    if (block.moved) counts.moved++;
  }
  return counts;
}

/** The redline from `older` to `newer`: the newer text's blocks in order, each deleted block after the block it followed in the older. */
export function compareRevisions(older: RevisionText, newer: RevisionText, options: CompareOptions): Redline {
  const oldPlaces = firstPlaces(older.blocks);
  const newPlaces = firstPlaces(newer.blocks);
  const keptOld = (index: number) => {
    const pid = older.blocks[index]!.pid;
    return oldPlaces.get(pid) === index && newPlaces.has(pid);
  };
  const keptNew = (index: number) => {
    const pid = newer.blocks[index]!.pid;
    return newPlaces.get(pid) === index && oldPlaces.has(pid);
  };
  const oldFootnotes = firstFootnotes(older.blocks);
  const newFootnotes = firstFootnotes(newer.blocks);

  const keptInNewOrder = newer.blocks.flatMap((block, index) => (keptNew(index) ? [oldPlaces.get(block.pid)!] : []));
  const inPlace = longestIncreasing(keptInNewOrder);

  // A deleted block follows the nearest block before it in the older text that the newer keeps (-1: the start).
  const deletedAfter = new Map<number, RedlineBlock[]>();
  let anchor = -1;
  older.blocks.forEach((block, index) => {
    if (keptOld(index)) {
      anchor = index;
      return;
    }
    const deleted: RedlineBlock = {
      pid: block.pid,
      type: block.type,
      level: block.level,
      change: BlockChange.deleted,
      moved: false,
      oldLabel: block.label,
      newLabel: null,
      interimLabel: null,
      words: allOf("deleted", block.words),
      footnotes: compareFootnotes(block.footnotes, [], oldFootnotes[index]!, 0),
    };
    const group = deletedAfter.get(anchor);
    if (group) group.push(deleted);
    else deletedAfter.set(anchor, [deleted]);
  });

  const interim = new Map(Object.entries(options.renumbered ?? {}).map(([was, now]) => [now, was]));
  const blocks: RedlineBlock[] = [...(deletedAfter.get(-1) ?? [])];
  newer.blocks.forEach((block, index) => {
    if (!keptNew(index)) {
      const was = block.type === "paragraph" && block.label !== null ? interim.get(block.label) : undefined;
      blocks.push({
        pid: block.pid,
        type: block.type,
        level: block.level,
        change: BlockChange.added,
        moved: false,
        oldLabel: null,
        newLabel: block.label,
        interimLabel: was !== undefined && was !== block.label ? was : null,
        words: allOf("inserted", block.words),
        footnotes: compareFootnotes([], block.footnotes, 0, newFootnotes[index]!),
      });
      return;
    }
    const oldIndex = oldPlaces.get(block.pid)!;
    const before = older.blocks[oldIndex]!;
    const words = compareWords(before.words, block.words);
    const footnotes = compareFootnotes(before.footnotes, block.footnotes, oldFootnotes[oldIndex]!, newFootnotes[index]!);
    const changed = words.some((part) => part.change !== "same") || footnotes.some((footnote) => footnote.change !== BlockChange.unchanged);
    blocks.push({
      pid: block.pid,
      type: block.type,
      level: block.level,
      change: changed ? BlockChange.changed : BlockChange.unchanged,
      moved: !inPlace.has(oldIndex),
      oldLabel: before.label,
      newLabel: block.label,
      interimLabel: null,
      words,
      footnotes,
    });
    blocks.push(...(deletedAfter.get(oldIndex) ?? []));
  });

  return {
    draftId: options.draftId,
    title: newer.title,
    symbol: newer.symbol,
    language: newer.language,
    from: options.from,
    to: options.to,
    blocks,
    counts: redlineCounts(blocks),
    madeAt: options.madeAt,
  };
}
