/**
 * Texts of a draft as the redline reads them (`RevisionText`), for tests of the redline and its
 * writers: a small DSL (`text([para("a", "One.", "a footnote"), subitem("b", "An item.")])`) and
 * random texts for property tests, drawn from a small pool of pids so that two texts share some.
 */
import fc from "fast-check";
import { labelSequence } from "../../shared/numbering";
import type { RevisionText, RevisionTextBlock } from "../../shared/revisions/readRevisionText";
import { BlockType } from "../../shared/schema";

/** A block without its number, which the text gives. */
export type UnnumberedBlock = Omit<RevisionTextBlock, "label">;

const block =
  (type: BlockType, level: number | null) =>
  (pid: string, words: string, ...footnotes: string[]): UnnumberedBlock => ({ pid, type, level, words, footnotes });

/** A numbered paragraph. */
export const para = block(BlockType.paragraph, null);
/** A heading of level 1. */
export const heading = block(BlockType.heading, 1);
/** A lettered sub-item. */
export const subitem = block(BlockType.subitem, 1);

/** A text of `blocks`, numbered 1…N (or by `labels` where given, as the live text numbers "3 bis"). */
export function text(blocks: UnnumberedBlock[], labels: Array<string | null> = labelSequence(blocks, null)): RevisionText {
  return { title: "Draft", symbol: null, language: "en", blocks: blocks.map((one, index) => ({ ...one, label: labels[index] ?? null })) };
}

const POOL = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];

/** Random texts whose blocks' words (and footnotes') are drawn from `words`, with distinct pids from a pool of ten. */
export function randomTexts(words: fc.Arbitrary<string>): fc.Arbitrary<RevisionText> {
  const randomBlock = (pid: string) =>
    fc
      .record({
        type: fc.constantFrom(BlockType.paragraph, BlockType.paragraph, BlockType.subitem, BlockType.heading, BlockType.preamble),
        words,
        footnotes: fc.array(words, { maxLength: 2 }),
      })
      .map(({ type, words: blockWords, footnotes }) => ({ pid, type, level: type === BlockType.subitem || type === BlockType.heading ? 1 : null, words: blockWords, footnotes }));
  return fc
    .shuffledSubarray(POOL, { minLength: 0 })
    .chain((pids) => fc.tuple(...pids.map(randomBlock)))
    .map((blocks) => text(blocks));
}
