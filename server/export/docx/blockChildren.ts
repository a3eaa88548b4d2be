/**
 * The contents of one block's Word paragraph. In the bracketed view each open proposal is a tracked
 * change by its state (deleted words as `w:del`, proposed words as `w:ins`, a replacement as both,
 * alternatives as one insertion each), a bracket with alternatives or co-sponsors carries a comment
 * naming them, and comment threads sit on their words. A bracket whose words overlap another's cannot
 * be a second change of the same words, so it is a comment by its state on them. In the clean view only the chair's words and
 * footnotes are written. Reservations are footnotes in both.
 */
import { DeletedTextRun, FootnoteReference, FootnoteReferenceRun, InsertedTextRun, TextRun, type ParagraphChild } from "docx";
import { ProposalKind } from "../../../schemas/records";
import { assertNever } from "../../../shared/assertNever";
import type { BracketRun, ExportBlock, ExportComment, ExportProposal, ExportReservation, ExportRun, WordsRun } from "../../../shared/export/exportModel";
import { commentEnd, commentStart, type DocxParts } from "./DocxParts";
import { runOptions, type DocxText } from "./docxLayout";
import { EXPORT_NOTE_AUTHOR, proposalLine, reservationNote } from "./docxWords";

/** What writing one document's blocks shares. */
export interface BlockWriter {
  parts: DocxParts;
  layout: DocxText;
  /** Whether proposals and comment threads are written (the bracketed view), or the chair's text alone. */
  bracketed: boolean;
  /** When the export was made: the time of Concord's own notes. */
  exportedAt: string;
}

/** The parts of a block this writer reads. */
export interface BlockContent {
  runs: ExportRun[];
  reservations: ExportReservation[];
  comments: ExportComment[];
  /** Open proposals to delete the whole block. */
  deletions: ExportProposal[];
}

/** Comment markers to place at an offset of the chair's words of a block. */
interface Marker {
  at: number;
  /** Ends come before starts at the same offset, so adjacent ranges do not nest. */
  end: boolean;
  children: ParagraphChild[];
}

/** Walks the chair's words of one block, placing comment markers at their offsets as it goes. */
class Cursor {
  private offset = 0;
  private next = 0;

  constructor(
    private readonly markers: Marker[],
    readonly out: ParagraphChild[],
  ) {}

  /** Places every marker up to `at`. */
  flush(at = this.offset): void {
    while (this.next < this.markers.length && this.markers[this.next]!.at <= at) this.out.push(...this.markers[this.next++]!.children);
  }

  /** Writes the chair's `text` as runs made by `make`, cut wherever a marker falls inside it. */
  words(text: string, make: (piece: string) => ParagraphChild): void {
    let from = 0;
    while (from < text.length) {
      this.flush();
      const nextAt = this.markers[this.next]?.at ?? Infinity;
      const take = Math.min(text.length - from, nextAt - this.offset);
      this.out.push(make(text.slice(from, from + take)));
      from += take;
      this.offset += take;
    }
  }
}

function isDeletion(proposal: ExportProposal): boolean {
  return proposal.kind === ProposalKind.delete || proposal.kind === ProposalKind.replace;
}

/** The chair's words of a block as they stand in its text, where comments' quotes are found. */
function chairText(runs: readonly ExportRun[]): string {
  let text = "";
  for (const run of runs) {
    if (run.type === "words") text += run.text;
    else if (run.type === "bracket" && !run.detached) for (const words of run.words) text += words.text;
  }
  return text;
}

/** A comment's body as Word paragraphs: a line break people typed starts a new one. */
function lines(body: string): string[] {
  return body.split(/\r\n?|\n/);
}

/** Markers for comments `ids` on `quote` in `text` (its first occurrence), or on the whole block when it is not there. */
function rangeMarkers(ids: number[], quote: string | null, text: string): Marker[] {
  const found = quote ? text.indexOf(quote) : -1;
  const [from, to] = found >= 0 ? [found, found + quote!.length] : [0, text.length];
  // On an empty block the range is empty: one marker, so its end cannot be sorted before its start.
  if (from === to) return [{ at: from, end: false, children: [...ids.map(commentStart), ...ids.flatMap(commentEnd)] }];
  return [
    { at: from, end: false, children: ids.map(commentStart) },
    { at: to, end: true, children: ids.flatMap(commentEnd) },
  ];
}

/**
 * Comments on the block's words: each thread (its replies threaded under it) on its quoted words,
 * and each detached bracket — one whose words overlap another's, so it cannot be a tracked change
 * there — as a comment on its words by its state, naming what it proposes.
 */
function commentMarkers(block: BlockContent, text: string, writer: BlockWriter): Marker[] {
  const { parts } = writer;
  const markers: Marker[] = [];
  for (const thread of block.comments) {
    const ids = [parts.comment({ author: thread.author, paragraphs: lines(thread.body), at: thread.at })];
    for (const reply of thread.replies) ids.push(parts.comment({ author: reply.author, paragraphs: lines(reply.body), at: reply.at, parentId: ids[0] }));
    markers.push(...rangeMarkers(ids, thread.quote, text));
  }
  for (const run of block.runs) {
    if (run.type !== "bracket" || !run.detached) continue;
    const quote = run.words.map((words) => words.text).join("");
    const [only] = run.proposals;
    const paragraphs = run.proposals.map((proposal) => proposalLine(proposal, quote || null));
    const id =
      run.proposals.length === 1 && only
        ? parts.comment({ author: only.sponsors[0]!, paragraphs, at: only.createdAt })
        : parts.comment({ author: EXPORT_NOTE_AUTHOR, authorIsName: true, paragraphs, at: writer.exportedAt });
    markers.push(...rangeMarkers([id], quote, text));
  }
  return markers.sort((a, b) => a.at - b.at || Number(b.end) - Number(a.end));
}

/** A comment by Concord naming a bracket's alternatives and co-sponsors, when it has either; null otherwise. */
function sponsorsNote(proposals: readonly ExportProposal[], quote: string | null, writer: BlockWriter): number | null {
  if (proposals.length < 2 && proposals.every((proposal) => proposal.sponsors.length < 2)) return null;
  return writer.parts.comment({
    author: EXPORT_NOTE_AUTHOR,
    authorIsName: true,
    paragraphs: proposals.map((proposal) => proposalLine(proposal, quote)),
    at: writer.exportedAt,
  });
}

/** Runs of the chair's words deleted by `proposal`'s state. */
function deletedBy(proposal: ExportProposal, words: WordsRun, writer: BlockWriter): (piece: string) => ParagraphChild {
  return (piece) => new DeletedTextRun({ ...runOptions(piece, words.marks, writer.layout), ...writer.parts.revision(proposal.sponsors[0]!, proposal.createdAt) });
}

/** The reference to footnote `id`; in a block proposed for deletion, deleted with it, so accepting the deletion takes the footnote too. */
function footnoteReference(id: number, deletion: ExportProposal | null, writer: BlockWriter): ParagraphChild {
  if (!deletion) return new FootnoteReferenceRun(id);
  return new DeletedTextRun({
    style: "FootnoteReference",
    children: [new FootnoteReference(id)],
    ...writer.parts.revision(deletion.sponsors[0]!, deletion.createdAt),
  });
}

/** A run of words `proposal`'s state proposes to insert. */
export function insertedBy(proposal: ExportProposal, text: string, writer: BlockWriter): InsertedTextRun {
  return new InsertedTextRun({ ...runOptions(text, [], writer.layout), ...writer.parts.revision(proposal.sponsors[0]!, proposal.createdAt) });
}

function writeBracket(bracket: BracketRun, cursor: Cursor, paragraphDeletion: ExportProposal | null, writer: BlockWriter): void {
  const plain = (words: WordsRun) => (piece: string) => new TextRun(runOptions(piece, words.marks, writer.layout));
  if (!writer.bracketed) {
    for (const words of bracket.words) cursor.words(words.text, plain(words));
    return;
  }
  const quote = bracket.words.map((words) => words.text).join("") || null;
  const deleting = bracket.words.length > 0 ? bracket.proposals.find(isDeletion) : undefined;
  const remover = deleting ?? paragraphDeletion;
  const note = sponsorsNote(bracket.proposals, quote, writer);
  cursor.flush();
  if (note !== null) cursor.out.push(commentStart(note));
  for (const words of bracket.words) cursor.words(words.text, remover ? deletedBy(remover, words, writer) : plain(words));
  cursor.flush();
  for (const proposal of bracket.proposals) {
    switch (proposal.kind) {
      case ProposalKind.insert:
      case ProposalKind.replace:
        cursor.out.push(insertedBy(proposal, proposal.text ?? "", writer));
        break;
      case ProposalKind.delete:
        break;
      case ProposalKind.newParagraph:
      case ProposalKind.deleteParagraph:
        throw new RangeError(`A ${proposal.kind} proposal (${proposal.key}) cannot stand in a bracket of words`);
      default:
        assertNever(proposal.kind);
    }
  }
  if (note !== null) cursor.out.push(...commentEnd(note));
}

/** How many footnotes `blockChildren` writes for `blocks`: the chair's, and one per reservation. */
export function footnoteCount(blocks: readonly ExportBlock[]): number {
  let count = 0;
  for (const block of blocks) {
    if (block.type === "added") continue;
    for (const run of block.runs) if (run.type === "footnote") count++;
    count += block.reservations.length;
  }
  return count;
}

/**
 * The children of a block's paragraph: `prefix` (its number, "12.\t") then its runs, then a footnote
 * for each reservation. A block a state proposes to delete is written as deleted runs by that state.
 */
export function blockChildren(block: BlockContent, prefix: string | null, writer: BlockWriter): ParagraphChild[] {
  const { parts, layout } = writer;
  const paragraphDeletion = writer.bracketed ? (block.deletions[0] ?? null) : null;
  const text = chairText(block.runs);
  const markers = writer.bracketed ? commentMarkers(block, text, writer) : [];
  const cursor = new Cursor(markers, []);
  const deletionNote = paragraphDeletion ? sponsorsNote(block.deletions, null, writer) : null;
  if (deletionNote !== null) cursor.out.push(commentStart(deletionNote));
  if (prefix) {
    const words: WordsRun = { type: "words", text: prefix, marks: [] };
    cursor.out.push(paragraphDeletion ? deletedBy(paragraphDeletion, words, writer)(prefix) : new TextRun(runOptions(prefix, [], layout)));
  }
  for (const run of block.runs) {
    switch (run.type) {
      case "words":
        cursor.words(run.text, paragraphDeletion ? deletedBy(paragraphDeletion, run, writer) : (piece) => new TextRun(runOptions(piece, run.marks, layout)));
        break;
      case "footnote":
        cursor.flush();
        cursor.out.push(footnoteReference(parts.footnote(run.text, layout.rtl), paragraphDeletion, writer));
        break;
      case "bracket":
        // A detached bracket repeats words written elsewhere in the block: it is a comment (commentMarkers).
        if (!run.detached) writeBracket(run, cursor, paragraphDeletion, writer);
        break;
      default:
        assertNever(run);
    }
  }
  cursor.flush(Infinity);
  if (deletionNote !== null) cursor.out.push(...commentEnd(deletionNote));
  for (const reservation of block.reservations) cursor.out.push(new FootnoteReferenceRun(parts.footnote(reservationNote(reservation), layout.rtl)));
  return cursor.out;
}
