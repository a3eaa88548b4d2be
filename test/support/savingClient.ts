/**
 * A stock y-websocket WebsocketProvider that counts Concord's "saved" acknowledgements the way
 * Concord's own client does (`client/connection/saveTracker.ts`), so a test knows which of its
 * changes the server has said are committed, and that can be pointed at another server of a
 * cluster, as a load balancer would send it elsewhere once its process is gone.
 */
import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import * as Y from "yjs";
import { SaveTracker } from "../../client/connection/saveTracker";
import { Room, SCHEMA_VERSION } from "../../shared/documentLayout";
import { SCHEMA_VERSION_PARAM } from "../../shared/syncProtocol";
import type { ConcordServer } from "../../server/ConcordServer";
import { TOKEN_PARAM } from "../../server/identity/authenticate";
import { onTestEnd } from "./cleanup";
import { syncBase } from "./testServer";
import { waitFor } from "./waitFor";

/** The longest wait between a saving client's reconnection attempts: a test moves it rather than waiting long. */
const MAX_BACKOFF_MS = 500;

/** A provider, its document, and how many of its changes are saved. */
export interface SavingClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The changes made on this client so far (local transactions), saved or not. */
  readonly made: number;
  /** How many of them, first to last, the server has acknowledged as committed. */
  readonly saved: number;
  /** Drops the connection and connects to `server` instead, keeping the document and its unsaved changes. */
  moveTo(server: { url: string }): void;
  destroy(): void;
}

/** Connects a saving client to one room of `server` (any server with a URL) and waits until it has synced. */
export async function connectSavingClient(server: { url: string }, draftId: string, token: string, room: Room = Room.text): Promise<SavingClient> {
  const doc = new Y.Doc();
  // Made before the provider, as the page does: the tracker counts a change before the provider sends it.
  const tracker = new SaveTracker(doc);
  let made = 0;
  doc.on("update", (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (transaction.local) made++;
  });
  const base = (at: { url: string }) => syncBase(at as ConcordServer, draftId);
  const provider = new WebsocketProvider(base(server), room, doc, {
    WebSocketPolyfill: tracker.socketClass(WebSocket as unknown as typeof globalThis.WebSocket),
    disableBc: true,
    params: { [TOKEN_PARAM]: token, [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION) },
    maxBackoffTime: MAX_BACKOFF_MS,
  });
  tracker.listen(provider);
  const client: SavingClient = {
    doc,
    provider,
    get made() {
      return made;
    },
    get saved() {
      return made - tracker.unsaved;
    },
    moveTo(to) {
      // The old socket's handlers are detached as it closes, so no late "saved" of it is read against the new socket's frames.
      provider.disconnect();
      provider.serverUrl = base(to);
      provider.connect();
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  onTestEnd(() => client.destroy());
  await waitFor(() => provider.synced, Boolean, { what: "the saving client to sync" });
  return client;
}
