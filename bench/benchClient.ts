/**
 * The benchmark's client: a lean y-websocket peer (ws + y-protocols, no provider timers) that
 * counts the bytes it receives and can be asked when a given edit arrived. The same code drives
 * Concord, the reference server and Hocuspocus (whose frames each start with the document's name,
 * after an authentication frame).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
/** Hocuspocus's authentication message, and its token sub-type. */
const MESSAGE_AUTH = 2;
const AUTH_TOKEN = 0;

/** What a light client answers a server's sync step 1 with: it holds nothing. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/** Where a client connects: a socket URL, and for Hocuspocus the document every frame names. */
export interface RoomAddress {
  url: string;
  documentName?: string;
}

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

  private documentName: string | undefined;
  /**
   * A light client only reads which clocks each update reaches (Yjs's update meta) instead of
   * applying it, so that a thousand readers cost the client process little next to the server.
   */
  private light = false;
  private readonly clocks = new Map<number, number>();

  /**
   * Opens the room (whose URL carries any token) and resolves once the first sync is done. A
   * `light` client keeps no document: it can be asked how far each writer's edits reached it.
   */
  static async connect(address: RoomAddress, initialState?: Uint8Array, { light = false } = {}): Promise<BenchClient> {
    const client = new BenchClient();
    client.light = light;
    if (initialState) Y.applyUpdate(client.doc, initialState, "snapshot");
    try {
      await client.open(address);
    } catch (error) {
      // Its awareness keeps a timer: a client that never opened must not outlive the attempt.
      client.close();
      throw error;
    }
    return client;
  }

  /** A frame's encoder, started with the document's name when the server wants it. */
  private encoder(): encoding.Encoder {
    const encoder = encoding.createEncoder();
    if (this.documentName !== undefined) encoding.writeVarString(encoder, this.documentName);
    return encoder;
  }

  private open({ url, documentName }: RoomAddress): Promise<void> {
    this.documentName = documentName;
    this.socket = new WebSocket(url, { perMessageDeflate: false });
    this.socket.binaryType = "nodebuffer";
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === this || origin === "snapshot") return;
      const encoder = this.encoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin !== "local") return;
      const encoder = this.encoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
      this.send(encoding.toUint8Array(encoder));
    });
    this.socket.on("message", (data: Buffer) => this.receive(data));
    return new Promise((resolve, reject) => {
      this.syncWaiters.push(resolve);
      this.socket.once("open", () => {
        if (this.documentName !== undefined) {
          const auth = this.encoder();
          encoding.writeVarUint(auth, MESSAGE_AUTH);
          encoding.writeVarUint(auth, AUTH_TOKEN);
          encoding.writeVarString(auth, "");
          this.send(encoding.toUint8Array(auth));
        }
        const encoder = this.encoder();
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
    if (this.documentName !== undefined) decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC && this.light) {
      this.receiveLight(decoder);
    } else if (type === MESSAGE_SYNC) {
      const encoder = this.encoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const header = encoding.length(encoder);
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > header) this.send(encoding.toUint8Array(encoder));
      if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        for (const resolve of this.syncWaiters.splice(0)) resolve();
      }
      this.onChange?.();
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  /** The next clock of `clientId` this client has: how many of its changes reached it. */
  clockOf(clientId: number): number {
    return this.light ? (this.clocks.get(clientId) ?? 0) : Y.getState(this.doc.store, clientId);
  }

  private receiveLight(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const encoder = this.encoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, EMPTY_UPDATE);
      this.send(encoding.toUint8Array(encoder));
      return;
    }
    for (const [clientId, clock] of Y.parseUpdateMeta(payload).to) if (clock > (this.clocks.get(clientId) ?? 0)) this.clocks.set(clientId, clock);
    if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) {
      this.synced = true;
      for (const resolve of this.syncWaiters.splice(0)) resolve();
    }
    this.onChange?.();
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
