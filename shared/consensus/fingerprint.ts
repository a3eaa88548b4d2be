/**
 * The fingerprint an agreement records: a digest of the paragraph's words and its footnotes, so
 * that any later change to them shows the paragraph as "changed since agreed".
 */
import { textHash } from "../textHash";
import { footnoteTexts, type TextBlock } from "../text/blockText";

/** The fingerprint of `block`'s current text. */
export function fingerprintOf(block: TextBlock): string {
  return textHash(JSON.stringify([block.text, footnoteTexts(block.element)]));
}
