/**
 * One text of a draft as the redline compares it: a `text` room's Y.Doc (a published revision's
 * snapshot, or a copy of the live room) read into its blocks in order, each with its pid, its number
 * as that text prints it, the chair's words and its footnotes' words. Emphasis is left out: the
 * redline compares words.
 */
import type * as Y from "yjs";
import { MetaKey, TextRoot } from "../documentLayout";
import { DEFAULT_DRAFT_LANGUAGE } from "../languages";
import { labelSequence } from "../numbering";
import type { BlockType } from "../schema";
import { FOOTNOTE_CHAR, footnoteTexts, textBlocks } from "../text/blockText";
import { revisionBaseline } from "./revisionBaseline";

/** One block of a text, as the redline compares it. */
export interface RevisionTextBlock {
  /** Its pid; a block without one (or a later copy of a pid) gets `block-<index>`, which no other text shares. */
  pid: string;
  type: BlockType;
  /** Heading or sub-item level; null otherwise. */
  level: number | null;
  /** Its number as this text prints it ("12", "3 bis", "(a)"); null for headings and preamble. */
  label: string | null;
  /** The chair's words, without the footnotes' markers. */
  words: string;
  /** Each footnote's words, in order. */
  footnotes: string[];
}

/** A whole text of a draft, read for the redline. */
export interface RevisionText {
  title: string;
  symbol: string | null;
  /** BCP 47 code of the draft's language. */
  language: string;
  blocks: RevisionTextBlock[];
}

/** The blocks, numbers and words of the `text` room `textDoc`. */
export function readRevisionText(textDoc: Y.Doc): RevisionText {
  const found = textBlocks(textDoc.getXmlFragment(TextRoot.content));
  // A revision's own snapshot holds its own record, so it numbers as it was published; the live
  // text numbers by the latest revision, as every page and export of it does.
  const labels = labelSequence(found, revisionBaseline(textDoc));
  const seen = new Set<string>();
  const blocks = found.map((block, index): RevisionTextBlock => {
    const pid = block.pid !== null && !seen.has(block.pid) ? block.pid : `block-${index}`;
    seen.add(pid);
    return {
      pid,
      type: block.type,
      level: block.level,
      label: labels[index] ?? null,
      words: block.text.replaceAll(FOOTNOTE_CHAR, ""),
      footnotes: footnoteTexts(block.element),
    };
  });
  const meta = textDoc.getMap(TextRoot.meta);
  const text = (key: MetaKey): string | null => {
    const value = meta.get(key);
    return typeof value === "string" && value.trim() !== "" ? value : null;
  };
  return { title: text(MetaKey.title) ?? "", symbol: text(MetaKey.symbol), language: text(MetaKey.language) ?? DEFAULT_DRAFT_LANGUAGE, blocks };
}
