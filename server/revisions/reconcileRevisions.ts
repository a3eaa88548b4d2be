/**
 * Keeps a draft's stored revisions and their records in `decisions` in step after a crash.
 * Publishing stores the snapshot first and commits the record second (see `publishRevision`), so
 * the one gap a crash can leave is a stored revision whose record never reached the log: its
 * snapshot holds the record, which is written again as it was, through the room's write path.
 *
 * The other mismatch — a `revision:` record with no stored revision — is only reported, never
 * deleted: publishing cannot make it (the snapshot is stored first), so it comes from elsewhere (a
 * record written before revisions were stored, a damaged database), its snapshot cannot be made
 * again, and deleting a record every client may have shown would rewrite history. It counts when
 * the next ordinal is chosen, so no two revisions ever share one.
 */
import * as Y from "yjs";
import { validateRecord } from "../../schemas/validateRecord";
import { DecisionPrefix, MetaKey, Room, TextRoot } from "../../shared/documentLayout";
import type { Storage } from "../storage/Storage";
import type { Room as LiveRoom } from "../sync/Room";
import type { RoomRegistry } from "../sync/RoomRegistry";

/** What a reconciliation found in one draft. */
export interface Reconciled {
  /** Stored revisions whose record was missing and has been written again from their snapshot. */
  restored: string[];
  /** Ids of `revision:` records that have no stored revision (reported, left alone). */
  unstored: string[];
}

/** The `revision:` record and meta that revision `id`'s stored text snapshot holds. */
function recordInSnapshot(snapshot: Uint8Array, key: string): { record: unknown; label: unknown; symbol: unknown } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, snapshot);
    const meta = doc.getMap(TextRoot.meta);
    return { record: doc.getMap(TextRoot.decisions).get(key), label: meta.get(MetaKey.revision), symbol: meta.get(MetaKey.symbol) };
  } finally {
    doc.destroy();
  }
}

/** Restores the records of stored revisions missing from the `text` room `text`, and reports records with no stored revision. */
export async function reconcileRevisions(storage: Storage, text: LiveRoom): Promise<Reconciled> {
  const { draftId } = text;
  const stored = await storage.listRevisions(draftId);
  const latest = stored.at(-1);
  const restored: string[] = [];
  for (const listed of stored) {
    const key = `${DecisionPrefix.revision}${listed.id}`;
    if (text.document.getMap(TextRoot.decisions).has(key)) continue;
    const revision = await storage.readRevision(draftId, listed.id);
    if (!revision) continue;
    const { record, label, symbol } = recordInSnapshot(revision.text, key);
    const check = validateRecord(TextRoot.decisions, key, record);
    if (!check.ok) {
      console.error(`Revision ${listed.id} of draft ${draftId} is stored but its snapshot holds no valid record (${check.reason}): left unrestored.`);
      continue;
    }
    await text.applyServerChange((doc) => {
      const current = doc.getMap(TextRoot.decisions);
      if (current.has(key)) return;
      current.set(key, record);
      // The publication's meta was lost with its record; only the latest revision's label is the draft's.
      if (listed === latest) {
        const meta = doc.getMap(TextRoot.meta);
        if (typeof label === "string" && validateRecord(TextRoot.meta, MetaKey.revision, label).ok) meta.set(MetaKey.revision, label);
        if (listed.symbol !== null && typeof symbol === "string" && validateRecord(TextRoot.meta, MetaKey.symbol, symbol).ok) meta.set(MetaKey.symbol, symbol);
      }
    });
    // A failed commit rebuilds the room from storage: the record is there only if it was committed.
    await text.ready();
    if (!text.document.getMap(TextRoot.decisions).has(key)) {
      console.error(`The record of revision ${listed.id} of draft ${draftId} could not be written again; the next start tries again.`);
      continue;
    }
    restored.push(listed.id);
    console.warn(`Revision ${listed.id} (${listed.label}) of draft ${draftId} was stored but its record was not committed: written again from its snapshot.`);
  }
  const storedIds = new Set(stored.map((revision) => revision.id));
  const unstored: string[] = [];
  // Read after the writes above: a failed commit rebuilds the room with a new document.
  text.document.getMap(TextRoot.decisions).forEach((_value, key) => {
    if (!key.startsWith(DecisionPrefix.revision)) return;
    const id = key.slice(DecisionPrefix.revision.length);
    if (!storedIds.has(id)) unstored.push(id);
  });
  for (const id of unstored) console.warn(`decisions["${DecisionPrefix.revision}${id}"] of draft ${draftId} has no stored revision: reported, left as it is.`);
  return { restored, unstored };
}

/**
 * Reconciles, one at a time, every draft that has stored revisions (the only drafts a crash while
 * publishing can leave out of step); the server runs it in the background at start.
 */
export async function reconcileAllRevisions(storage: Storage, rooms: RoomRegistry, stopping: () => boolean = () => false): Promise<void> {
  for (const draft of await storage.listDrafts()) {
    if (stopping()) return;
    if ((await storage.listRevisions(draft.id)).length === 0) continue;
    const text = await rooms.open(draft.id, Room.text);
    if (!text) continue;
    try {
      await text.ready();
      await reconcileRevisions(storage, text);
    } finally {
      rooms.released(text);
    }
  }
}
