/**
 * The chair's compilation of written contributions as one self-contained HTML document (and, printed
 * by Chromium, the PDF): the contributions on the whole draft first, then those on each section in
 * the draft's order, each with its state, date and language, its courtesy translation beside the
 * original.
 */
import type { ContributionText } from "../../schemas/records";
import { escapeMarkup } from "../export/escapeMarkup";
import { textDirection } from "../textDirection";
import { HTML_STYLE } from "../export/htmlStyle";
import { compilationGroups, CompilationWords, type ContributionsCompilation } from "./compilationGroups";
import { alignedRows, contributionParagraphs, type ListedContribution } from "./readContributions";

export type { ContributionsCompilation } from "./compilationGroups";

const STYLE = `${HTML_STYLE}
.contribution { margin-block: 1em 2em; break-inside: auto; }
.contribution .who { font-weight: bold; }
.contribution .when { font-size: .9em; }
table.side-by-side { inline-size: 100%; border-collapse: collapse; table-layout: fixed; }
table.side-by-side td, table.side-by-side th { vertical-align: top; padding: .2em .6em; border-block-start: 1px solid #ccc; text-align: start; }
`;

const e = escapeMarkup;

function textCell(paragraphs: readonly string[], text: ContributionText): string {
  const lang = e(text.language);
  return `<td lang="${lang}" dir="${textDirection(text.language)}">${paragraphs.map((paragraph) => `<p>${e(paragraph)}</p>`).join("")}</td>`;
}

function contributionHtml(contribution: ListedContribution): string {
  const { latest } = contribution;
  const heading =
    `<p><span class="who">${e(contribution.state)}</span>${latest.title ? ` — ${e(latest.title)}` : ""}` +
    ` <span class="when">${e(CompilationWords.dated(latest.at.slice(0, 10), contribution.record.versions.length, latest.original.language))}</span></p>`;
  if (!latest.translation) {
    const paragraphs = contributionParagraphs(latest.original.text);
    return `<div class="contribution">${heading}<div lang="${e(latest.original.language)}" dir="${textDirection(latest.original.language)}">${paragraphs.map((paragraph) => `<p>${e(paragraph)}</p>`).join("")}</div></div>`;
  }
  const { rows } = alignedRows(latest.original.text, latest.translation.text);
  const head = `<tr><th>${e(CompilationWords.original(latest.original.language))}</th><th>${e(CompilationWords.translation(latest.translation.language))}</th></tr>`;
  const body = rows.map(([left, right]) => `<tr>${textCell(left, latest.original)}${textCell(right, latest.translation!)}</tr>`).join("");
  return `<div class="contribution">${heading}<table class="side-by-side">${head}${body}</table></div>`;
}

/** The compilation as one HTML document, grouped by what each contribution addresses. */
export function writeContributionsHtml(compilation: ContributionsCompilation): string {
  const groups = compilationGroups(compilation);
  const body = groups.map((group) => `<h2 class="heading">${e(group.heading)}</h2>${group.items.map(contributionHtml).join("")}`).join("");
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Written contributions: ${e(compilation.title)}</title><style>${STYLE}</style></head><body>` +
    `<div class="masthead"><p>${e(compilation.symbol ?? "")}</p><p>${e(compilation.exportedAt.slice(0, 10))}</p></div>` +
    `<h1 class="title">${e(CompilationWords.title)}<br>${e(compilation.title)}</h1>` +
    (groups.length === 0 ? `<p>${e(CompilationWords.none)}</p>` : body) +
    `</body></html>`
  );
}
