/**
 * What a Word document gathers outside its body while the body is written: footnotes, comments and
 * the ids of tracked changes, handed out in the order the body meets them.
 */
import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from "docx";
import { documentText } from "./docxLayout";
import { authorInitials, authorName } from "./docxWords";

/** Who made a tracked change and when, as Word's `w:ins` and `w:del` carry it. */
export interface Revision {
  id: number;
  author: string;
  date: string;
}

/** One comment: its author (a state code, `chair`) or a name already written out, its words and time. */
export interface CommentInput {
  author: string;
  /** Set when `author` is already a display name (Concord's own notes). */
  authorIsName?: boolean;
  paragraphs: string[];
  at: string;
  parentId?: number;
}

/** An ISO time as Word writes one, to the second ("2025-03-01T09:30:00Z"); null when `value` is no time at all. */
function wordDate(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.\d+Z$/, "Z");
}

/** The footnotes, comments and revision ids of one document. */
export class DocxParts {
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  readonly comments: ICommentOptions[] = [];
  private nextFootnote = 1;
  private nextComment: number;
  private nextRevision = 1;

  /**
   * `footnoteCount` is how many footnotes the body will have. Footnotes take ids 1…n and comments
   * the ids after them: Word keeps the two apart, but LibreOffice 7.4 reads a footnote by its place
   * among 1…n, and a comment whose id is a footnote's (or 0, the separator's) as that footnote,
   * printing the wrong words in every footnote after it.
   */
  constructor(private readonly footnoteCount: number) {
    this.nextComment = footnoteCount + 1;
  }

  /** Adds a footnote of plain text and returns its id for a `FootnoteReferenceRun`. */
  footnote(text: string, rtl: boolean): number {
    const id = this.nextFootnote++;
    if (id > this.footnoteCount) throw new RangeError(`Footnote ${id} of a document counted to have ${this.footnoteCount}`);
    this.footnotes[id] = { children: [new Paragraph({ bidirectional: rtl || undefined, children: [new TextRun({ text: documentText(text), rightToLeft: rtl || undefined })] })] };
    return id;
  }

  /** A new tracked change by `author` (a state code or `chair`) at `date`. */
  revision(author: string, date: string): Revision {
    return this.revisionBy(authorName(author), date);
  }

  /** A new tracked change by `name`, already written out (a redline's "Rev.1 → Rev.2"), at `date`. */
  revisionBy(name: string, date: string): Revision {
    return { id: this.nextRevision++, author: name, date: wordDate(date) ?? date };
  }

  /** Adds a comment and returns its id. */
  comment(input: CommentInput): number {
    const id = this.nextComment++;
    this.comments.push({
      id,
      author: input.authorIsName ? input.author : authorName(input.author),
      initials: input.authorIsName ? input.author.slice(0, 2).toUpperCase() : authorInitials(input.author),
      ...(wordDate(input.at) === null ? {} : { date: new Date(input.at) }),
      children: input.paragraphs.map((text) => new Paragraph({ children: [new TextRun(documentText(text))] })),
      ...(input.parentId === undefined ? {} : { parentId: input.parentId }),
    });
    return id;
  }
}

/** Where comment `id`'s words begin. */
export function commentStart(id: number): ParagraphChild {
  return new CommentRangeStart(id);
}

/**
 * Where comment `id`'s words end, with its reference. The reference sits inside a run: LibreOffice
 * drops a comment whose `w:commentReference` stands alone in the paragraph.
 */
export function commentEnd(id: number): ParagraphChild[] {
  return [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
}
