/**
 * Changes to the words of one block of the chair's text, made on the Yjs types directly so that a
 * proposal's acceptance and its decision can share one transaction. Offsets are those of
 * `blockText` (a footnote is one character); call these inside `doc.transact`.
 */
import * as Y from "yjs";
import { blockText, runAt } from "./blockText";

function checkRange(element: Y.XmlElement, from: number, to: number): void {
  const length = blockText(element).length;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > length) {
    throw new RangeError(`Range ${from}–${to} is outside a block of length ${length}`);
  }
}

/** Deletes characters `from`–`to` of `element`'s text, footnotes included. */
export function deleteWords(element: Y.XmlElement, from: number, to: number): void {
  checkRange(element, from, to);
  const pieces: Array<{ child: Y.XmlText | Y.XmlElement; childIndex: number; start: number; length: number }> = [];
  let start = 0;
  element.toArray().forEach((child, childIndex) => {
    const length = child instanceof Y.XmlText ? child.length : 1;
    pieces.push({ child: child as Y.XmlText | Y.XmlElement, childIndex, start, length });
    start += length;
  });
  // From the end, so that earlier child indexes stay valid.
  for (const piece of pieces.reverse()) {
    const cutFrom = Math.max(from, piece.start);
    const cutTo = Math.min(to, piece.start + piece.length);
    if (cutFrom >= cutTo) continue;
    if (piece.child instanceof Y.XmlText) piece.child.delete(cutFrom - piece.start, cutTo - cutFrom);
    else element.delete(piece.childIndex, 1);
  }
}

/** Inserts `words` at `offset` of `element`'s text, taking on the formatting of the words before. */
export function insertWords(element: Y.XmlElement, offset: number, words: string): void {
  checkRange(element, offset, offset);
  if (words === "") return;
  const at = runAt(element, offset);
  if (at) {
    at.run.insert(at.index, words);
    return;
  }
  // No text run holds the offset (an empty block, or between footnotes): give it one.
  let childIndex = 0;
  let start = 0;
  for (const child of element.toArray()) {
    if (start >= offset) break;
    start += child instanceof Y.XmlText ? child.length : 1;
    childIndex++;
  }
  const run = new Y.XmlText();
  element.insert(childIndex, [run]);
  run.insert(0, words);
}

/** Replaces characters `from`–`to` of `element`'s text with `words`. */
export function replaceWords(element: Y.XmlElement, from: number, to: number, words: string): void {
  deleteWords(element, from, to);
  insertWords(element, from, words);
}
