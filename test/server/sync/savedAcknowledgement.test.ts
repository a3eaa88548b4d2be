/**
 * "Saved" (schemas/PROTOCOL.md): the server tells Concord's client how many of its update frames
 * are committed, only once they are; stock clients never receive the message.
 */
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { MetaKey, Room, SCHEMA_VERSION, TextRoot } from "../../../shared/documentLayout";
import { ConcordMessageType, SCHEMA_VERSION_PARAM } from "../../../shared/syncProtocol";
import { TOKEN_PARAM } from "../../../server/identity/authenticate";
import { updateFrame } from "../../support/attacker";
import { onTestEnd } from "../../support/cleanup";
import { GatedStorage } from "../../support/gatedStorage";
import { chairToken } from "../../support/members";
import { startTestServer, syncBase, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

/** A raw socket on the text room that records the "saved" counts it receives. */
async function rawClient(url: string, token: string, asConcord: boolean) {
  const params = new URLSearchParams({ [TOKEN_PARAM]: token });
  if (asConcord) params.set(SCHEMA_VERSION_PARAM, String(SCHEMA_VERSION));
  const socket = new WebSocket(`${url}/${Room.text}?${params}`);
  onTestEnd(() => socket.terminate());
  const saved: number[] = [];
  socket.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === ConcordMessageType.saved) saved.push(decoding.readVarUint(decoder));
  });
  await new Promise((resolve) => socket.once("message", resolve));
  return { socket, saved };
}

/** An update from a fresh chair's document setting the title. */
function titleUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap(TextRoot.meta).set(MetaKey.title, title);
  return Y.encodeStateAsUpdate(doc);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the saved acknowledgement", () => {
  it("tells Concord's client its frames are saved only once they are committed, in order", async () => {
    const storage = new GatedStorage(tempDataDir());
    const server = await startTestServer({ storage });
    const draft = await server.drafts.create({ title: "Saved" });
    const client = await rawClient(syncBase(server, draft.id), await chairToken(server, draft.id), true);

    storage.shut();
    const first = titleUpdate("One");
    client.socket.send(updateFrame(first));
    client.socket.send(updateFrame(titleUpdate("Two")));
    await pause(400);
    expect(client.saved).toEqual([]);

    storage.open();
    await waitFor(() => client.saved, (saved) => saved.length === 2, { what: "both frames acknowledged" });
    expect(client.saved).toEqual([1, 2]);
    expect((await storage.loadUpdates(draft.id, Room.text)).length).toBeGreaterThanOrEqual(2);

    // An update the room already holds changes nothing, and is acknowledged all the same.
    client.socket.send(updateFrame(first));
    await waitFor(() => client.saved, (saved) => saved.length === 3, { what: "the repeated frame acknowledged" });
    expect(client.saved).toEqual([1, 2, 3]);
  });

  it("does not acknowledge a frame whose changes the room holds only from a commit still in flight", async () => {
    const storage = new GatedStorage(tempDataDir());
    const server = await startTestServer({ storage });
    const draft = await server.drafts.create({ title: "Saved" });
    const token = await chairToken(server, draft.id);
    const first = await rawClient(syncBase(server, draft.id), token, true);
    const room = (await server.rooms.open(draft.id, Room.text))!;
    // Written over the room's state, so that it replaces the title rather than racing it.
    const writer = new Y.Doc();
    Y.applyUpdate(writer, room.encodedState());
    const before = Y.encodeStateVector(writer);
    writer.getMap(TextRoot.meta).set(MetaKey.title, "In flight");
    const update = Y.encodeStateAsUpdate(writer, before);
    storage.shut();
    first.socket.send(updateFrame(update));
    await waitFor(() => room.document.getMap(TextRoot.meta).get(MetaKey.title), (title) => title === "In flight", { what: "the update applied, its commit held" });

    // The same client back on a new socket (its first dropped) sends what the room holds already.
    const again = await rawClient(syncBase(server, draft.id), token, true);
    again.socket.send(updateFrame(update));
    await pause(400);
    expect(again.saved).toEqual([]);

    storage.open();
    await waitFor(() => again.saved, (saved) => saved.length === 1, { what: "the frame acknowledged once the commit is through" });
  });

  it("is never sent to a stock client", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Stock" });
    const stock = await rawClient(syncBase(server, draft.id), await chairToken(server, draft.id), false);
    stock.socket.send(updateFrame(titleUpdate("From a stock client")));
    await waitFor(async () => (await server.storage.loadUpdates(draft.id, Room.text)).length, (rows) => rows > 0, { what: "the commit" });
    await pause(200);
    expect(stock.saved).toEqual([]);
  });
});
