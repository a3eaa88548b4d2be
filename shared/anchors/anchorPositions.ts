/**
 * Relative positions of anchors, as base64 strings in JSON records: made from an offset in a block,
 * and read back into a block and offset of the current text — or null when the text they point
 * into is gone (a paragraph merged away, or a tail that a split moved to a new paragraph).
 */
import { fromBase64, toBase64 } from "lib0/buffer";
import * as Y from "yjs";
import { offsetOfRun, runAt } from "../text/blockText";

/** Which character a position holds on to: the one after it (a start) or the one before it (an end). */
export const Side = { after: 0, before: -1 } as const;
export type Side = (typeof Side)[keyof typeof Side];

/** The encoded relative position of `offset` in `element`'s text, or undefined where no text run holds it. */
export function encodePosition(element: Y.XmlElement, offset: number, side: Side): string | undefined {
  const at = runAt(element, offset);
  if (!at) return undefined;
  return toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(at.run, at.index, side)));
}

/** Where a decoded position stands now, and whether the character it holds on to is still there. */
export interface PositionNow {
  element: Y.XmlElement;
  offset: number;
  /** False when the character the position held on to was deleted (a split moves a tail by deleting it). */
  intact: boolean;
}

function isAlive(type: { _item: Y.Item | null }): boolean {
  return type._item === null || !type._item.deleted;
}

/**
 * Reads an encoded position in `fragment`'s document. Null when it is malformed, points outside
 * `fragment`'s blocks, or into a run or block that was deleted.
 */
export function decodePosition(fragment: Y.XmlFragment, encoded: string): PositionNow | null {
  const doc = fragment.doc;
  if (!doc) throw new RangeError("decodePosition needs a fragment that belongs to a Y.Doc");
  let relative: Y.RelativePosition;
  try {
    relative = Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
  // Never follow undo-redo links: they are local to one peer, and every peer must read the same.
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc, false);
  if (!absolute || !(absolute.type instanceof Y.XmlText) || !isAlive(absolute.type)) return null;
  const placed = offsetOfRun(absolute.type, absolute.index);
  if (!placed || placed.element.parent !== fragment || !isAlive(placed.element)) return null;
  let intact = true;
  if (relative.item) {
    const item = Y.getItem(doc.store, relative.item);
    intact = !item.deleted;
  }
  return { ...placed, intact };
}
