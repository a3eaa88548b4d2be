/**
 * The compilation of proposals in Word, the document circulated between rounds: for each block, the
 * chair's text, then every proposal on it by state with its co-sponsors, its alternative label and
 * the chair's decision (or its withdrawal), in the order of the text. No tracked changes: the
 * proposals are listed.
 */
import type { Paragraph } from "docx";
import type { ExportBlock, ExportDraft, ExportProposal } from "../../../shared/export/exportModel";
import { assertNever } from "../../../shared/assertNever";
import { blockChildren, footnoteCount, type BlockWriter } from "./blockChildren";
import { DocxParts } from "./DocxParts";
import { blockParagraph, docxTextOf, exportDescription, numberText, packDocx, proposalChildren, titleParagraph, wordsRun } from "./docxLayout";
import { COMPILATION_HEADING, UNPLACED_HEADING } from "./docxWords";

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

function proposalParagraph(proposal: ExportProposal, writer: BlockWriter): Paragraph {
  return blockParagraph({ type: "note" }, proposalChildren(proposal, proposal.quote || null, writer.layout), writer.layout);
}

/** The .docx file of the compilation of proposals of `draft` (any view's model: its blocks' `proposals` are listed). */
export async function writeCompilationDocx(draft: ExportDraft): Promise<Buffer> {
  const layout = docxTextOf(draft);
  const parts = new DocxParts(footnoteCount(draft.blocks));
  const writer: BlockWriter = { parts, layout, bracketed: false, exportedAt: draft.exportedAt };
  const body: Paragraph[] = [
    titleParagraph(draft.meta.title, layout),
    blockParagraph({ type: "heading", level: 1 }, [wordsRun(COMPILATION_HEADING, layout)], layout),
  ];
  for (const block of draft.blocks) {
    // A proposed paragraph is listed under the paragraph it would follow.
    if (block.type === "added") continue;
    body.push(chairParagraph(block, writer));
    for (const proposal of block.proposals) body.push(proposalParagraph(proposal, writer));
  }
  // Proposals orphaned in a paragraph still there are listed under it; these have lost their paragraph.
  if (draft.unplaced.length > 0) {
    body.push(blockParagraph({ type: "heading", level: 2 }, [wordsRun(UNPLACED_HEADING, layout)], layout));
    for (const proposal of draft.unplaced) body.push(proposalParagraph(proposal, writer));
  }
  return packDocx({ meta: draft.meta, description: exportDescription(draft), parts, body, trackRevisions: false });
}
