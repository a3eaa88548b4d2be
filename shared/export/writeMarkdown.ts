/**
 * The draft as Markdown. Whatever people typed is escaped, so that only Concord's own marks (the
 * brackets' `~~`, footnote markers, headings, the escaped paragraph numbers) are markup.
 */
import type { ExportDraft, ExportMark } from "./exportModel";
import { textLines, type TextStyle } from "./textLines";

/** Markdown's markers for the marks of the text, outermost first. */
const MARKDOWN_MARKS: ReadonlyArray<[mark: ExportMark, marker: string]> = [
  ["strong", "**"],
  ["em", "*"],
];

/** Characters Markdown would read as markup anywhere in a line (emphasis, code, strikethrough, links, HTML). */
const MARKDOWN_INLINE = /[\\`*_~[\]<]/g;

const literal = (words: string) => words.replace(MARKDOWN_INLINE, "\\$&");

/** `words` inside the markers of `marks`; spaces at the edges stay outside, or Markdown would not read the markers. */
function marked(words: string, marks: readonly ExportMark[]): string {
  const markers = MARKDOWN_MARKS.filter(([mark]) => marks.includes(mark)).map(([, marker]) => marker);
  if (markers.length === 0) return words;
  const [, before = "", inner = "", after = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(words) ?? [];
  if (inner === "") return words;
  return `${before}${markers.join("")}${inner}${[...markers].reverse().join("")}${after}`;
}

const markdown: TextStyle = {
  title: (words) => `# ${words}`,
  heading: (words, level) => `${"#".repeat(Math.min(6, level + 1))} ${words}`,
  // A Markdown list would renumber the paragraphs; an escaped dot keeps the UN's numbers.
  number: (label, kind) => (kind === "paragraph" ? `${label}\\. ` : `${label} `),
  // Markdown would read an indented line as code.
  indent: () => "",
  literal,
  words: (run) => marked(literal(run.text), run.marks),
  struck: (words) => `~~${words}~~`,
  replace: (words, text) => `~~${words}~~ ${text}`,
  footnoteMarker: (number) => `[^${number}]`,
  footnoteLine: (number, text) => `[^${number}]: ${literal(text)}`,
  sectionTitle: (words) => `## ${words}`,
};

/** `draft` as Markdown, in its view (clean, bracketed, or the compilation of proposals). */
export function writeMarkdown(draft: ExportDraft): string {
  return textLines(draft, markdown);
}
