/**
 * The benchmark's client: a lean y-websocket peer (ws + y-protocols, no provider timers) that
 * counts the bytes it receives and can be asked when a given edit arrived. The same code drives
 * Concord and the reference server.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

/** One connected peer. */
export class BenchClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  bytesReceived = 0;
  synced = false;
  private socket!: WebSocket;
  private readonly syncWaiters: Array<() => void> = [];
  /** Called after every message that changed the document. */
  onChange: (() => void) | null = null;

  /** Opens `url` (which carries any token) and resolves once the first sync is done. */
  static async connect(url: string, initialState?: Uint8Array): Promise<BenchClient> {
    const client = new BenchClient();
    if (initialState) Y.applyUpdate(client.doc, initialState, "snapshot");
    await client.open(url);
    return client;
  }

  private open(url: string): Promise<void> {
    this.socket = new WebSocket(url, { perMessageDeflate: false });
    this.socket.binaryType = "nodebuffer";
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === this || origin === "snapshot") return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin !== "local") return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
      this.send(encoding.toUint8Array(encoder));
    });
    this.socket.on("message", (data: Buffer) => this.receive(data));
    return new Promise((resolve, reject) => {
      this.syncWaiters.push(resolve);
      this.socket.once("open", () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        this.send(encoding.toUint8Array(encoder));
      });
      this.socket.once("error", reject);
      this.socket.once("close", (code, reason) => {
        if (!this.synced) reject(new Error(`Closed before sync: ${code} ${reason.toString()}`));
      });
    });
  }

  private receive(data: Buffer): void {
    this.bytesReceived += data.byteLength;
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        for (const resolve of this.syncWaiters.splice(0)) resolve();
      }
      this.onChange?.();
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  private send(frame: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame);
  }

  /** Closes the socket and frees the document. */
  close(): void {
    this.socket.terminate();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
