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

/** Largest XML part read here: far above any real document, small enough to refuse a zip bomb. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

const NUM_PR = /<w:numPr>([\s\S]*?)<\/w:numPr>/g;
const ABSTRACT_NUM = /<w:abstractNum\b[^>]*w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g;
const LEVEL = /<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g;
const NUM = /<w:num\b[^>]*w:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/g;

/**
 * The format of every list paragraph of the document, in document order, or null when the parts
 * cannot be read. Only paragraphs whose numbering mammoth also resolves are listed (a known numId).
 */
export function readListFormats(bytes: Buffer): Array<{ level: number; format: ListFormat }> | null {
  const entries = zipEntries(bytes);
  const part = (name: string): string | null => {
    const entry = entries.find((candidate) => candidate.name === name);
    return entry ? (readZipEntry(bytes, entry, MAX_PART_BYTES)?.toString("utf8") ?? null) : null;
  };
  const document = part("word/document.xml");
  const numbering = part("word/numbering.xml");
  if (document === null || numbering === null) return null;
  const formats = numberingFormats(numbering);
  return listParagraphs(document)
    .filter((paragraph) => formats.has(paragraph.numId))
    .map(({ numId, level }) => ({ level, format: formats.get(numId)?.get(level) ?? "decimal" }));
}

/** numId → level → format, from numbering.xml. */
function numberingFormats(xml: string): Map<string, Map<number, ListFormat>> {
  const abstract = new Map<string, Map<number, ListFormat>>();
  for (const [, id, body] of xml.matchAll(ABSTRACT_NUM)) {
    const levels = new Map<number, ListFormat>();
    for (const [, level, levelBody] of (body ?? "").matchAll(LEVEL)) {
      levels.set(Number(level), formatOf(attribute(levelBody ?? "", "w:numFmt")));
    }
    abstract.set(id ?? "", levels);
  }
  const byNum = new Map<string, Map<number, ListFormat>>();
  for (const [, numId, body] of xml.matchAll(NUM)) {
    const levels = abstract.get(attribute(body ?? "", "w:abstractNumId") ?? "");
    if (levels) byNum.set(numId ?? "", levels);
  }
  return byNum;
}

function listParagraphs(xml: string): ListParagraph[] {
  const out: ListParagraph[] = [];
  for (const [, body] of xml.matchAll(NUM_PR)) {
    const numId = attribute(body ?? "", "w:numId");
    if (numId === null) continue;
    out.push({ numId, level: Number(attribute(body ?? "", "w:ilvl") ?? "0") || 0 });
  }
  return out;
}

/** The `w:val` of the first element named `tag` in `xml`. */
function attribute(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}\\b[^>]*w:val="([^"]*)"`).exec(xml);
  return match?.[1] ?? null;
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
