/**
 * A paragraph in each published revision: its number there and its words, read from the stored
 * snapshot of the revision's `text` room. The one place the history reads a revision's text, so
 * that it can switch to the redline's reader of revisions (`shared/revisions/`) once that exists.
 */
import * as Y from "yjs";
import type { Revision } from "../../schemas/records";
import { DecisionPrefix, TextRoot } from "../../shared/documentLayout";
import type { ParagraphInRevision } from "../../shared/history/paragraphHistory";
import { labelSequence } from "../../shared/numbering";
import { textBlocks } from "../../shared/text/blockText";
import { auditText } from "../audit/ParagraphTexts";
import type { Storage, StoredRevision } from "../storage/Storage";

/** Paragraph `pid`'s number and words in one stored revision (both null when it was not in it). */
export function paragraphInRevision(revision: StoredRevision, pid: string): Pick<ParagraphInRevision, "number" | "words"> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, revision.text);
    const blocks = textBlocks(doc.getXmlFragment(TextRoot.content));
    const at = blocks.findIndex((block) => block.pid === pid);
    if (at < 0) return { number: null, words: null };
    const record = doc.getMap<Revision>(TextRoot.decisions).get(`${DecisionPrefix.revision}${revision.id}`);
    // The record's numbers are the revision's own; a snapshot without them is numbered as printed.
    const number = record?.numbers?.[pid] ?? labelSequence(blocks, null)[at] ?? null;
    return { number, words: auditText(blocks[at]!.element) };
  } finally {
    doc.destroy();
  }
}

/** Paragraph `pid` in each of a draft's published revisions, oldest first. */
export async function paragraphInRevisions(storage: Storage, draftId: string, pid: string): Promise<ParagraphInRevision[]> {
  const texts: ParagraphInRevision[] = [];
  for (const listed of await storage.listRevisions(draftId)) {
    const revision = await storage.readRevision(draftId, listed.id);
    if (!revision) continue;
    const { id, label, ordinal, date, publishedAt } = revision;
    texts.push({ id, label, ordinal, date, publishedAt, ...paragraphInRevision(revision, pid) });
  }
  return texts;
}
