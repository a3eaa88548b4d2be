/**
 * A short, deterministic digest of a string, the same in every browser and in Node, computed
 * synchronously: two FNV-1a passes with different offsets. For ids and text fingerprints, not for
 * security — only the chair writes the texts it fingerprints.
 */

function fnv1a(text: string, offset: number): number {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** 14 characters of base 36 (lower-case letters and digits) digesting `text`. */
export function textHash(text: string): string {
  return fnv1a(text, 0x811c9dc5).toString(36).padStart(7, "0") + fnv1a(text, 0x050c5d1f).toString(36).padStart(7, "0");
}
