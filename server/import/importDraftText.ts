/**
 * Imports a negotiation text into a draft document: Markdown (Concord's own format, also used for
 * the demo draft) or plain text pasted or extracted from a PDF. Runs on the server, line by line:
 * `sourceBlocks` groups lines into raw blocks, this module decides what each block is (with
 * `pageDebris` for what PDF pages leave behind), `assembleDraft` finds the front matter and the
 * title, and `parseInline` reads footnotes and emphasis.
 */
import { assertNever } from "../../shared/assertNever";
import { BlockType } from "../../shared/schema";
import { assembleDraft, type DraftBlock, type ImportedDraft } from "./assembleDraft";
import { FootnoteIndex } from "./footnotes";
import { importRefusals } from "./ImportRefusal";
import { dropPageDebris } from "./pageDebris";
import { isAllCaps } from "./paragraphBreaks";
import { inlineText, parseInline, type InlineOptions } from "./parseInline";
import { readSourceBlocks, type SourceBlock } from "./sourceBlocks";

export type { ImportedDraft } from "./assembleDraft";

/** Source formats the importer reads. */
export const ImportFormat = { markdown: "markdown", text: "text" } as const;
export type ImportFormat = (typeof ImportFormat)[keyof typeof ImportFormat];

/** Largest source the importer reads, in UTF-8 bytes: far above any negotiation text. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Longest block set in capitals or wholly in `**` that still reads as a title, not a paragraph. */
export const MAX_TITLE_LINE_CHARS = 320;

/** Longest "1. Introduction" line that plain text treats as a section title. */
const MAX_NUMBERED_TITLE_CHARS = 80;

const TITLE_LINE = /^\*\*(?!\*)([\s\S]+)\*\*$/;

/** Reads Markdown or plain text into a draft document (every block with a unique pid via withUniquePids). */
export function importDraftText(source: string, format: ImportFormat): ImportedDraft {
  checkSource(source, format);
  const plainText = format === ImportFormat.text;
  const sourceBlocks = readSourceBlocks(source.replace(/^\uFEFF/, ""), { plainText });
  const footnotes = new FootnoteIndex();
  const inline = (at: number): InlineOptions => ({
    markdown: !plainText,
    references: true,
    footnoteText: (label) => footnotes.find(label, at),
  });
  sourceBlocks.forEach((block, at) => {
    if (block.kind === "definition") footnotes.add(block.label, at, inlineText(joinLines(block.lines), inline(at)));
  });

  let drafts = sourceBlocks.flatMap((block, at) => draftOf(block, at, plainText));
  if (plainText) drafts = markNumberedTitles(dropPageDebris(drafts));
  return assembleDraft(drafts, (draft) => draft.inline ?? parseInline(draft.text, inline(draft.at)));
}

function checkSource(source: string, format: ImportFormat): void {
  if (typeof source !== "string") throw new RangeError(`Import source is not text: ${typeof source}`);
  if (!Object.values<string>(ImportFormat).includes(format)) {
    throw new RangeError(`Unknown import format: ${JSON.stringify(format)}`);
  }
  // UTF-8 takes at most three bytes per UTF-16 unit, so only long sources need counting.
  const bytes = source.length > MAX_IMPORT_BYTES / 3 ? Buffer.byteLength(source, "utf8") : 0;
  if (bytes > MAX_IMPORT_BYTES) throw importRefusals.tooLarge(bytes, MAX_IMPORT_BYTES);
  if (source.trim() === "") throw importRefusals.empty();
}

function joinLines(lines: readonly string[]): string {
  return lines.join(" ").replace(/[ \t\n\r\f\v]+/g, " ").trim();
}

function draftOf(source: SourceBlock, at: number, plainText: boolean): DraftBlock[] {
  const text = joinLines(source.lines);
  if (text === "" || source.kind === "definition") return [];
  const draft = (type: BlockType, level: number, content = text): DraftBlock[] => [
    { type, level, text: content, at, source },
  ];
  switch (source.kind) {
    case "heading":
      return draft(BlockType.heading, source.level);
    case "numbered":
      return draft(BlockType.paragraph, 1);
    case "item":
      return draft(BlockType.subitem, 1);
    case "prose": {
      const titleLine = TITLE_LINE.exec(text);
      const inner = titleLine?.[1]?.trim() ?? "";
      if (titleLine && inner !== "" && !inner.includes("**") && text.length <= MAX_TITLE_LINE_CHARS) {
        return draft(BlockType.heading, 1, inner);
      }
      if (plainText && text.length <= MAX_TITLE_LINE_CHARS && isAllCaps(text.replace(/<\/?sup>/g, ""))) {
        return draft(BlockType.heading, 1);
      }
      return draft(BlockType.paragraph, 1);
    }
    default:
      return assertNever(source);
  }
}

/**
 * Turns a numbered line that reads as a section title into a level-2 heading that keeps its number:
 * one short line, starting with a capital, without closing punctuation, followed by sub-items or
 * prose. "1. Introduction" qualifies; "1. Decides to remain seized of the matter." and the chapeau
 * "1. Calls upon States:" stay numbered paragraphs.
 */
function markNumberedTitles(drafts: DraftBlock[]): DraftBlock[] {
  return drafts.map((draft, i) => {
    const next = drafts[i + 1];
    if (draft.source.kind !== "numbered" || draft.source.lines.length !== 1 || next === undefined) return draft;
    const short = draft.text.length <= MAX_NUMBERED_TITLE_CHARS && /^\p{Lu}/u.test(draft.text);
    const open = !/[.,;:!?]$/.test(draft.text);
    const followedByBody =
      next.type === BlockType.subitem || (next.type === BlockType.paragraph && next.source.kind === "prose");
    if (!short || !open || !followedByBody) return draft;
    return { ...draft, type: BlockType.heading, level: 2, text: `${draft.source.marker} ${draft.text}` };
  });
}
