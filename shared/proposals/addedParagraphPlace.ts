/**
 * Where a paragraph proposed after a block stands, in the text once accepted and in every drawing
 * of the open proposal: after the block's sub-items and, during a round, after the paragraphs added
 * since that follow it. So a paragraph proposed after 3 while 3 bis stands is 3 ter where it is
 * printed, and accepting it renumbers nothing already in the text.
 */
import type { RevisionNumbers } from "../../schemas/records";
import { numberBlocks } from "../numbering";
import { BlockType } from "../schema";
import { endOfParagraph, type TextBlock } from "../text/blockText";

/** The index in `blocks` of the block that a paragraph proposed after `anchor` follows, in the round `baseline` opened (`revisionBaseline`). */
export function addedParagraphPlace(blocks: readonly TextBlock[], anchor: TextBlock, baseline: RevisionNumbers | null): number {
  let at = endOfParagraph(blocks, anchor);
  if (baseline === null) return at;
  const numbers = numberBlocks(blocks, baseline);
  while (blocks[at + 1]?.type === BlockType.paragraph && numbers[at + 1]!.added) at = endOfParagraph(blocks, blocks[at + 1]!);
  return at;
}
