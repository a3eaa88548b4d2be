/**
 * The save tracker: a change is saved only when the frame carrying it is acknowledged, and sync
 * updates wait for the socket's step 2, which carries them.
 */
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { SaveTracker } from "../../../client/connection/saveTracker";
import { ConcordMessageType, MessageType } from "../../../shared/syncProtocol";

/** A socket that records what it is asked to send. */
class RecordingSocket {
  static sent: Uint8Array[] = [];
  constructor(_url: string | URL, _protocols?: string | string[]) {}
  send(data: Uint8Array): void {
    RecordingSocket.sent.push(data);
  }
}

function step2(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep2(encoder, doc);
  return encoding.toUint8Array(encoder);
}

function update(change: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, change);
  return encoding.toUint8Array(encoder);
}

/** A tracker on a document, with its socket class and a fake provider to deliver "saved" counts. */
function setUp() {
  RecordingSocket.sent = [];
  const doc = new Y.Doc();
  const tracker = new SaveTracker(doc);
  const Socket = tracker.socketClass(RecordingSocket as unknown as typeof WebSocket);
  const provider = { messageHandlers: [] as Array<(encoder: unknown, decoder: unknown) => void> };
  tracker.listen(provider as unknown as WebsocketProvider);
  const acknowledge = (count: number) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, count);
    provider.messageHandlers[ConcordMessageType.saved]!(null, { arr: encoding.toUint8Array(encoder), pos: 0 });
  };
  return { doc, tracker, Socket, acknowledge };
}

describe("the save tracker", () => {
  it("counts a change saved only once the frame carrying it is acknowledged", () => {
    const { doc, tracker, Socket, acknowledge } = setUp();
    const socket = new Socket("ws://concord.invalid");
    socket.send(step2(doc));
    expect(tracker.unsaved).toBe(0);

    const changes: Uint8Array[] = [];
    doc.on("update", (change: Uint8Array) => changes.push(change));
    doc.getMap("meta").set("title", "One");
    socket.send(update(changes[0]!));
    doc.getMap("meta").set("title", "Two");
    socket.send(update(changes[1]!));
    expect(tracker.unsaved).toBe(2);

    acknowledge(1); // the step 2
    expect(tracker.unsaved).toBe(2);
    acknowledge(2);
    expect(tracker.unsaved).toBe(1);
    acknowledge(3);
    expect(tracker.unsaved).toBe(0);
  });

  it("changes from the server or this device's store are not this page's; a restored copy stays unconfirmed until a step 2 is acknowledged", () => {
    const { doc, tracker, Socket, acknowledge } = setUp();
    const server = new Y.Doc();
    server.getMap("meta").set("title", "From the server");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), "provider");
    expect(tracker.unsaved).toBe(0);

    tracker.markUnconfirmed();
    expect(tracker.unsaved).toBe(1);
    const socket = new Socket("ws://concord.invalid");
    socket.send(step2(doc));
    acknowledge(1);
    expect(tracker.unsaved).toBe(0);
  });

  it("holds back updates on a new socket until its step 2, which carries them, and counts from 1 again", () => {
    const { doc, tracker, Socket, acknowledge } = setUp();
    const changes: Uint8Array[] = [];
    doc.on("update", (change: Uint8Array) => changes.push(change));
    const first = new Socket("ws://concord.invalid");
    first.send(step2(doc));

    const second = new Socket("ws://concord.invalid");
    RecordingSocket.sent = [];
    doc.getMap("meta").set("title", "Typed while reconnecting");
    second.send(update(changes[0]!));
    expect(RecordingSocket.sent).toEqual([]);
    second.send(step2(doc));
    expect(RecordingSocket.sent).toHaveLength(1);
    acknowledge(1);
    expect(tracker.unsaved).toBe(0);
  });
});
