/**
 * The chair's compilation of written contributions in Word: the same groups as the HTML (the whole
 * draft, then each section in the draft's order), each contribution headed by its state, title and
 * date, then its original and, under it, its courtesy translation, each paragraph in its language
 * and direction.
 */
import type { Paragraph } from "docx";
import type { ContributionText } from "../../../schemas/records";
import { compilationGroups, CompilationWords, type ContributionsCompilation } from "../../../shared/contributions/compilationGroups";
import { contributionParagraphs, type ListedContribution } from "../../../shared/contributions/readContributions";
import { textDirection } from "../../../shared/textDirection";
import { DocxParts } from "./DocxParts";
import { blockParagraph, docxTextOf, packDocx, titleParagraph, wordsRun, type DocxText } from "./docxLayout";

function textParagraphs(text: ContributionText, label: string, layout: DocxText): Paragraph[] {
  const own: DocxText = { rtl: textDirection(text.language) === "rtl" };
  return [
    blockParagraph({ type: "plain" }, [wordsRun(label, layout, ["em"])], layout),
    ...contributionParagraphs(text.text).map((words) => blockParagraph({ type: "note" }, [wordsRun(words, own)], own)),
  ];
}

function contributionParagraphsOf(contribution: ListedContribution, layout: DocxText): Paragraph[] {
  const { latest } = contribution;
  const head = [wordsRun(contribution.state, layout, ["strong"])];
  if (latest.title) head.push(wordsRun(` — ${latest.title}`, layout));
  head.push(wordsRun(` ${CompilationWords.dated(latest.at.slice(0, 10), contribution.record.versions.length, latest.original.language)}`, layout));
  const body = [blockParagraph({ type: "plain" }, head, layout, { keepNext: true }), ...textParagraphs(latest.original, CompilationWords.original(latest.original.language), layout)];
  if (latest.translation) body.push(...textParagraphs(latest.translation, CompilationWords.translation(latest.translation.language), layout));
  return body;
}

/** The .docx file of the compilation. */
export async function writeContributionsDocx(compilation: ContributionsCompilation): Promise<Buffer> {
  const meta = { title: compilation.title, symbol: compilation.symbol, revision: null, language: "en" };
  const layout = docxTextOf({ meta });
  const groups = compilationGroups(compilation);
  const body: Paragraph[] = [titleParagraph(compilation.title, layout), blockParagraph({ type: "heading", level: 1 }, [wordsRun(CompilationWords.title, layout)], layout)];
  if (groups.length === 0) body.push(blockParagraph({ type: "plain" }, [wordsRun(CompilationWords.none, layout)], layout));
  for (const group of groups) {
    body.push(blockParagraph({ type: "heading", level: 2 }, [wordsRun(group.heading, layout)], layout));
    for (const contribution of group.items) body.push(...contributionParagraphsOf(contribution, layout));
  }
  return packDocx({ meta, description: `compilation of written contributions, exported ${compilation.exportedAt}`, parts: new DocxParts(0), body, trackRevisions: false });
}
