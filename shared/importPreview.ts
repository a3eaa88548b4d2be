/**
 * What `POST /api/imports/preview` answers: the structure an import made of a file, so the
 * secretariat checks it (headings, numbered paragraphs, sub-items, footnotes, front matter) before
 * creating the draft. The import page's contract with the server.
 */

/** Route of the import preview (POST, the file's bytes as `application/octet-stream`). */
export const IMPORT_PREVIEW_ROUTE = "/api/imports/preview";

/** Header that carries the uploaded file's name, URI-encoded (`?name=` works too). */
export const FILE_NAME_HEADER = "x-file-name";

/** Largest file the server accepts for import, in bytes; the page checks it before sending. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Name of the multipart part holding a new draft's fields (JSON) when it is created from a file. */
export const DRAFT_FIELDS_PART = "draft";

/** Name of the multipart part holding the file a new draft is created from. */
export const DRAFT_FILE_PART = "file";

/** One block of the imported text. */
export interface PreviewBlock {
  /** The block's node type: heading, paragraph, subitem, or another the schema holds (preamble). */
  type: string;
  /** Heading or sub-item level; null for other blocks. */
  level: number | null;
  /** The printed label ("12", "(a)", "(ii)"); null for unnumbered blocks. */
  label: string | null;
  /** The block's first words. */
  words: string;
  /** The numbers of the footnotes the block carries (numbered across the text from 1). */
  footnotes: number[];
}

/** One footnote of the imported text. */
export interface PreviewFootnote {
  number: number;
  /** Its first words. */
  words: string;
}

/** The whole preview. */
export interface ImportPreview {
  fileName: string;
  /** The title the import found in the document; null when it found none. */
  title: string | null;
  blocks: PreviewBlock[];
  footnotes: PreviewFootnote[];
  /** How many blocks of each type, for a one-line summary. */
  counts: Record<string, number>;
}
