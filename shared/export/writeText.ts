/** The draft as plain text: words as typed, brackets spelled out (`[CUB: replace: open with: free]`). */
import type { ExportDraft } from "./exportModel";
import { textLines, type TextStyle } from "./textLines";

const plain: TextStyle = {
  title: (words) => words,
  heading: (words) => words,
  number: (label, kind) => (kind === "paragraph" ? `${label}. ` : `${label} `),
  // Plain text shows a sub-item's depth.
  indent: (level) => "    ".repeat(level),
  literal: (words) => words,
  words: (run) => run.text,
  struck: (words, isolate) => `${isolate("delete:")} ${words}`,
  replace: (words, text, isolate) => `${isolate("replace:")} ${words} ${isolate("with:")} ${text}`,
  footnoteMarker: (number) => `[${number}]`,
  footnoteLine: (number, text) => `[${number}] ${text}`,
  sectionTitle: (words) => words,
};

/** `draft` as plain text, in its view (clean, bracketed, or the compilation of proposals). */
export function writeText(draft: ExportDraft): string {
  return textLines(draft, plain);
}
