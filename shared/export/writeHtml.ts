/**
 * The draft as one self-contained HTML file, readable offline and printable on A4 as a UN document:
 * numbered paragraphs, brackets with their sponsors and alternatives, struck deletions, "12 bis",
 * the notes (footnotes and reservations) at the end; the compilation lists each block's proposals
 * after it. No external request of any kind; everything people typed is escaped. The server's PDF
 * is Chromium's print of this file.
 */
import { ProposalKind } from "../../schemas/records";
import { assertNever } from "../assertNever";
import { changeMarkup } from "./changeMarkup";
import { TextDirection, textDirection } from "../textDirection";
import { escapeMarkup as e } from "./escapeMarkup";
import {
  ExportView,
  type BracketRun,
  type ExportBlock,
  type ExportComment,
  type ExportDraft,
  type ExportProposal,
  type ExportRun,
  type WordsRun,
} from "./exportModel";
import { markupRuns } from "./markupRuns";
import { ORPHANS_TITLE, UNPLACED_TITLE } from "./textLines";
import { NoteSeries, reservationNote } from "./NoteSeries";
import { cosponsorsOf, proposalAction, proposalStanding } from "./proposalWords";
import { HTML_STYLE } from "./htmlStyle";

/** How each view is named on the document. */
export const VIEW_TITLES: Record<ExportView, string> = {
  [ExportView.clean]: "Clean text",
  [ExportView.bracketed]: "Text with proposals in brackets",
  [ExportView.compilation]: "Compilation of proposals",
};

/** A state code, isolated so that it reads the same inside right-to-left text. */
const state = (code: string) => `<bdi class="state">${e(code)}</bdi>`;

function sponsorsHtml(proposal: ExportProposal): string {
  return `<span class="who">${proposal.altLabel ? `${e(proposal.altLabel)} ` : ""}${proposal.sponsors.map(state).join(", ")}</span>`;
}

function wordsHtml(run: WordsRun): string {
  let html = e(run.text);
  if (run.marks.includes("em")) html = `<em>${html}</em>`;
  if (run.marks.includes("strong")) html = `<strong>${html}</strong>`;
  return html;
}

/** One proposal's bracket, with `words` (already HTML) the chair's words it is on. */
function bracketHtml(proposal: ExportProposal, words: string): string {
  const change = changeMarkup(proposal, words);
  return `<span class="bracket" data-proposal="${e(proposal.key)}">[${sponsorsHtml(proposal)}: ${change}]</span>`;
}

function bracketsHtml(run: BracketRun): string {
  const words = run.words.map(wordsHtml).join("");
  return run.proposals.map((proposal) => bracketHtml(proposal, words)).join(" ");
}

/** Writes one draft; holds the notes as they are met, so they number in order of appearance. */
class HtmlWriter {
  private readonly notes = new NoteSeries();

  constructor(private readonly draft: ExportDraft) {}

  private note(text: string): string {
    const number = this.notes.add(text);
    return `<sup class="note-ref"><a href="#note-${number}" id="ref-${number}">${number}</a></sup>`;
  }

  private runsHtml(runs: readonly ExportRun[]): string {
    return markupRuns(runs, {
      words: wordsHtml,
      note: (text) => this.note(text),
      brackets: bracketsHtml,
      detached: (brackets, words) => `${brackets} <span class="on">(on “${words}”)</span>`,
    });
  }

  private blockHtml(block: ExportBlock): string {
    if (block.type === "added") {
      return `<p class="para added"><span class="num">${e(block.number)}. </span>${bracketHtml(block.proposal, "")}</p>`;
    }
    let content = this.runsHtml(block.runs);
    if (block.deletions.length > 0) content = block.deletions.map((proposal) => bracketHtml(proposal, content)).join(" ");
    content += block.reservations.map((reservation) => this.note(reservationNote(reservation))).join("");
    const id = `id="block-${e(block.pid)}"`;
    let html: string;
    switch (block.type) {
      case "heading":
        html = `<h${Math.min(block.level + 1, 4)} class="heading" ${id}>${content}</h${Math.min(block.level + 1, 4)}>`;
        break;
      case "paragraph":
        html = `<p class="para" ${id}><span class="num">${e(block.number)}. </span>${content}</p>`;
        break;
      case "subitem":
        html = `<p class="subitem level-${block.level}" ${id}><span class="num">${e(block.label)} </span>${content}</p>`;
        break;
      case "preamble":
        html = `<p class="preamble" ${id}>${content}</p>`;
        break;
      default:
        return assertNever(block);
    }
    if (this.draft.view !== ExportView.clean) html += commentsHtml(block.comments);
    if (this.draft.view === ExportView.compilation && block.proposals.length > 0) {
      html += `<ul class="proposals">${block.proposals.map(compiledHtml).join("")}</ul>`;
    }
    return html;
  }

  write(): string {
    const { draft } = this;
    const { meta } = draft;
    const body = draft.blocks.map((block) => this.blockHtml(block)).join("\n");
    // The compilation lists an orphan under the paragraph it was made on, or among the unplaced.
    const orphans =
      draft.orphans.length === 0 || draft.view === ExportView.compilation
        ? ""
        : `<section class="orphans"><h2>${e(ORPHANS_TITLE)}</h2><ul>${draft.orphans
            .map(({ proposal, quote }) => `<li>${bracketHtml(proposal, e(quote))} <span class="on">(was on “${e(quote)}”)</span></li>`)
            .join("")}</ul></section>`;
    const unplaced =
      draft.view !== ExportView.compilation || draft.unplaced.length === 0
        ? ""
        : `<section class="unplaced"><h2>${e(UNPLACED_TITLE)}</h2><ul class="proposals">${draft.unplaced.map(compiledHtml).join("")}</ul></section>`;
    // The way back to the text curls toward where the line began: ↩ in left-to-right text, ↪ in right-to-left.
    const back = textDirection(meta.language) === TextDirection.rtl ? "↪" : "↩";
    const notes =
      this.notes.notes.length === 0
        ? ""
        : `<section class="notes"><hr><ol>${this.notes.notes
            .map(({ number, text }) => `<li id="note-${number}" value="${number}">${e(text)} <a href="#ref-${number}" aria-label="Back to the text">${back}</a></li>`)
            .join("")}</ol></section>`;
    const masthead = [meta.symbol, meta.revision].filter((value): value is string => value !== null).map((value) => `<span>${e(value)}</span>`).join(" ");
    return `<!DOCTYPE html>
<html lang="${e(meta.language)}" dir="${textDirection(meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Concord">
<title>${e(meta.title || meta.symbol || "Draft")}</title>
<style>${HTML_STYLE}</style>
</head>
<body class="view-${draft.view}">
<header class="masthead"><p class="symbol">${masthead}</p><p class="view">${e(VIEW_TITLES[draft.view])} · <time datetime="${e(draft.exportedAt)}">${e(draft.exportedAt.slice(0, 10))}</time></p></header>
<h1 class="title">${e(meta.title)}</h1>
<main>
${body}
</main>
${orphans}${unplaced}${notes}
</body>
</html>
`;
  }
}

function commentsHtml(comments: readonly ExportComment[]): string {
  if (comments.length === 0) return "";
  const one = (author: string, body: string, at: string) => `<p><span class="author">${author === "chair" ? "Chair" : state(author)}</span> <time datetime="${e(at)}">${e(at.slice(0, 10))}</time>: ${e(body)}</p>`;
  return `<aside class="comments">${comments
    .map(
      (comment) =>
        `<div class="thread">${comment.quote ? `<p class="quote">On “${e(comment.quote)}”</p>` : ""}${one(comment.author, comment.body, comment.at)}${comment.replies.map((reply) => one(reply.author, reply.body, reply.at)).join("")}</div>`,
    )
    .join("")}</aside>`;
}

/** One proposal as the compilation lists it: by its state, with co-sponsors, alternative, words and standing. */
function compiledHtml(proposal: ExportProposal): string {
  const [owner = ""] = proposal.sponsors;
  const cosponsors = cosponsorsOf(proposal);
  const onWords = proposal.kind !== ProposalKind.newParagraph && proposal.kind !== ProposalKind.deleteParagraph && proposal.quote !== "";
  return (
    `<li class="proposal standing-${proposalStanding(proposal).split(" ")[0]}" data-proposal="${e(proposal.key)}">` +
    `<span class="by">${state(owner)}</span>` +
    (cosponsors.length > 0 ? ` <span class="cosponsors">(co-sponsored by ${cosponsors.map(state).join(", ")})</span>` : "") +
    (proposal.altLabel ? ` <span class="alt">${e(proposal.altLabel)}</span>` : "") +
    `: ${e(proposalAction(proposal.kind))}` +
    (onWords ? ` <del>${e(proposal.quote)}</del>` : "") +
    (proposal.text !== null ? `${onWords ? " with" : ""} <ins>${e(proposal.text.trim())}</ins>` : "") +
    ` <span class="standing">(${e(proposalStanding(proposal))})</span></li>`
  );
}

/** `draft` as one self-contained HTML document, in its view (clean, bracketed, or the compilation). */
export function writeHtml(draft: ExportDraft): string {
  return new HtmlWriter(draft).write();
}
