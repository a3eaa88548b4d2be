/**
 * An independent reader for exported documents: LibreOffice headless converts a file (a .docx, a
 * PDF's source…) to another format, and the flat ODF it writes is read back here — tracked changes
 * with their authors, comments, notes and paragraphs — so a test checks what another program sees,
 * not what our writer meant. Conversions run one at a time, each in a fresh profile directory:
 * soffice is slow to start and two instances sharing a profile lock each other out.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Where LibreOffice is (Debian's `libreoffice-writer-nogui`). */
const SOFFICE = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";
/** A cold start of soffice on a busy machine takes tens of seconds. */
const CONVERSION_TIMEOUT_MS = 180_000;

let queue: Promise<unknown> = Promise.resolve();

/** A file to convert: its bytes, and its name, whose extension tells LibreOffice what it is. */
export interface InputFile {
  bytes: Buffer;
  name: string;
}

/**
 * Converts `files` to `format` ("fodt", "pdf", "txt"…) with one start of LibreOffice (a start costs
 * seconds; a conversion, little) and returns the results in the same order. Names must differ.
 */
export function convertWithLibreOffice(files: readonly InputFile[], format: string): Promise<Buffer[]> {
  const run = queue.then(() => convertNow(files, format));
  queue = run.catch(() => undefined);
  return run;
}

async function convertNow(files: readonly InputFile[], format: string): Promise<Buffer[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-soffice-"));
  try {
    const out = path.join(dir, "out");
    const inputs = files.map(({ bytes, name }) => {
      const input = path.join(dir, name);
      fs.writeFileSync(input, bytes);
      return input;
    });
    const args = ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`, "--convert-to", format, "--outdir", out, ...inputs];
    await new Promise<void>((resolve, reject) => {
      execFile(SOFFICE, args, { timeout: CONVERSION_TIMEOUT_MS }, (error, _stdout, stderr) => (error ? reject(new Error(`soffice failed: ${error.message} ${stderr}`)) : resolve()));
    });
    return files.map(({ name }) => {
      const written = path.join(out, `${path.parse(name).name}.${format}`);
      if (!fs.existsSync(written)) throw new Error(`soffice wrote no ${format} for ${name}`);
      return fs.readFileSync(written);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A tracked change as LibreOffice read it. */
export interface OdfChange {
  kind: "insertion" | "deletion" | "format-change";
  creator: string;
  /** The words the change covers; a paragraph break it covers is "\n". */
  text: string;
}

/** A comment as LibreOffice read it. */
export interface OdfAnnotation {
  creator: string;
  text: string;
}

/** What a test reads from a flat ODF text document. */
export interface OdfReading {
  changes: OdfChange[];
  annotations: OdfAnnotation[];
  /** The text of each footnote and endnote, in order. */
  notes: string[];
  /** The text of each body paragraph and heading (notes and comments left out), in order. */
  paragraphs: string[];
}

const decode = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** A comment, its words included (not its end marker, `office:annotation-end`). */
const ANNOTATION = /<office:annotation(?=[\s>])[\s\S]*?<\/office:annotation>/g;
/** A footnote or endnote, its citation and body included. */
const NOTE = /<text:note(?=[\s>])[\s\S]*?<\/text:note>/g;

/** The words of an ODF fragment: tabs and spaces as written, every other element dropped. */
function wordsOf(xml: string, keepLastBreak = false): string {
  const bare = xml
    .replace(ANNOTATION, "")
    .replace(NOTE, "")
    .replace(/<text:tab\/>/g, "\t")
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_match, count: string | undefined) => " ".repeat(Number(count ?? 1)))
    .replace(/<\/text:(?:p|h)>/g, "\n")
    .replace(/<[^>]+>/g, "");
  return keepLastBreak ? decode(bare) : decode(bare).replace(/\n$/, "");
}

/** Reads tracked changes (with the words each covers), comments, notes and paragraphs from flat ODF `fodt`. */
export function readFlatOdt(fodt: string): OdfReading {
  // LibreOffice indents its XML; a line break and indentation between tags is layout, never words (spaces are `text:s` or inline).
  const body = fodt.slice(fodt.indexOf("<office:body>")).replace(/>\s*\n\s*</g, "><");
  const header = /<text:tracked-changes\b[\s\S]*?<\/text:tracked-changes>/.exec(body)?.[0] ?? "";
  const text = body.replace(header, "");
  const changes: OdfChange[] = [];
  for (const region of header.matchAll(/<text:changed-region\b[^>]*text:id="([^"]+)"[^>]*>([\s\S]*?)<\/text:changed-region>/g)) {
    const [, id, inner] = region as unknown as [string, string, string];
    const kind = /<text:(insertion|deletion|format-change)\b/.exec(inner)?.[1] as OdfChange["kind"];
    const creator = decode(/<dc:creator>([^<]*)<\/dc:creator>/.exec(inner)?.[1] ?? "");
    // Older ODF keeps deleted words in the change itself; LibreOffice now keeps them in place, between markers.
    const kept = /<\/office:change-info>([\s\S]*?)<\/text:deletion>/.exec(inner)?.[1] ?? "";
    const start = text.indexOf(`<text:change-start text:change-id="${id}"/>`);
    const end = text.indexOf(`<text:change-end text:change-id="${id}"/>`);
    const inPlace = start >= 0 && end > start ? text.slice(start, end) : "";
    changes.push({ kind, creator, text: wordsOf(kept.trim() ? kept : inPlace, true) });
  }
  const annotations = [...text.matchAll(/<office:annotation(?=[\s>])[^>]*>([\s\S]*?)<\/office:annotation>/g)].map(([, inner]) => ({
    creator: decode(/<dc:creator>([^<]*)<\/dc:creator>/.exec(inner!)?.[1] ?? ""),
    text: wordsOf(inner!.replace(/<dc:(?:creator|date)>[^<]*<\/dc:(?:creator|date)>/g, "").replace(/<meta:[^>]*>[^<]*<\/meta:[^>]*>/g, "")),
  }));
  const notes = [...text.matchAll(/<text:note-body>([\s\S]*?)<\/text:note-body>/g)].map(([, inner]) => wordsOf(inner!).trim());
  const withoutNotes = text.replace(NOTE, "").replace(ANNOTATION, "");
  const paragraphs = [...withoutNotes.matchAll(/<text:(p|h)(?=[\s>/])[^>]*?(?:\/>|>([\s\S]*?)<\/text:\1>)/g)].map(([, , inner]) => wordsOf(inner ?? ""));
  return { changes, annotations, notes, paragraphs };
}

/** Converts .docx files with LibreOffice to flat ODF (in one start) and reads each back. */
export async function readDocxWithLibreOffice(docxes: readonly Buffer[]): Promise<Array<OdfReading & { fodt: string }>> {
  const converted = await convertWithLibreOffice(docxes.map((bytes, index) => ({ bytes, name: `export-${index + 1}.docx` })), "fodt");
  return converted.map((file) => {
    const fodt = file.toString("utf8");
    return { ...readFlatOdt(fodt), fodt };
  });
}
