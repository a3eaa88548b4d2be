/**
 * The copy of a room a chair or a delegation keeps on this device (IndexedDB, through y-indexeddb),
 * so that work survives a reload while offline and syncs on reconnect. Observers keep none.
 */
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { DRAFT_ID_PATTERN, ROOMS, type Room } from "../../shared/documentLayout";
import { Role, type Author } from "../../shared/roles";

/** What every copy's database name starts with. */
const LOCAL_COPY_PREFIX = "concord/";

/** The database a person's copy of a room lives in: one per draft, room and principal. */
export function localCopyName(draftId: string, room: Room, author: Author): string {
  const principal = author.role === Role.delegation ? `state-${author.state}` : author.role;
  return `${LOCAL_COPY_PREFIX}${draftId}/${room}/${principal}`;
}

/** The draft and room a database holds a copy of, or null when it is not a copy's database. */
export function parseLocalCopyName(name: string): { draftId: string; room: Room } | null {
  if (!name.startsWith(LOCAL_COPY_PREFIX)) return null;
  const [draftId, room, principal] = name.slice(LOCAL_COPY_PREFIX.length).split("/");
  if (!draftId || !principal || !DRAFT_ID_PATTERN.test(draftId) || !(ROOMS as readonly string[]).includes(room ?? "")) return null;
  return { draftId, room: room as Room };
}

/** The names of every copy this browser keeps. */
export async function localCopyNames(): Promise<string[]> {
  if (!(await probeIndexedDb()) || typeof indexedDB.databases !== "function") return [];
  const databases = await indexedDB.databases();
  return databases.map((database) => database.name ?? "").filter((name) => parseLocalCopyName(name) !== null);
}

/** A room's copy on this device. */
export interface LocalCopy {
  /** Its database's name (`localCopyName`). */
  name: string;
  /** Whether the copy held anything when opened (it may hold changes the server never saw). */
  restored: boolean;
  /**
   * Deletes the copy from this device. Another tab holding it open delays the deletion until that
   * tab lets go; this resolves at once then rather than wait for it.
   */
  clear(): Promise<void>;
  /** Stops writing to the copy and closes its database. */
  destroy(): Promise<void>;
}

/** How long opening the device's copy may take before the page goes on without one. */
const OPEN_TIMEOUT_MS = 5000;

/** The database opened (and deleted) to learn whether the browser keeps any; not a copy's name. */
const PROBE_NAME = "concord-probe";

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
    name,
    restored: doc.store.clients.size > 0,
    clear: async () => {
      await persistence.destroy();
      await deleteDatabase(name);
    },
    destroy: () => persistence.destroy(),
  };
}

/** Deletes database `name`; resolves once deleted, or at once when another tab's connection holds the deletion back. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}
