/**
 * Which way a language's text runs: every writer that lays out a draft (the editor's `dir`, Word's
 * bidirectional paragraphs, HTML and PDF) asks here, so a draft in Arabic reads right to left everywhere.
 */

/** Left to right, or right to left. */
export const TextDirection = { ltr: "ltr", rtl: "rtl" } as const;
export type TextDirection = (typeof TextDirection)[keyof typeof TextDirection];

/** Primary language subtags written right to left (Arabic, Hebrew, Persian, Urdu and the other scripts of that family). */
const RIGHT_TO_LEFT = new Set(["ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]);

/** The direction of a BCP 47 language tag ("ar", "ar-EG", "en"); an unknown or empty tag reads left to right. */
export function directionOf(language: string): TextDirection {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return RIGHT_TO_LEFT.has(primary) ? TextDirection.rtl : TextDirection.ltr;
}
