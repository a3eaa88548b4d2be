/** Which way a language's text runs, for `dir` on a page, a draft's text and an export. */

/** Left to right or right to left, as the HTML `dir` attribute and CSS `direction` spell it. */
export const TextDirection = { ltr: "ltr", rtl: "rtl" } as const;
/** Left to right or right to left. */
export type TextDirection = (typeof TextDirection)[keyof typeof TextDirection];

/** Languages written right to left, by primary subtag (of the six UN languages, Arabic). */
const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ur", "ps", "dv", "yi", "sd", "ug", "ckb"]);

/** The direction of a BCP 47 language tag ("ar", "ar-EG", "en-XA"). */
export function textDirection(language: string): TextDirection {
  const primary = language.split("-")[0]!.toLowerCase();
  return RIGHT_TO_LEFT.has(primary) ? TextDirection.rtl : TextDirection.ltr;
}
