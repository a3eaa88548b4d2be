/**
 * Bidirectional isolation for text exports, which carry no `dir`: a reader (an editor, a mail
 * client) sets each line's direction from its first strong character. State codes and Concord's
 * Latin words in an Arabic draft are wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE,
 * which that search skips, so a paragraph starting with `[CUB: …]` stays right to left.
 */
import { TextDirection, textDirection } from "../textDirection";

/** U+2068 FIRST STRONG ISOLATE: what follows takes the direction of its own first strong character. */
export const FIRST_STRONG_ISOLATE = "\u2068";

/** U+2069 POP DIRECTIONAL ISOLATE: ends the isolate. */
export const POP_DIRECTIONAL_ISOLATE = "\u2069";

/** Wraps words that must not set the direction of the line around them. */
export type IsolateWords = (words: string) => string;

/** `words` isolated from the text around them. */
export function isolated(words: string): string {
  return words === "" ? "" : `${FIRST_STRONG_ISOLATE}${words}${POP_DIRECTIONAL_ISOLATE}`;
}

/** Words with a letter in them; digits and punctuation alone cannot set a line's direction. */
const HAS_LETTER = /\p{L}/u;

/**
 * How a text export of a draft in `language` isolates: in right-to-left text, every piece with a
 * letter; in left-to-right text nothing, since Latin words cannot turn an English line around and
 * the invisible marks would only get in the way of search and diff.
 */
export function isolateWordsFor(language: string): IsolateWords {
  if (textDirection(language) !== TextDirection.rtl) return (words) => words;
  return (words) => (HAS_LETTER.test(words) ? isolated(words) : words);
}
