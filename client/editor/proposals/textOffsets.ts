/**
 * Between ProseMirror positions and the text offsets anchors use (`shared/text/blockText.ts`). They
 * differ only at footnotes: a footnote is one character of a block's text, but in ProseMirror it
 * holds its own text and spans that plus two.
 */
import type { Node as PMNode } from "prosemirror-model";

/** The length of `block`'s text as anchors count it. */
export function textLength(block: PMNode): number {
  let length = 0;
  block.forEach((child) => (length += child.isText ? child.text!.length : 1));
  return length;
}

/** The document position of text offset `offset` in `block`, which starts at `start`. */
export function positionOf(block: PMNode, start: number, offset: number): number {
  let position = start + 1;
  let remaining = offset;
  block.forEach((child) => {
    if (remaining <= 0) return;
    const length = child.isText ? child.text!.length : 1;
    const step = Math.min(remaining, length);
    position += child.isText ? step : child.nodeSize;
    remaining -= step;
  });
  return position;
}

/** The text offset of a position `parentOffset` into `block`'s content. */
export function offsetOf(block: PMNode, parentOffset: number): number {
  let offset = 0;
  let position = 0;
  block.forEach((child) => {
    if (position >= parentOffset) return;
    if (child.isText) {
      const step = Math.min(child.text!.length, parentOffset - position);
      offset += step;
      position += step;
    } else {
      offset += 1;
      position += child.nodeSize;
    }
  });
  return offset;
}
