/**
 * Why the importer refused a file: a stable id (the answer's `error`), the refusal the page
 * translates (`shared/refusals.ts`), a sentence in English, and the HTTP status the edge answers
 * with. Inner code throws it; only the edge turns it into a response or a command-line message.
 */
import { refusal, type Refusal } from "../../shared/refusals";

/** The reasons a file is refused, written once. */
export const ImportRefusalId = {
  /** Binary, or a format Concord does not read (PDF, an image, a program, an archive). */
  notText: "not-a-text-file",
  /** Looks like text but is not UTF-8 (an old Windows code page, say). */
  notUtf8: "not-utf-8",
  tooLarge: "too-large",
  /** Nothing, or nothing but whitespace, markup or footnote definitions. */
  empty: "empty",
  /** A Word file that mammoth could not read. */
  unreadableWord: "unreadable-word-file",
  /** A Concord JSON file that is not JSON, or not a draft `schemas/draft.schema.json` accepts. */
  invalidDraftJson: "invalid-draft-json",
} as const;
export type ImportRefusalId = (typeof ImportRefusalId)[keyof typeof ImportRefusalId];

/** The HTTP status each refusal maps to at the edge. */
export const IMPORT_REFUSAL_STATUS: Readonly<Record<ImportRefusalId, 400 | 413 | 415>> = {
  [ImportRefusalId.notText]: 415,
  [ImportRefusalId.notUtf8]: 415,
  [ImportRefusalId.tooLarge]: 413,
  [ImportRefusalId.empty]: 400,
  [ImportRefusalId.unreadableWord]: 400,
  [ImportRefusalId.invalidDraftJson]: 400,
};

/** A file the importer will not turn into a draft, and why. */
export class ImportRefusal extends Error {
  override readonly name = "ImportRefusal";
  /** The status the HTTP edge answers with. */
  readonly httpStatus: 400 | 413 | 415;

  constructor(
    readonly id: ImportRefusalId,
    readonly refusal: Refusal,
    message: string,
  ) {
    super(message);
    this.httpStatus = IMPORT_REFUSAL_STATUS[id];
  }
}

const MEGABYTE = 1024 * 1024;

/** Megabytes to a tenth, rounded up so a file just over the limit never reads as the limit itself. */
export function megabytes(bytes: number): number {
  return Math.ceil((bytes / MEGABYTE) * 10) / 10;
}

/** "7.4 MB", as {@link megabytes} rounds. */
export function formatMegabytes(bytes: number): string {
  const tenths = megabytes(bytes);
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} MB`;
}

/** The refusals, one factory each. */
export const importRefusals = {
  notText: (looksLike?: string) =>
    new ImportRefusal(
      ImportRefusalId.notText,
      refusal("not-a-text-file"),
      looksLike
        ? `This is not a text, Markdown or Word file: it looks like ${looksLike}.`
        : "This is not a text, Markdown or Word file.",
    ),
  notUtf8: (offset: number) =>
    new ImportRefusal(
      ImportRefusalId.notUtf8,
      refusal("not-utf-8", { offset }),
      `This text is not in UTF-8 (byte ${offset} is not valid UTF-8); save it as UTF-8 and try again.`,
    ),
  tooLarge: (bytes: number, limit: number) =>
    new ImportRefusal(
      ImportRefusalId.tooLarge,
      refusal("file-too-large", { megabytes: megabytes(bytes), limitMegabytes: megabytes(limit) }),
      `The file is ${formatMegabytes(bytes)}; the largest accepted is ${formatMegabytes(limit)}.`,
    ),
  unpacksTooLarge: (bytes: number, limit: number) =>
    new ImportRefusal(
      ImportRefusalId.tooLarge,
      refusal("word-file-unpacks-too-large", { megabytes: megabytes(bytes), limitMegabytes: megabytes(limit) }),
      `The Word file unpacks to ${formatMegabytes(bytes)}; the largest accepted is ${formatMegabytes(limit)}.`,
    ),
  empty: () => new ImportRefusal(ImportRefusalId.empty, refusal("empty"), "The file is empty."),
  noText: () => new ImportRefusal(ImportRefusalId.empty, refusal("no-text"), "The file has no text, only markup or footnotes."),
  // Mammoth's and the schema's own words stay in the English message only: the page says the refusal.
  unreadableWord: (reason: string) =>
    new ImportRefusal(ImportRefusalId.unreadableWord, refusal("unreadable-word-file"), `This Word file could not be read (${reason}).`),
  invalidDraftJson: (reason: string) =>
    new ImportRefusal(ImportRefusalId.invalidDraftJson, refusal("invalid-draft-json"), `This is not a Concord draft file: ${reason}.`),
};
