/**
 * Makes the anchor of a proposal or comment: relative positions for the range plus the quoted
 * words and some context on each side, so the words can be found again when the positions cannot
 * follow them (DESIGN.md section 2).
 */
import type * as Y from "yjs";
import { RecordLimits, type Anchor } from "../../schemas/records";
import { LocalRefusal } from "../LocalRefusal";
import { findBlock, textBlocks } from "../text/blockText";
import { encodePosition, Side } from "./anchorPositions";

/** How many characters of context an anchor keeps on each side of its words. */
export const ANCHOR_CONTEXT_LENGTH = 32;

/** The most words an anchor quotes (the record schema's limit). */
export const MAX_QUOTE_LENGTH = RecordLimits.anchor.quote.maxLength;

/**
 * The anchor of characters `from`–`to` of block `pid` in `fragment` (`from === to` for a point where
 * words would be inserted). Throws a RangeError naming the bad value when the block or range does not exist,
 * and a `LocalRefusal` when the person selected more words than an anchor quotes.
 */
export function createAnchor(fragment: Y.XmlFragment, pid: string, from: number, to: number): Anchor {
  const block = findBlock(textBlocks(fragment), pid);
  if (!block) throw new RangeError(`No block has pid ${JSON.stringify(pid)}`);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > block.text.length) {
    throw new RangeError(`Range ${from}–${to} is outside block ${pid} of length ${block.text.length}`);
  }
  if (to - from > MAX_QUOTE_LENGTH) throw new LocalRefusal("quote-too-long", { limit: MAX_QUOTE_LENGTH }, `Range ${from}–${to} quotes more than ${MAX_QUOTE_LENGTH} characters`);
  const anchor: Anchor = {
    pid,
    quote: block.text.slice(from, to),
    prefix: block.text.slice(Math.max(0, from - ANCHOR_CONTEXT_LENGTH), from),
    suffix: block.text.slice(to, to + ANCHOR_CONTEXT_LENGTH),
  };
  const start = encodePosition(block.element, from, Side.after);
  // An end holds on to the last quoted character, so words typed just after the range stay outside it.
  const end = from === to ? start : encodePosition(block.element, to, Side.before);
  if (start) anchor.start = start;
  if (end) anchor.end = end;
  return anchor;
}

/** The anchor of a whole block, for proposals that add a paragraph after it or delete it. */
export function createBlockAnchor(fragment: Y.XmlFragment, pid: string): Anchor {
  const block = findBlock(textBlocks(fragment), pid);
  if (!block) throw new RangeError(`No block has pid ${JSON.stringify(pid)}`);
  return { pid, quote: block.text.slice(0, MAX_QUOTE_LENGTH), prefix: "", suffix: "" };
}
