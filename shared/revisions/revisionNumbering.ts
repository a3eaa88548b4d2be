/**
 * The numbers a revision published now gives the text: 1…N straight through, sub-items lettered
 * afresh (the positional UN numbering, no "bis"), and the map from each paragraph's live number to
 * its new one where they differ ("3 bis" → "4", "4" → "5"). Both go in the revision's record.
 */
import type * as Y from "yjs";
import type { RevisionNumbers } from "../../schemas/records";
import { TextRoot } from "../documentLayout";
import { labelSequence } from "../numbering";
import { BlockType } from "../schema";
import { textBlocks } from "../text/blockText";
import { liveLabels } from "./liveLabels";

/** A revision's `numbers` and `renumbered`, as its record holds them. */
export interface RevisionNumbering {
  /** Each numbered block's number in the revision, by pid. */
  numbers: RevisionNumbers;
  /** Old → new, for paragraphs only: a sub-item's "(a)" is not unique, so it could not be a key. */
  renumbered: Record<string, string>;
}

/** The numbering of a revision of the `text` room `doc` published now. */
export function revisionNumbering(doc: Y.Doc): RevisionNumbering {
  const blocks = textBlocks(doc.getXmlFragment(TextRoot.content));
  const labels = labelSequence(blocks, null);
  const live = liveLabels(doc);
  const numbers: Array<[string, string]> = [];
  const renumbered: Array<[string, string]> = [];
  blocks.forEach((block, index) => {
    const label = labels[index];
    if (block.pid === null || label === null || label === undefined) return;
    numbers.push([block.pid, label]);
    const was = live.get(block.pid);
    if (block.type === BlockType.paragraph && was !== undefined && was !== label) renumbered.push([was, label]);
  });
  // Built from entries, so that no key, however odd, is taken for the object's prototype.
  return { numbers: Object.fromEntries(numbers), renumbered: Object.fromEntries(renumbered) };
}
