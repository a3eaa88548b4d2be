/**
 * Finds an anchor's words in the current text. Every peer holding the same document gets the same
 * answer: first the relative positions, accepted only when the range they give still holds the
 * quoted words; then the quote (or, for a point, its context) in the anchor's block, the block the
 * positions fell into, and their neighbours; otherwise the anchor is orphaned — reported, never dropped.
 */
import type * as Y from "yjs";
import type { Anchor } from "../../schemas/records";
import { decodePosition } from "./anchorPositions";
import { textBlocks, type TextBlock } from "../text/blockText";

/** Whether an anchor marks words in a block or the block itself (a new paragraph after it, or its deletion). */
export const AnchorScope = { words: "words", block: "block" } as const;
export type AnchorScope = (typeof AnchorScope)[keyof typeof AnchorScope];

/** How an anchor was found. */
export const FoundBy = { position: "position", quote: "quote", pid: "pid" } as const;
export type FoundBy = (typeof FoundBy)[keyof typeof FoundBy];

/** Where an anchor stands now: characters `from`–`to` of a block, or orphaned. */
export type ResolvedAnchor =
  | { orphaned: false; block: TextBlock; from: number; to: number; by: FoundBy }
  | { orphaned: true };

/** The chair's text read once, for resolving many anchors against it. */
export interface DraftText {
  fragment: Y.XmlFragment;
  blocks: TextBlock[];
}

/** Reads `fragment` for `resolveAnchor`. */
export function readDraftText(fragment: Y.XmlFragment): DraftText {
  return { fragment, blocks: textBlocks(fragment) };
}

const ORPHANED: ResolvedAnchor = { orphaned: true };

/** A point found by context must match at least this many characters of it (or all there is). */
const MIN_POINT_CONTEXT = 4;

/** Resolves `anchor` in `text`. */
export function resolveAnchor(text: DraftText, anchor: Anchor, scope: AnchorScope): ResolvedAnchor {
  if (scope === AnchorScope.block) {
    const block = text.blocks.find((candidate) => candidate.pid === anchor.pid);
    return block ? { orphaned: false, block, from: 0, to: block.text.length, by: FoundBy.pid } : ORPHANED;
  }
  const start = anchor.start ? decodePosition(text.fragment, anchor.start) : null;
  const end = anchor.end ? decodePosition(text.fragment, anchor.end) : null;
  const startBlock = start ? text.blocks.find((block) => block.element === start.element) : undefined;

  if (start && startBlock) {
    if (anchor.quote === "") {
      if (start.intact) return { orphaned: false, block: startBlock, from: start.offset, to: start.offset, by: FoundBy.position };
    } else if (end && end.element === start.element && startBlock.text.slice(start.offset, end.offset) === anchor.quote) {
      return { orphaned: false, block: startBlock, from: start.offset, to: end.offset, by: FoundBy.position };
    }
  }
  const candidates = neighbourhood(text.blocks, [text.blocks.findIndex((block) => block.pid === anchor.pid), startBlock ? text.blocks.indexOf(startBlock) : -1]);
  return anchor.quote === "" ? findPoint(candidates, anchor) : findQuote(candidates, anchor);
}

/** The blocks at `indexes` and those next to them, once each, in document order. */
function neighbourhood(blocks: readonly TextBlock[], indexes: readonly number[]): TextBlock[] {
  const chosen = new Set<number>();
  for (const index of indexes) {
    if (index < 0) continue;
    for (const near of [index - 1, index, index + 1]) if (near >= 0 && near < blocks.length) chosen.add(near);
  }
  return [...chosen].sort((a, b) => a - b).map((index) => blocks[index]!);
}

/** How much of the anchor's context surrounds characters `from`–`to` of `text`. */
function contextScore(text: string, from: number, to: number, anchor: Anchor): number {
  let score = 0;
  while (score < anchor.prefix.length && from - score > 0 && text[from - score - 1] === anchor.prefix[anchor.prefix.length - score - 1]) score++;
  let after = 0;
  while (after < anchor.suffix.length && to + after < text.length && text[to + after] === anchor.suffix[after]) after++;
  return score + after;
}

/**
 * Whether a find with `score` in `block` beats the best so far: more context wins; on a tie the
 * anchor's own block wins, then the first. Without the own-block rule, an anchor re-made where it
 * was found (an export read back) could move to a neighbour whose context matches as well.
 */
function beats(score: number, block: TextBlock, bestScore: number, best: ResolvedAnchor, anchor: Anchor): boolean {
  if (score !== bestScore) return score > bestScore;
  return block.pid === anchor.pid && !best.orphaned && best.block.pid !== anchor.pid;
}

/** The occurrence of the quote with the most context around it; on a tie, in the anchor's own block, then the first. */
function findQuote(candidates: readonly TextBlock[], anchor: Anchor): ResolvedAnchor {
  let best: ResolvedAnchor = ORPHANED;
  let bestScore = -1;
  for (const block of candidates) {
    for (let at = block.text.indexOf(anchor.quote); at >= 0; at = block.text.indexOf(anchor.quote, at + 1)) {
      const score = contextScore(block.text, at, at + anchor.quote.length, anchor);
      if (beats(score, block, bestScore, best, anchor)) {
        bestScore = score;
        best = { orphaned: false, block, from: at, to: at + anchor.quote.length, by: FoundBy.quote };
      }
    }
  }
  return best;
}

/** The point with the most of its context around it, if enough of it is there; ties as for quotes. */
function findPoint(candidates: readonly TextBlock[], anchor: Anchor): ResolvedAnchor {
  const needed = Math.min(MIN_POINT_CONTEXT, anchor.prefix.length + anchor.suffix.length);
  let best: ResolvedAnchor = ORPHANED;
  let bestScore = needed - 1;
  for (const block of candidates) {
    for (let at = 0; at <= block.text.length; at++) {
      const score = contextScore(block.text, at, at, anchor);
      if (beats(score, block, bestScore, best, anchor)) {
        bestScore = score;
        best = { orphaned: false, block, from: at, to: at, by: FoundBy.quote };
      }
    }
  }
  return best;
}
