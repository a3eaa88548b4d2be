/**
 * The compilation of proposals in Word, the document circulated between rounds: for each block, the
 * chair's text, then every proposal on it by state with its co-sponsors, its alternative label and
 * the chair's decision, in the order of the text. No tracked changes: the proposals are listed.
 */
import type { Paragraph } from "docx";
import type { ExportBlock, ExportDraft, ExportProposal, ExportRun } from "../../../shared/export/exportModel";
import { assertNever } from "../../../shared/assertNever";
import { blockChildren, type BlockWriter } from "./blockChildren";
import { DocxParts } from "./DocxParts";
import { blockParagraph, docxTextOf, numberText, packDocx, proposalChildren, titleParagraph, wordsRun } from "./docxLayout";
import { COMPILATION_HEADING, ORPHANS_HEADING } from "./docxWords";

/** The chair's words each open proposal of a block is on, by key, from its brackets. */
function quotesOf(runs: readonly ExportRun[]): Map<string, string> {
  const quotes = new Map<string, string>();
  for (const run of runs) {
    if (run.type !== "bracket" || run.words.length === 0) continue;
    const quote = run.words.map((words) => words.text).join("");
    for (const proposal of run.proposals) quotes.set(proposal.key, quote);
  }
  return quotes;
}

/** The block's own paragraph, as the clean text has it. */
function chairParagraph(block: Exclude<ExportBlock, { type: "added" }>, writer: BlockWriter): Paragraph {
  switch (block.type) {
    case "heading":
      return blockParagraph({ type: "heading", level: block.level }, blockChildren(block, null, writer), writer.layout);
    case "preamble":
      return blockParagraph({ type: "plain" }, blockChildren(block, null, writer), writer.layout);
    case "paragraph":
      return blockParagraph({ type: "numbered" }, blockChildren(block, numberText(block.number, true), writer), writer.layout);
    case "subitem":
      return blockParagraph({ type: "subitem", level: block.level }, blockChildren(block, numberText(block.label, false), writer), writer.layout);
    default:
      return assertNever(block);
  }
}

function proposalParagraph(proposal: ExportProposal, quote: string | null, writer: BlockWriter): Paragraph {
  return blockParagraph({ type: "note" }, proposalChildren(proposal, quote, writer.layout), writer.layout);
}

/** The .docx file of the compilation of proposals of `draft` (any view's model: its blocks' `proposals` are listed). */
export async function writeCompilationDocx(draft: ExportDraft): Promise<Buffer> {
  const layout = docxTextOf(draft);
  const parts = new DocxParts();
  const writer: BlockWriter = { parts, layout, bracketed: false, exportedAt: draft.exportedAt };
  const body: Paragraph[] = [
    titleParagraph(draft.meta.title, layout),
    blockParagraph({ type: "heading", level: 1 }, [wordsRun(COMPILATION_HEADING, layout)], layout),
  ];
  for (const block of draft.blocks) {
    // A proposed paragraph is listed under the paragraph it would follow.
    if (block.type === "added") continue;
    body.push(chairParagraph(block, writer));
    const quotes = quotesOf(block.runs);
    for (const proposal of block.proposals) body.push(proposalParagraph(proposal, quotes.get(proposal.key) ?? null, writer));
  }
  if (draft.orphans.length > 0) {
    body.push(blockParagraph({ type: "heading", level: 2 }, [wordsRun(ORPHANS_HEADING, layout)], layout));
    for (const { proposal, quote } of draft.orphans) body.push(proposalParagraph(proposal, quote, writer));
  }
  return packDocx({ draft, parts, body, trackRevisions: false });
}
