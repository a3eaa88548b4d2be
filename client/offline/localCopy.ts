/**
 * The copy of a room a chair or a delegation keeps on this device (IndexedDB, through y-indexeddb),
 * so that work survives a reload while offline and syncs on reconnect. Observers keep none.
 */
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import type { Room } from "../../shared/documentLayout";
import { Role, type Author } from "../../shared/roles";

/** The database a person's copy of a room lives in: one per draft, room and principal. */
export function localCopyName(draftId: string, room: Room, author: Author): string {
  const principal = author.role === Role.delegation ? `state-${author.state}` : author.role;
  return `concord/${draftId}/${room}/${principal}`;
}

/** A room's copy on this device. */
export interface LocalCopy {
  /** Whether the copy held anything when opened (it may hold changes the server never saw). */
  restored: boolean;
  /** Deletes the copy from this device. */
  clear(): Promise<void>;
  /** Stops writing to the copy and closes its database. */
  destroy(): Promise<void>;
}

/** Opens the copy named `name` into `doc` and waits until what it held is in `doc`. */
export async function openLocalCopy(name: string, doc: Y.Doc): Promise<LocalCopy> {
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  return {
    restored: doc.store.clients.size > 0,
    clear: () => persistence.clearData(),
    destroy: () => persistence.destroy(),
  };
}

/** Deletes the copy named `name` without opening a document on it. */
export async function deleteLocalCopy(name: string): Promise<void> {
  const persistence = new IndexeddbPersistence(name, new Y.Doc());
  await persistence.whenSynced;
  await persistence.clearData();
}
