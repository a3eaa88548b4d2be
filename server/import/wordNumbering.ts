/**
 * The format of each Word list paragraph: numbered (1.), lettered ((a)), roman ((i)) or bulleted.
 * Mammoth reports a paragraph's list level and whether the list is ordered, but not whether it
 * counts in digits or letters, which is what tells a numbered paragraph from a lettered sub-item.
 * So this module reads `word/numbering.xml` and the list properties of `word/document.xml` itself.
 */
import { readZipEntry, zipEntries } from "./zipEntries";

/** How a Word list level counts. */
export type ListFormat = "decimal" | "letter" | "roman" | "bullet";

/** A list paragraph as the document's XML gives it. */
interface ListParagraph {
  numId: string;
  level: number;
}

/** Largest document part read here: far above any real document, small enough to refuse a zip bomb. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Largest numbering part: real ones are tens of kilobytes. */
const MAX_NUMBERING_BYTES = 4 * 1024 * 1024;

/**
 * The format of every list paragraph of the document, in document order, or null when the parts
 * cannot be read. Only paragraphs whose numbering mammoth also resolves are listed (a known numId).
 */
export function readListFormats(bytes: Buffer): Array<{ level: number; format: ListFormat }> | null {
  const entries = zipEntries(bytes);
  const part = (name: string, maxBytes: number): string | null => {
    const entry = entries.find((candidate) => candidate.name === name);
    return entry ? (readZipEntry(bytes, entry, maxBytes)?.toString("utf8") ?? null) : null;
  };
  const document = part("word/document.xml", MAX_DOCUMENT_BYTES);
  const numbering = part("word/numbering.xml", MAX_NUMBERING_BYTES);
  if (document === null || numbering === null) return null;
  const formats = numberingFormats(numbering);
  return listParagraphs(document)
    .filter((paragraph) => formats.has(paragraph.numId))
    .map(({ numId, level }) => ({ level, format: formats.get(numId)?.get(level) ?? "decimal" }));
}

/** numId → level → format, from numbering.xml. */
function numberingFormats(xml: string): Map<string, Map<number, ListFormat>> {
  const abstract = new Map<string, Map<number, ListFormat>>();
  for (const { open, body } of elements(xml, "w:abstractNum")) {
    const levels = new Map<number, ListFormat>();
    for (const level of elements(body, "w:lvl")) {
      levels.set(Number(ownAttribute(level.open, "w:ilvl") ?? "0"), formatOf(attribute(level.body, "w:numFmt")));
    }
    abstract.set(ownAttribute(open, "w:abstractNumId") ?? "", levels);
  }
  const byNum = new Map<string, Map<number, ListFormat>>();
  for (const { open, body } of elements(xml, "w:num")) {
    const levels = abstract.get(attribute(body, "w:abstractNumId") ?? "");
    if (levels) byNum.set(ownAttribute(open, "w:numId") ?? "", levels);
  }
  return byNum;
}

function listParagraphs(xml: string): ListParagraph[] {
  const out: ListParagraph[] = [];
  for (const { body } of elements(xml, "w:numPr")) {
    const numId = attribute(body, "w:numId");
    if (numId === null) continue;
    out.push({ numId, level: Number(attribute(body, "w:ilvl") ?? "0") || 0 });
  }
  return out;
}

/**
 * The elements named `tag` in `xml`, in order, each with its opening tag and its body (empty for a
 * self-closing one). A scan with indexOf rather than a regular expression, so a hostile part full
 * of unclosed tags costs one pass, not one pass per tag.
 */
function* elements(xml: string, tag: string): Generator<{ open: string; body: string }> {
  let from = 0;
  for (;;) {
    const start = xml.indexOf(`<${tag}`, from);
    if (start < 0) return;
    const after = xml[start + tag.length + 1];
    const end = xml.indexOf(">", start);
    if (end < 0) return;
    if (after !== " " && after !== ">" && after !== "/" && after !== "\n" && after !== "\t" && after !== "\r") {
      from = start + 1;
      continue;
    }
    const open = xml.slice(start, end + 1);
    if (open.endsWith("/>")) {
      yield { open, body: "" };
      from = end + 1;
      continue;
    }
    const close = xml.indexOf(`</${tag}>`, end);
    if (close < 0) return;
    yield { open, body: xml.slice(end + 1, close) };
    from = close + tag.length + 3;
  }
}

/** The value of attribute `name` on an opening tag. */
function ownAttribute(open: string, name: string): string | null {
  const at = open.indexOf(` ${name}="`);
  if (at < 0) return null;
  const start = at + name.length + 3;
  const end = open.indexOf('"', start);
  return end < 0 ? null : open.slice(start, end);
}

/** The `w:val` of the first element named `tag` in `xml`. */
function attribute(xml: string, tag: string): string | null {
  for (const { open } of elements(xml, tag)) return ownAttribute(open, "w:val");
  return null;
}

function formatOf(numFmt: string | null): ListFormat {
  switch (numFmt) {
    case "decimal":
    case "decimalZero":
      return "decimal";
    case "lowerLetter":
    case "upperLetter":
      return "letter";
    case "lowerRoman":
    case "upperRoman":
      return "roman";
    default:
      return "bullet";
  }
}
