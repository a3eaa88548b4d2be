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

/** How long opening the device's copy may take before the page goes on without one. */
const OPEN_TIMEOUT_MS = 5000;

/** The database opened (and deleted) to learn whether the browser keeps any. */
const PROBE_NAME = "concord/probe";

/** Whether this browser lets the page open a database at all (asked once per page). */
let indexedDbUsable: Promise<boolean> | null = null;

function probeIndexedDb(): Promise<boolean> {
  indexedDbUsable ??= new Promise<boolean>((resolve) => {
    setTimeout(() => resolve(false), OPEN_TIMEOUT_MS);
    try {
      const request = indexedDB.open(PROBE_NAME);
      request.onsuccess = () => {
        request.result.close();
        indexedDB.deleteDatabase(PROBE_NAME);
        resolve(true);
      };
      request.onerror = () => resolve(false);
      request.onblocked = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
  return indexedDbUsable;
}

/**
 * Opens the copy named `name` into `doc` and waits until what it held is in `doc`. Resolves with
 * null when this browser keeps no such copy (IndexedDB disabled, full, or hanging, as in some
 * private windows): the page then works online only, and says so. y-indexeddb itself would leave
 * its promises unsettled, or rejected with nobody to hear, so the browser is asked first.
 */
export async function openLocalCopy(name: string, doc: Y.Doc): Promise<LocalCopy | null> {
  if (!(await probeIndexedDb())) return null;
  const persistence = new IndexeddbPersistence(name, doc);
  const timedOut = new Promise<null>((resolve) => setTimeout(() => resolve(null), OPEN_TIMEOUT_MS));
  if ((await Promise.race([persistence.whenSynced.then(() => true as const), timedOut])) !== true) {
    void persistence.destroy().catch(() => undefined);
    return null;
  }
  return {
    restored: doc.store.clients.size > 0,
    clear: () => persistence.clearData(),
    destroy: () => persistence.destroy(),
  };
}
