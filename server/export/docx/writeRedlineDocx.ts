/**
 * The redline in Word, as tracked changes authored by the revision pair ("Rev.1 → Rev.2") at the
 * newer side's time: inserted words `w:ins`, deleted words `w:del`, an added paragraph inserted with
 * its mark and a deleted one deleted with its mark, a changed number its old digits deleted and the
 * new inserted. Accepting every change gives the newer text, rejecting every change the older. What
 * a change cannot say (moved, "was 3 bis") is a comment by Concord.
 */
import { DeletedTextRun, InsertedTextRun, Paragraph, TextRun, type IParagraphOptions, type ParagraphChild } from "docx";
import { assertNever } from "../../../shared/assertNever";
import { BlockChange, type Redline, type RedlineBlock, type RedlineFootnote, type RedlineWords } from "../../../shared/revisions/redlineModel";
import { blockMark, changeArrow, FOOTNOTE_WORD, redlineSummary, redlineTitle, sideLine } from "../../../shared/revisions/redlineWords";
import { textDirection } from "../../../shared/textDirection";
import { commentEnd, commentStart, DocxParts, type Revision } from "./DocxParts";
import { blockParagraph, docxTextOf, packDocx, runOptions, titleParagraph, wordsRun, type BlockShape, type DocxText } from "./docxLayout";
import { EXPORT_NOTE_AUTHOR } from "./docxWords";

/** What writing one redline's paragraphs shares. */
interface RedlineWriter {
  parts: DocxParts;
  layout: DocxText;
  /** The author of every tracked change: "Rev.1 → Rev.2". */
  author: string;
  /** The newer side's time. */
  date: string;
  madeAt: string;
}

function mark(writer: RedlineWriter): Revision {
  return writer.parts.revisionBy(writer.author, writer.date);
}

function inserted(text: string, writer: RedlineWriter): InsertedTextRun {
  return new InsertedTextRun({ ...runOptions(text, [], writer.layout), ...mark(writer) });
}

function deleted(text: string, writer: RedlineWriter): DeletedTextRun {
  return new DeletedTextRun({ ...runOptions(text, [], writer.layout), ...mark(writer) });
}

function wordsChildren(words: readonly RedlineWords[], writer: RedlineWriter): ParagraphChild[] {
  return words.map((part) => {
    switch (part.change) {
      case "same":
        return new TextRun(runOptions(part.text, [], writer.layout));
      case "inserted":
        return inserted(part.text, writer);
      case "deleted":
        return deleted(part.text, writer);
      default:
        return assertNever(part.change);
    }
  });
}

/** What follows a number before the words: "12." and "3 bis." take a full stop, "(a)" and "(ii)" do not. */
function numberSuffix(label: string): string {
  return label.startsWith("(") ? "\t" : ".\t";
}

/**
 * A number as the text has it, its change tracked: "4" deleted and "5" inserted, then what follows it;
 * a number whose kind changed ("(a)" → "4.") is deleted and inserted whole. `suffix` overrides what follows.
 */
function numberChildren(oldLabel: string | null, newLabel: string | null, writer: RedlineWriter, suffix?: string): ParagraphChild[] {
  const after = (label: string) => suffix ?? numberSuffix(label);
  if (oldLabel === newLabel) return oldLabel === null ? [] : [new TextRun(runOptions(`${oldLabel}${after(oldLabel)}`, [], writer.layout))];
  if (oldLabel === null) return [inserted(`${newLabel}${after(newLabel!)}`, writer)];
  if (newLabel === null) return [deleted(`${oldLabel}${after(oldLabel)}`, writer)];
  if (after(oldLabel) !== after(newLabel)) return [deleted(`${oldLabel}${after(oldLabel)}`, writer), inserted(`${newLabel}${after(newLabel)}`, writer)];
  return [deleted(oldLabel, writer), inserted(newLabel, writer), new TextRun(runOptions(after(newLabel), [], writer.layout))];
}

/** An added paragraph's mark is inserted and a deleted one's deleted, so that accepting or rejecting leaves no empty line. */
function paragraphMark(change: BlockChange, writer: RedlineWriter): IParagraphOptions {
  if (change === BlockChange.added) return { run: { insertion: mark(writer) } };
  if (change === BlockChange.deleted) return { run: { deletion: mark(writer) } };
  return {};
}

function shapeOf(block: RedlineBlock): BlockShape {
  switch (block.type) {
    case "heading":
      return { type: "heading", level: block.level ?? 1 };
    case "paragraph":
      return { type: "numbered" };
    case "subitem":
      return { type: "subitem", level: block.level ?? 1 };
    case "preamble":
      return { type: "plain" };
    default:
      return assertNever(block.type);
  }
}

/**
 * A footnote of a block, as a note under it: "Footnote 1: " and its words, changes tracked. An added
 * or deleted footnote's note is inserted or deleted whole, and a changed number is its old digits
 * deleted and the new inserted, so that accepting every change reads the newer text's notes.
 */
function footnoteParagraph(footnote: RedlineFootnote, writer: RedlineWriter): Paragraph {
  const oldNumber = footnote.oldNumber === null ? null : String(footnote.oldNumber);
  const newNumber = footnote.newNumber === null ? null : String(footnote.newNumber);
  const heading =
    footnote.change === BlockChange.added
      ? [inserted(`${FOOTNOTE_WORD} ${newNumber}: `, writer)]
      : footnote.change === BlockChange.deleted
        ? [deleted(`${FOOTNOTE_WORD} ${oldNumber}: `, writer)]
        : [wordsRun(`${FOOTNOTE_WORD} `, writer.layout), ...numberChildren(oldNumber, newNumber, writer, ": ")];
  return blockParagraph({ type: "note" }, [...heading, ...wordsChildren(footnote.words, writer)], writer.layout, paragraphMark(footnote.change, writer));
}

/** A block's paragraph and its footnotes' notes. */
function blockParagraphs(block: RedlineBlock, writer: RedlineWriter): Paragraph[] {
  const children = [
    ...numberChildren(block.oldLabel, block.newLabel, writer),
    ...wordsChildren(block.words, writer),
  ];
  // Tracked changes say that a block was added or deleted, not that it moved or what it was numbered
  // during the round. The comment stands at the paragraph's start: a comment's reference between an
  // added paragraph's words and its mark would split the insertion in two.
  const note = block.moved || block.interimLabel !== null ? blockMark(block) : null;
  if (note !== null) {
    const id = writer.parts.comment({ author: EXPORT_NOTE_AUTHOR, authorIsName: true, paragraphs: [note], at: writer.madeAt });
    children.unshift(commentStart(id), ...commentEnd(id));
  }
  return [blockParagraph(shapeOf(block), children, writer.layout, paragraphMark(block.change, writer)), ...block.footnotes.map((footnote) => footnoteParagraph(footnote, writer))];
}

/** The .docx file of `redline`: its title, the two sides and the summary, then every block with its changes tracked. */
export async function writeRedlineDocx(redline: Redline): Promise<Buffer> {
  const direction = textDirection(redline.language);
  const meta = { title: redline.title, symbol: redline.symbol, revision: redlineTitle(redline, direction), language: redline.language };
  const layout = docxTextOf({ meta });
  const parts = new DocxParts(0);
  // The author is a name Word shows in its own panes, whatever the text's direction: it keeps "→".
  const writer: RedlineWriter = { parts, layout, author: redlineTitle(redline), date: redline.to.at ?? redline.madeAt, madeAt: redline.madeAt };
  const body: Paragraph[] = [
    titleParagraph(redline.title, layout),
    blockParagraph({ type: "plain" }, [wordsRun(`${sideLine(redline, "from")} ${changeArrow(direction)} ${sideLine(redline, "to")}`, layout, ["strong"])], layout),
    blockParagraph({ type: "plain" }, [wordsRun(redlineSummary(redline.counts), layout, ["em"])], layout),
    ...redline.blocks.flatMap((block) => blockParagraphs(block, writer)),
  ];
  return packDocx({ meta, description: `Redline ${redlineTitle(redline)}, made ${redline.madeAt}`, parts, body, trackRevisions: true });
}
