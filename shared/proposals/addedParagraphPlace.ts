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

/**
 * For the text `blocks` in the round `baseline` opened (`revisionBaseline`): the index of the block
 * that a paragraph proposed after `anchor` follows. The text is numbered once, for many anchors.
 */
export function addedParagraphPlace(blocks: readonly TextBlock[], baseline: RevisionNumbers | null): (anchor: TextBlock) => number {
  const numbers = baseline === null ? null : numberBlocks(blocks, baseline);
  return (anchor) => {
    let at = endOfParagraph(blocks, anchor);
    if (numbers === null) return at;
    while (blocks[at + 1]?.type === BlockType.paragraph && numbers[at + 1]!.added) at = endOfParagraph(blocks, blocks[at + 1]!);
    return at;
  };
}
