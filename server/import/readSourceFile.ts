/**
 * The first look at an uploaded file: is it a Word document, Markdown or plain text, and if it is
 * none of these, what does it look like? Decided from the bytes; the name only tells Markdown from
 * plain text. Anything else is refused with an `ImportRefusal` before any parser sees it.
 */
import { ImportFormat, MAX_IMPORT_BYTES } from "./importDraftText";
import { importRefusals } from "./ImportRefusal";
import { looksLikeZip, zipEntries } from "./zipEntries";

/** What a file holds, once it is known to be importable. */
export type SourceFile =
  | { kind: "docx"; bytes: Buffer }
  | { kind: "text"; format: ImportFormat; text: string };

/** The part every Word (.docx) package has. */
export const WORD_MAIN_PART = "word/document.xml";

/** Largest a Word package may unpack to, as its directory declares: ten times a large report. */
export const MAX_WORD_UNPACKED_BYTES = 64 * 1024 * 1024;

/** Signatures of common files that are not text, with what to call them in the refusal. */
const MAGIC: ReadonlyArray<{ bytes: readonly number[]; looksLike: string }> = [
  { bytes: [0x7f, 0x45, 0x4c, 0x46], looksLike: "a program (ELF)" },
  { bytes: [0x4d, 0x5a], looksLike: "a Windows program" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], looksLike: "a PDF; copy its text into a .txt file instead" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: "an old Word (.doc) file; save it as .docx" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], looksLike: "an RTF file; save it as .docx" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], looksLike: "an image (PNG)" },
  { bytes: [0xff, 0xd8, 0xff], looksLike: "an image (JPEG)" },
  { bytes: [0x47, 0x49, 0x46, 0x38], looksLike: "an image (GIF)" },
  { bytes: [0x1f, 0x8b], looksLike: "a compressed archive (gzip)" },
];

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
/** Share of characters that may be stray control characters before a file counts as binary. */
const MAX_CONTROL_SHARE = 0.01;

const MARKDOWN_NAME = /\.(md|markdown)$/i;
const TEXT_NAME = /\.(txt|text)$/i;
// Markdown that plain text from a PDF or an e-mail never has: ATX headings, footnote definitions.
const MARKDOWN_SIGNS = /^(#{1,6}\s+\S|\[\^[^\]\s]+\]:)/m;

/** Reads `bytes` as an importable file, or throws an `ImportRefusal` saying why it is not one. */
export function readSourceFile(bytes: Buffer, fileName: string): SourceFile {
  if (bytes.length > MAX_IMPORT_BYTES) throw importRefusals.tooLarge(bytes.length, MAX_IMPORT_BYTES);
  if (bytes.length === 0) throw importRefusals.empty();
  if (looksLikeZip(bytes)) {
    const entries = zipEntries(bytes);
    const names = entries.map((entry) => entry.name);
    if (names.includes(WORD_MAIN_PART)) {
      // Mammoth unpacks the whole package: a few megabytes must not inflate into gigabytes.
      const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
      if (unpacked > MAX_WORD_UNPACKED_BYTES) throw importRefusals.unpacksTooLarge(unpacked, MAX_WORD_UNPACKED_BYTES);
      return { kind: "docx", bytes };
    }
    throw importRefusals.notText(names.includes("mimetype") ? "an OpenDocument file; save it as .docx" : "a zip archive");
  }
  const magic = MAGIC.find((known) => known.bytes.every((byte, i) => bytes[i] === byte));
  if (magic) throw importRefusals.notText(magic.looksLike);
  const text = decodeText(bytes);
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > text.length * MAX_CONTROL_SHARE) throw importRefusals.notText();
  return { kind: "text", format: formatOf(fileName, text), text: controls > 0 ? text.replace(CONTROL, " ") : text };
}

/** Markdown by name (.md, .markdown); plain text by name (.txt); otherwise by what the text holds. */
export function formatOf(fileName: string, text: string): ImportFormat {
  if (MARKDOWN_NAME.test(fileName.trim())) return ImportFormat.markdown;
  if (TEXT_NAME.test(fileName.trim())) return ImportFormat.text;
  return MARKDOWN_SIGNS.test(text) ? ImportFormat.markdown : ImportFormat.text;
}

/** UTF-8 (with or without its byte-order mark), or UTF-16 with one, as Windows Notepad saves it. */
function decodeText(bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw importRefusals.notText();
    }
  }
  if (bytes.includes(0)) throw importRefusals.notText();
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw looksLikeLegacyText(bytes) ? importRefusals.notUtf8(firstInvalidUtf8(bytes)) : importRefusals.notText();
  }
}

/** Share of bytes above ASCII that a text in an old 8-bit code page (Latin-1, Windows-1252) stays under. */
const MAX_LEGACY_HIGH_SHARE = 0.3;

/** Whether bytes that are not UTF-8 still read as text in an 8-bit code page, rather than as binary. */
function looksLikeLegacyText(bytes: Buffer): boolean {
  let high = 0;
  let controls = 0;
  for (const byte of bytes) {
    if (byte >= 0x80) high++;
    else if ((byte < 0x09 || (byte > 0x0d && byte < 0x20)) || byte === 0x7f) controls++;
  }
  return high <= bytes.length * MAX_LEGACY_HIGH_SHARE && controls <= bytes.length * MAX_CONTROL_SHARE;
}

/** Offset of the first byte that breaks UTF-8, for the refusal's message. */
function firstInvalidUtf8(bytes: Buffer): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0) return at;
    const sequence = bytes.subarray(at, at + length);
    if (sequence.length < length) return at;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(sequence);
    } catch {
      return at;
    }
    at += length;
  }
  return at;
}
