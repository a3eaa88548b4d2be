/**
 * One room of a draft as this page holds it: the Yjs document, the provider that syncs it, and,
 * for a chair or a delegation, the tracker that knows what is saved and the copy kept on this
 * device. Opening order matters: the device's copy first (the draft shows at once, even offline),
 * then on a first open the compressed snapshot over HTTP, then the socket, which then carries only
 * the difference.
 */
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { snapshotPath } from "../../shared/appPaths";
import { SCHEMA_VERSION, SYNC_PATH_PREFIX, type Room } from "../../shared/documentLayout";
import { Role, type Author } from "../../shared/roles";
import { SCHEMA_VERSION_PARAM } from "../../shared/syncProtocol";
import { localCopyName, openLocalCopy, type LocalCopy } from "../offline/localCopy";
import { FINAL_CLOSE_CODES } from "./errorMessages";
import { SaveTracker } from "./saveTracker";

/** A room of the draft, synced. */
export interface RoomCopy {
  room: Room;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** What is saved (observers, who write nothing, have a tracker that never counts a change). */
  tracker: SaveTracker;
  /** The copy on this device; null for observers, who keep none, and where the browser keeps none. */
  local: LocalCopy | null;
  /** Stops syncing for good (access ended): no reconnect, not even when the network returns. */
  stop(): void;
}

/** The origin of a snapshot's changes: the server's, not this page's. */
const SNAPSHOT_ORIGIN = "snapshot";

function socketBase(): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}${SYNC_PATH_PREFIX}`;
}

/** Loads the room's compressed snapshot into `doc`; false when it could not be had (offline, say). */
async function loadSnapshot(draftId: string, room: Room, doc: Y.Doc): Promise<boolean> {
  try {
    const response = await fetch(snapshotPath(draftId, room));
    if (!response.ok) return false;
    Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()), SNAPSHOT_ORIGIN);
    return true;
  } catch {
    return false;
  }
}

/** Opens `room` of draft `draftId` for `author`. */
export async function openRoomCopy(draftId: string, room: Room, author: Author): Promise<RoomCopy> {
  const doc = new Y.Doc();
  const writes = author.role !== Role.observer;
  // Before the provider: the tracker must count each change before the provider sends it.
  const tracker = new SaveTracker(doc);
  const local = writes ? await openLocalCopy(localCopyName(draftId, room, author), doc) : null;
  if (local?.restored) tracker.markUnconfirmed();
  else await loadSnapshot(draftId, room, doc);
  const provider = new WebsocketProvider(`${socketBase()}/${draftId}`, room, doc, {
    // Offline, it waits for the browser's "online" event rather than dialling a dead line.
    connect: navigator.onLine,
    params: { [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION) },
    // Observers keep no cross-tab channel (DESIGN.md section 6); the others may share one.
    disableBc: !writes,
    // The provider gives up on every 44xx code; Concord's own map says which codes are final.
    shouldReconnect: (event) => !FINAL_CLOSE_CODES.has(event.code),
    WebSocketPolyfill: tracker.socketClass(),
  });
  tracker.listen(provider);
  const unfollow = followNetwork(provider);
  const stop = () => {
    unfollow();
    if (!provider.wsconnecting) {
      provider.disconnect();
      return;
    }
    // Closing a socket still connecting only makes the browser complain; close it once it has
    // opened (after the provider's own first frames, which it sends right after saying so).
    provider.shouldConnect = false;
    provider.on("status", ({ status }: { status: string }) => {
      if (status === "connected") setTimeout(() => provider.disconnect(), 0);
    });
  };
  return { room, doc, provider, tracker, local, stop };
}

/**
 * Follows the browser's own word on the network: a socket on a dead line can take half a minute to
 * notice, so going offline closes it at once and coming back reconnects without waiting for the
 * provider's backoff. Returns the function that stops following.
 */
function followNetwork(provider: WebsocketProvider): () => void {
  const offline = () => provider.disconnect();
  const online = () => provider.connect();
  window.addEventListener("offline", offline);
  window.addEventListener("online", online);
  return () => {
    window.removeEventListener("offline", offline);
    window.removeEventListener("online", online);
  };
}

/** Stops syncing and frees the document; the copy on this device stays. */
export async function closeRoomCopy(copy: RoomCopy): Promise<void> {
  copy.stop();
  copy.provider.destroy();
  await copy.local?.destroy();
  copy.doc.destroy();
}
