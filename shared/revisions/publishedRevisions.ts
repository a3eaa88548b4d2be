/**
 * The published revisions a draft's `decisions` map lists (`revision:<id>` records, which only the
 * server writes), oldest first, and the latest one, whose numbers the live text keeps.
 */
import type * as Y from "yjs";
import type { Revision } from "../../schemas/records";
import { DecisionPrefix } from "../documentLayout";

/** A published revision's record with its id (the key without `revision:`). */
export interface PublishedRevision {
  id: string;
  record: Revision;
}

/** Every published revision in `decisions`, in the order they were published. */
export function publishedRevisions(decisions: Y.Map<unknown>): PublishedRevision[] {
  const found: PublishedRevision[] = [];
  decisions.forEach((value, key) => {
    if (!key.startsWith(DecisionPrefix.revision) || typeof value !== "object" || value === null) return;
    found.push({ id: key.slice(DecisionPrefix.revision.length), record: value as Revision });
  });
  return found.sort((a, b) => a.record.ordinal - b.record.ordinal);
}

/** The revision published last; null before the first. */
export function latestRevision(decisions: Y.Map<unknown>): PublishedRevision | null {
  return publishedRevisions(decisions).at(-1) ?? null;
}
