/**
 * Whether this page's changes to one room are saved: a change counts as saved only when the server
 * has said that the frame carrying it is committed (Concord's "saved" message, schemas/PROTOCOL.md),
 * never merely because it was sent.
 *
 * The tracker sees the provider's frames through a WebSocket subclass. It also holds back sync
 * updates on a new socket until the step 2 has gone: the step 2 carries them already, and an update
 * sent first could depend on offline changes the server has not yet seen, which the write guard
 * refuses.
 */
import * as decoding from "lib0/decoding";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { carriesUpdate, ConcordMessageType, SyncStep } from "../../shared/syncProtocol";

type SocketData = string | ArrayBufferLike | Blob | ArrayBufferView;

function frameBytes(data: SocketData): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** Counts this page's changes to a document and the ones the server has acknowledged. */
export class SaveTracker {
  /** Local changes made (or restored from this device) so far; each one bumps it. */
  private localVersion = 0;
  /** The highest local version the server has acknowledged as committed. */
  private savedVersion = 0;
  /** For each update-carrying frame sent on the current socket, the local version it carries. */
  private carried: number[] = [];
  private stepTwoSent = false;
  private readonly listeners = new Set<() => void>();

  /** Create before the provider: the tracker must count a change before the provider sends it. */
  constructor(doc: Y.Doc) {
    doc.on("update", (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (transaction.local) this.bump();
    });
  }

  /** Changes not yet acknowledged (0 when everything is saved). */
  get unsaved(): number {
    return this.localVersion - this.savedVersion;
  }

  /** Marks the document as holding changes the server may not have: a copy restored from this device. */
  markUnconfirmed(): void {
    this.bump();
  }

  /** Calls `listener` whenever `unsaved` may have changed; returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The WebSocket class the provider should use, built on `base`. */
  socketClass(base: typeof WebSocket = WebSocket): typeof WebSocket {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the socket class reports to this tracker
    const tracker = this;
    return class TrackedSocket extends base {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        tracker.carried = [];
        tracker.stepTwoSent = false;
      }

      override send(data: SocketData): void {
        const frame = frameBytes(data);
        if (frame && carriesUpdate(frame)) {
          // The step 2 this socket is about to send carries every change made so far.
          if (frame[1] === SyncStep.update && !tracker.stepTwoSent) return;
          if (frame[1] === SyncStep.step2) tracker.stepTwoSent = true;
          tracker.carried.push(tracker.localVersion);
        }
        super.send(data);
      }
    };
  }

  /** Reads the server's "saved" messages arriving through `provider`. */
  listen(provider: WebsocketProvider): void {
    provider.messageHandlers[ConcordMessageType.saved] = (_encoder, decoder) => {
      this.acknowledged(decoding.readVarUint(decoder));
    };
  }

  private acknowledged(count: number): void {
    const carried = this.carried[count - 1];
    if (carried === undefined || carried <= this.savedVersion) return;
    this.savedVersion = carried;
    this.notify();
  }

  private bump(): void {
    this.localVersion++;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
