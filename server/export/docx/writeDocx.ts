/**
 * The draft as a Word document, clean or bracketed. Bracketed, every open proposal is a tracked
 * change authored by its state ("Cuba (CUB)"), so delegations read and answer it in Word's own
 * review pane; clean, it is the chair's text alone with no tracked change at all.
 */
import type { Paragraph, ParagraphChild } from "docx";
import { assertNever } from "../../../shared/assertNever";
import { ExportView, type AddedParagraphBlock, type ExportBlock, type ExportDraft } from "../../../shared/export/exportModel";
import { blockChildren, footnoteCount, insertedBy, type BlockWriter } from "./blockChildren";
import { commentEnd, commentStart, DocxParts } from "./DocxParts";
import { blockParagraph, docxTextOf, exportDescription, numberText, packDocx, proposalChildren, titleParagraph, wordsRun } from "./docxLayout";
import { EXPORT_NOTE_AUTHOR, ORPHANS_HEADING, proposalLine } from "./docxWords";
import { writeCompilationDocx } from "./writeCompilationDocx";

/**
 * A paragraph a state proposes to add ("3 bis"): an inserted paragraph, its mark included, so that
 * rejecting the change in Word removes the paragraph and accepting it keeps it.
 */
function addedParagraph(block: AddedParagraphBlock, writer: BlockWriter): Paragraph {
  const { proposal } = block;
  const children: ParagraphChild[] = [insertedBy(proposal, `${numberText(block.number, true)}${proposal.text ?? ""}`, writer)];
  if (proposal.sponsors.length > 1) {
    const note = writer.parts.comment({ author: EXPORT_NOTE_AUTHOR, authorIsName: true, paragraphs: [proposalLine(proposal, null)], at: writer.exportedAt });
    children.unshift(commentStart(note));
    children.push(...commentEnd(note));
  }
  const mark = writer.parts.revision(proposal.sponsors[0]!, proposal.createdAt);
  return blockParagraph({ type: "numbered" }, children, writer.layout, { run: { insertion: mark } });
}

/** The Word paragraph of `block`, or null when the view leaves it out (an added paragraph in the clean text). */
function blockParagraphOf(block: ExportBlock, writer: BlockWriter): Paragraph | null {
  if (block.type === "added") return writer.bracketed ? addedParagraph(block, writer) : null;
  const deletion = writer.bracketed ? block.deletions[0] : undefined;
  // A paragraph proposed for deletion loses its mark too, so accepting the deletion leaves no empty line.
  const extra = deletion ? { run: { deletion: writer.parts.revision(deletion.sponsors[0]!, deletion.createdAt) } } : {};
  switch (block.type) {
    case "heading":
      return blockParagraph({ type: "heading", level: block.level }, blockChildren(block, null, writer), writer.layout, extra);
    case "preamble":
      return blockParagraph({ type: "plain" }, blockChildren(block, null, writer), writer.layout, extra);
    case "paragraph":
      return blockParagraph({ type: "numbered" }, blockChildren(block, numberText(block.number, true), writer), writer.layout, extra);
    case "subitem":
      return blockParagraph({ type: "subitem", level: block.level }, blockChildren(block, numberText(block.label, false), writer), writer.layout, extra);
    default:
      return assertNever(block);
  }
}

/** The list of open proposals whose words are gone, after the text of the bracketed view. */
function orphanParagraphs(draft: ExportDraft, writer: BlockWriter): Paragraph[] {
  if (draft.orphans.length === 0) return [];
  return [
    blockParagraph({ type: "heading", level: 2 }, [wordsRun(ORPHANS_HEADING, writer.layout)], writer.layout),
    ...draft.orphans.map(({ proposal, quote }) =>
      blockParagraph({ type: "plain" }, proposalChildren(proposal, quote, writer.layout), writer.layout),
    ),
  ];
}

/**
 * The .docx file of `draft` in its view: `clean` (the chair's text, UN numbering, footnotes, symbol
 * and revision in the header), `bracketed` (open proposals as tracked changes by their states,
 * comments, reservations as footnotes) or `compilation` (see `writeCompilationDocx`).
 */
export async function writeDocx(draft: ExportDraft): Promise<Buffer> {
  switch (draft.view) {
    case ExportView.compilation:
      return writeCompilationDocx(draft);
    case ExportView.clean:
    case ExportView.bracketed:
      break;
    default:
      return assertNever(draft.view);
  }
  const layout = docxTextOf(draft);
  const parts = new DocxParts(footnoteCount(draft.blocks));
  const writer: BlockWriter = { parts, layout, bracketed: draft.view === ExportView.bracketed, exportedAt: draft.exportedAt };
  const body: Paragraph[] = [titleParagraph(draft.meta.title, layout)];
  for (const block of draft.blocks) {
    const paragraph = blockParagraphOf(block, writer);
    if (paragraph) body.push(paragraph);
  }
  if (writer.bracketed) body.push(...orphanParagraphs(draft, writer));
  return packDocx({ meta: draft.meta, description: exportDescription(draft), parts, body, trackRevisions: writer.bracketed });
}
