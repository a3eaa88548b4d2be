/**
 * The draft as text for reading outside Concord: the chair's clean text, or the bracketed text with
 * every open proposal in UN brackets attributed to its sponsors (`[CUB, SLV +2: …]`), as Markdown
 * or plain text. A pure function of the `text` room, so server exports and offline copies agree.
 * In Markdown, whatever people typed is escaped, so that only Concord's own marks (brackets' `~~`,
 * footnote markers, headings, the escaped paragraph numbers) are markup.
 */
import type * as Y from "yjs";
import { ProposalKind } from "../../schemas/records";
import { AnchorScope, readDraftText } from "../anchors/resolveAnchor";
import { anchorScopeOf } from "../proposals/proposalScope";
import { assertNever } from "../assertNever";
import { MetaKey, TextRoot } from "../documentLayout";
import { labelSequence } from "../numbering";
import { readProposals, type ProposalView } from "../proposals/readProposals";
import { BlockType } from "../schema";
import { endOfParagraph, FOOTNOTE_CHAR, footnoteTexts, markedSpans, type MarkedSpan, type TextBlock } from "../text/blockText";

/** The formats a draft text is written in. */
export const TextFormat = { markdown: "md", plain: "txt" } as const;
export type TextFormat = (typeof TextFormat)[keyof typeof TextFormat];

/** Which text: the chair's alone, or with the open proposals in brackets. */
export const TextView = { clean: "clean", bracketed: "bracketed" } as const;
export type TextView = (typeof TextView)[keyof typeof TextView];

/** Sponsors as a bracket names them: up to two states, then how many more. */
export function sponsorLabel(sponsors: readonly string[]): string {
  return sponsors.length <= 2 ? sponsors.join(", ") : `${sponsors.slice(0, 2).join(", ")} +${sponsors.length - 2}`;
}

interface Writer {
  format: TextFormat;
  struck(words: string): string;
  /** People's words as the format shows them literally: in Markdown, nothing typed becomes markup. */
  literal(words: string): string;
  /** The chair's words from `from` to `to` of `block`, literal, with their emphasis where the format has it. */
  chairWords(block: TextBlock, from: number, to: number): string;
}

/** Markdown's markers for the marks of the text, outermost first. */
const MARKDOWN_MARKS: ReadonlyArray<[mark: string, marker: string]> = [
  ["strong", "**"],
  ["em", "*"],
];

/** `words` inside the markers of `marks`; spaces at the edges stay outside, or Markdown would not read the markers. */
function marked(words: string, marks: readonly string[]): string {
  const markers = MARKDOWN_MARKS.filter(([mark]) => marks.includes(mark)).map(([, marker]) => marker);
  if (markers.length === 0) return words;
  const [, before = "", inner = "", after = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(words) ?? [];
  if (inner === "") return words;
  return `${before}${markers.join("")}${inner}${[...markers].reverse().join("")}${after}`;
}

/** Characters Markdown would read as markup anywhere in a line (emphasis, code, strikethrough, links, HTML). */
const MARKDOWN_INLINE = /[\\`*_~[\]<]/g;

function writerFor(format: TextFormat): Writer {
  const literal = (words: string) => (format === TextFormat.markdown ? words.replace(MARKDOWN_INLINE, "\\$&") : words);
  // A block's formatting is read once, however many brackets cut its words.
  const spans = new WeakMap<Y.XmlElement, MarkedSpan[]>();
  const spansOf = (element: Y.XmlElement) => {
    let found = spans.get(element);
    if (!found) spans.set(element, (found = markedSpans(element)));
    return found;
  };
  return {
    format,
    struck: (words) => (format === TextFormat.markdown ? `~~${words}~~` : `delete: ${words}`),
    literal,
    chairWords: (block, from, to) => {
      if (format !== TextFormat.markdown) return block.text.slice(from, to);
      let out = "";
      for (const span of spansOf(block.element)) {
        const start = Math.max(from, span.from);
        const end = Math.min(to, span.to);
        if (start < end) out += marked(literal(block.text.slice(start, end)), span.marks);
      }
      return out;
    },
  };
}

/** The inside of one proposal's bracket: who, and what it does to `words` (already literal). */
function bracket(view: ProposalView, words: string, writer: Writer): string {
  const who = view.altLabel ? `${view.altLabel} ${sponsorLabel(view.sponsors)}` : sponsorLabel(view.sponsors);
  const text = writer.literal(view.record.text ?? "");
  switch (view.record.kind) {
    case ProposalKind.insert:
    case ProposalKind.newParagraph:
      return `[${who}: ${text.trim()}]`;
    case ProposalKind.delete:
    case ProposalKind.deleteParagraph:
      return `[${who}: ${writer.struck(words)}]`;
    case ProposalKind.replace:
      return writer.format === TextFormat.markdown ? `[${who}: ~~${words}~~ ${text}]` : `[${who}: replace: ${words} with: ${text}]`;
    default:
      return assertNever(view.record.kind);
  }
}

/** Footnote numbering across the whole draft, and the notes collected for the end. */
class Footnotes {
  private readonly notes: string[] = [];
  constructor(private readonly writer: Writer) {}

  /** `text` with each footnote character replaced by its marker, numbering the notes of `block`. */
  mark(text: string, block: TextBlock): string {
    const texts = footnoteTexts(block.element);
    let next = 0;
    return text.replaceAll(FOOTNOTE_CHAR, () => {
      this.notes.push(texts[next++] ?? "");
      const n = this.notes.length;
      return this.writer.format === TextFormat.markdown ? `[^${n}]` : `[${n}]`;
    });
  }

  lines(): string[] {
    if (this.notes.length === 0) return [];
    return ["", ...this.notes.map((note, index) => (this.writer.format === TextFormat.markdown ? `[^${index + 1}]: ${this.writer.literal(note)}` : `[${index + 1}] ${note}`))];
  }
}

function isWordsKind(view: ProposalView): boolean {
  return anchorScopeOf(view.record.kind) === AnchorScope.words;
}

/** One block's words with the open word proposals on it drawn in; overlapping ones follow the block. */
function bracketedWords(block: TextBlock, proposals: readonly ProposalView[], writer: Writer): string {
  const groups = new Map<string, { from: number; to: number; views: ProposalView[] }>();
  for (const view of proposals) {
    if (view.where.orphaned || view.where.block !== block || !isWordsKind(view)) continue;
    const { from, to } = view.where;
    const place = `${from} ${to}`;
    const group = groups.get(place) ?? { from, to, views: [] };
    group.views.push(view);
    groups.set(place, group);
  }
  const ordered = [...groups.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = "";
  let cursor = 0;
  const trailing: string[] = [];
  for (const { from, to, views } of ordered) {
    const where = { from, to };
    const words = writer.chairWords(block, where.from, where.to);
    // Spaces at the edges of the words stay outside the bracket, where a reader expects them.
    const [, before = "", inner = "", after = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(words) ?? [];
    const brackets = before + views.map((view) => bracket(view, inner, writer)).join(" ") + after;
    if (where.from < cursor) {
      trailing.push(`${brackets.trim()} (on “${words}”)`);
      continue;
    }
    out += writer.chairWords(block, cursor, where.from);
    if (where.from === where.to) {
      // An insertion point: the bracket stands as a word of its own.
      const next = block.text.slice(where.to, where.to + 1);
      out += `${out === "" || /\s$/.test(out) ? "" : " "}${brackets}${next === "" || /^[\s.,;:)]/.test(next) ? "" : " "}`;
    } else {
      out += brackets;
    }
    cursor = where.to;
  }
  out += writer.chairWords(block, cursor, block.text.length);
  return [out, ...trailing].join(" ");
}

function blockLine(label: string | null, block: TextBlock, words: string, writer: Writer): string {
  if (block.type === BlockType.heading) {
    return writer.format === TextFormat.markdown ? `${"#".repeat(Math.min(6, (block.level ?? 1) + 1))} ${words}` : words;
  }
  // Markdown would read an indented line as code; plain text shows the sub-item's depth.
  const indent = block.type === BlockType.subitem && writer.format === TextFormat.plain ? "    ".repeat(block.level ?? 1) : "";
  // A Markdown list would renumber the paragraphs; an escaped dot keeps the UN's numbers.
  const number = label === null ? "" : writer.format === TextFormat.markdown && block.type === BlockType.paragraph ? `${label}\\. ` : block.type === BlockType.paragraph ? `${label}. ` : `${label} `;
  return `${indent}${number}${words}`;
}

/** The draft in `doc` (the `text` room) as `view` text in `format`. */
export function draftText(doc: Y.Doc, view: TextView, format: TextFormat): string {
  const writer = writerFor(format);
  const text = readDraftText(doc.getXmlFragment(TextRoot.content));
  const proposals = view === TextView.bracketed ? readProposals(doc, text).filter((proposal) => proposal.open) : [];
  const labels = labelSequence(text.blocks);
  const footnotes = new Footnotes(writer);
  const title = writer.literal(String(doc.getMap(TextRoot.meta).get(MetaKey.title) ?? ""));
  const lines: string[] = [format === TextFormat.markdown ? `# ${title}` : title];

  text.blocks.forEach((block, index) => {
    const deletions = proposals.filter((proposal) => proposal.record.kind === ProposalKind.deleteParagraph && !proposal.where.orphaned && proposal.where.block === block);
    let words = bracketedWords(block, proposals, writer);
    if (deletions.length > 0) words = deletions.map((proposal) => bracket(proposal, words, writer)).join(" ");
    lines.push("", blockLine(labels[index]!, block, footnotes.mark(words, block), writer));
    const added = proposals.filter((proposal) => proposal.record.kind === ProposalKind.newParagraph && !proposal.where.orphaned && endOfParagraph(text.blocks, proposal.where.block) === index);
    for (const proposal of added) {
      lines.push("", `${proposal.addedLabel}${format === TextFormat.markdown ? "\\." : "."} ${bracket(proposal, "", writer)}`);
    }
  });

  const orphans = proposals.filter((proposal) => proposal.where.orphaned);
  if (orphans.length > 0) {
    lines.push("", format === TextFormat.markdown ? "## Proposals whose words are no longer in the text" : "Proposals whose words are no longer in the text");
    for (const proposal of orphans) {
      const quote = writer.literal(proposal.record.anchor.quote);
      lines.push("", `- ${bracket(proposal, quote, writer)} (was on “${quote}”)`);
    }
  }
  return [...lines, ...footnotes.lines(), ""].join("\n");
}
