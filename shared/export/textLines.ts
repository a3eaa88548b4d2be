/**
 * The line-by-line layout Markdown and plain text share: a title, one line per block with its UN
 * number, brackets drawn inline (`[Alt 1 CUB: …]`), added paragraphs, orphans, the compilation's
 * proposals under each block, and the footnotes at the end. A `TextStyle` says how each format
 * writes the pieces.
 */
import { ProposalKind } from "../../schemas/records";
import { assertNever } from "../assertNever";
import { ExportView, type BracketRun, type ExportBlock, type ExportDraft, type ExportProposal, type ExportRun, type WordsRun } from "./exportModel";
import { isolateWordsFor, type IsolateWords } from "./isolateWords";
import { bracketAuthor, cosponsorsOf, proposalAction, proposalStanding } from "./proposalWords";

/** How one text format writes the pieces of a draft. */
export interface TextStyle {
  title(words: string): string;
  heading(words: string, level: number): string;
  /** The prefix of a numbered block: "12\. " in Markdown, "12. " in text. */
  number(label: string, kind: "paragraph" | "subitem"): string;
  indent(level: number): string;
  /** People's words as the format shows them literally. */
  literal(words: string): string;
  /** The chair's words with their emphasis where the format has it. */
  words(run: WordsRun): string;
  /** The inside of a deletion's bracket, after its author; `isolate` wraps the format's own words. */
  struck(words: string, isolate: IsolateWords): string;
  /** The inside of a replacement's bracket, after its author. */
  replace(words: string, text: string, isolate: IsolateWords): string;
  footnoteMarker(number: number): string;
  footnoteLine(number: number, text: string): string;
  sectionTitle(words: string): string;
}

/** Open proposals whose words are gone, as their section is titled. */
export const ORPHANS_TITLE = "Proposals whose words are no longer in the text";

/** Proposals on paragraphs no longer in the text, as the compilation titles them. */
export const UNPLACED_TITLE = "Proposals on paragraphs no longer in the text";

/** The inside of one proposal's bracket: who, and what it does to `words` (already written). */
function bracket(proposal: ExportProposal, words: string, style: TextStyle, isolate: IsolateWords): string {
  const who = isolate(bracketAuthor(proposal));
  const text = style.literal(proposal.text ?? "");
  switch (proposal.kind) {
    case ProposalKind.insert:
    case ProposalKind.newParagraph:
      return `[${who}: ${text.trim()}]`;
    case ProposalKind.delete:
    case ProposalKind.deleteParagraph:
      return `[${who}: ${style.struck(words, isolate)}]`;
    case ProposalKind.replace:
      return `[${who}: ${style.replace(words, text, isolate)}]`;
    default:
      return assertNever(proposal.kind);
  }
}

/** The first character of the chair's text the runs from `at` start with ("" at the end). */
export function nextChar(runs: readonly ExportRun[], at: number): string {
  for (const run of runs.slice(at)) {
    if (run.type === "words" && run.text !== "") return run.text[0]!;
    if (run.type === "footnote") return "\uFFFC";
    if (run.type === "bracket" && !run.detached && run.words[0]) return run.words[0].text[0] ?? "";
  }
  return "";
}

/**
 * An insertion point's brackets as a word of their own: a space before unless the line starts or
 * one is there, and after unless the text goes on with a space or punctuation.
 */
export function standAlone(brackets: string, spaced: boolean, next: string): string {
  return `${spaced ? "" : " "}${brackets}${next === "" || /^[\s.,;:)]/.test(next) ? "" : " "}`;
}

function bracketWords(run: BracketRun, style: TextStyle): string {
  return run.words.map((words) => style.words(words)).join("");
}

/** One block's runs as a line's words: brackets inline, detached ones after the words. */
function blockWords(runs: readonly ExportRun[], style: TextStyle, isolate: IsolateWords): string {
  let out = "";
  const trailing: string[] = [];
  runs.forEach((run, index) => {
    switch (run.type) {
      case "words":
        out += style.words(run);
        return;
      case "footnote":
        out += style.footnoteMarker(run.number);
        return;
      case "bracket": {
        const words = bracketWords(run, style);
        const brackets = run.proposals.map((proposal) => bracket(proposal, words, style, isolate)).join(" ");
        if (run.detached) trailing.push(`${brackets} (${isolate("on")} “${words}”)`);
        else if (run.words.length > 0) out += brackets;
        else {
          out += standAlone(brackets, out === "" || /\s$/.test(out), nextChar(runs, index + 1));
        }
        return;
      }
      default:
        assertNever(run);
    }
  });
  return [out, ...trailing].join(" ");
}

/** The lines of one block, with the compilation's proposals after it. */
function blockLines(block: ExportBlock, draft: ExportDraft, style: TextStyle, isolate: IsolateWords): string[] {
  if (block.type === "added") return [`${style.number(isolate(block.number), "paragraph")}${bracket(block.proposal, "", style, isolate)}`];
  let words = blockWords(block.runs, style, isolate);
  if (block.deletions.length > 0) words = block.deletions.map((proposal) => bracket(proposal, words, style, isolate)).join(" ");
  let line: string;
  switch (block.type) {
    case "heading":
      line = style.heading(words, block.level);
      break;
    case "paragraph":
      line = `${style.number(isolate(block.number), "paragraph")}${words}`;
      break;
    case "subitem":
      line = `${style.indent(block.level)}${style.number(isolate(block.label), "subitem")}${words}`;
      break;
    case "preamble":
      line = words;
      break;
    default:
      return assertNever(block);
  }
  if (draft.view !== ExportView.compilation) return [line];
  return [line, ...block.proposals.map((proposal) => `${style.indent(1)}- ${compiled(proposal, style, isolate)}`)];
}

/** One proposal as the compilation lists it: its state, its sponsors, what it does, where it stands. */
function compiled(proposal: ExportProposal, style: TextStyle, isolate: IsolateWords): string {
  const [state] = proposal.sponsors;
  const cosponsors = cosponsorsOf(proposal);
  const who = isolate(`${state}${cosponsors.length > 0 ? ` (co-sponsored by ${cosponsors.join(", ")})` : ""}${proposal.altLabel ? `, ${proposal.altLabel}` : ""}`);
  const on = proposal.quote === "" ? "" : ` “${style.literal(proposal.quote)}”`;
  const text = proposal.text === null ? "" : `${on === "" ? "" : ` ${isolate("with")}`}: “${style.literal(proposal.text.trim())}”`;
  const action = isolate(proposalAction(proposal.kind));
  return `${who}: ${action}${proposal.kind === ProposalKind.newParagraph || proposal.kind === ProposalKind.deleteParagraph ? "" : on}${text} (${isolate(proposalStanding(proposal))})`;
}

/** The draft as lines of `style`, joined with newlines and ending in one. */
export function textLines(draft: ExportDraft, style: TextStyle): string {
  const isolate = isolateWordsFor(draft.meta.language);
  const lines: string[] = [style.title(style.literal(draft.meta.title))];
  const notes: string[] = [];
  for (const block of draft.blocks) {
    lines.push("", ...blockLines(block, draft, style, isolate));
    if (block.type === "added") continue;
    for (const run of block.runs) if (run.type === "footnote") notes.push(style.footnoteLine(run.number, run.text));
  }
  if (draft.view === ExportView.compilation) {
    // An orphan is listed under the paragraph it was made on; those whose paragraph is gone come last.
    if (draft.unplaced.length > 0) lines.push("", style.sectionTitle(UNPLACED_TITLE), "", ...draft.unplaced.map((proposal) => `- ${compiled(proposal, style, isolate)}`));
  } else if (draft.orphans.length > 0) {
    lines.push("", style.sectionTitle(ORPHANS_TITLE));
    for (const { proposal, quote } of draft.orphans) {
      const words = style.literal(quote);
      lines.push("", `- ${bracket(proposal, words, style, isolate)} (${isolate("was on")} “${words}”)`);
    }
  }
  return [...lines, ...(notes.length > 0 ? ["", ...notes] : []), ""].join("\n");
}
