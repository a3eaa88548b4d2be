import WebSocket from "ws";
import * as Y from "yjs";
import { CloseCode } from "../../../shared/closeCodes";
import { Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { chairToken, invite } from "../../support/members";
import { connectStockClient, typeAtStart } from "../../support/stockClient";
import { doc, h, p } from "../../support/dsl";
import { startTestServer, syncBase } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

async function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
}

async function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  return socket;
}

describe("sync with stock y-websocket clients", () => {
  it("converges two clients editing concurrently, and gives a later client the whole document", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Pre-draft", doc: doc(h(1, "A. Introduction"), p("First."), p("Second.")) });
    const alice = await connectStockClient(server, draft.id);
    const bob = await connectStockClient(server, draft.id);
    expect(alice.paragraphs()).toEqual(["A. Introduction", "First.", "Second."]);

    const aliceText = alice.doc.getXmlFragment(TextRoot.content);
    const bobText = bob.doc.getXmlFragment(TextRoot.content);
    for (let i = 0; i < 20; i++) {
      typeAtStart(aliceText, 1, `a${i} `);
      typeAtStart(bobText, 1, `b${i} `);
      typeAtStart(bobText, 2, `c${i} `);
    }
    await waitFor(() => alice.paragraphs().join("|") === bob.paragraphs().join("|") && alice.paragraphs()[2]!.startsWith("c19"), Boolean, {
      what: "alice and bob to converge",
    });
    expect(alice.paragraphs()[1]).toMatch(/a19/);
    expect(alice.paragraphs()[1]).toMatch(/b19/);

    const carol = await connectStockClient(server, draft.id);
    expect(carol.paragraphs()).toEqual(alice.paragraphs());
    expect(carol.doc.getMap(TextRoot.meta).get("title")).toBe("Pre-draft");
  });

  it("keeps the rooms of a draft apart", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Rooms" });
    const cuba = (await invite(server, draft.id, Role.delegation, "CUB")).token;
    const text = await connectStockClient(server, draft.id, { room: Room.text, token: cuba });
    const floor = await connectStockClient(server, draft.id, { room: Room.floor, token: cuba });
    floor.doc.getMap("stances").set("CUB:p1", { stance: "object", reason: "Not yet.", at: new Date().toISOString() });
    const floorPeer = await connectStockClient(server, draft.id, { room: Room.floor });
    await waitFor(() => floorPeer.doc.getMap("stances").get("CUB:p1"), Boolean, { what: "the stance in the floor room" });
    expect(text.doc.getMap("stances").size).toBe(0);
  });

  it("relays presence between clients", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Presence" });
    const alice = await connectStockClient(server, draft.id);
    const bob = await connectStockClient(server, draft.id);
    alice.provider.awareness.setLocalStateField("user", { name: "Alice" });
    await waitFor(() => bob.provider.awareness.getStates().get(alice.doc.clientID), Boolean, { what: "alice's presence at bob" });
    alice.destroy();
    await waitFor(() => bob.provider.awareness.getStates().has(alice.doc.clientID), (present) => !present, {
      what: "alice's presence to leave",
    });
  });

  it("closes an unknown draft's socket with unknown-draft", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Exists" });
    const socket = await openSocket(`${syncBase(server, "nosuchdraft")}/${Room.text}?token=${await chairToken(server, draft.id)}`);
    expect(await closeOf(socket)).toEqual(CloseCode.unknownDraft);
  });

  it("closes a socket on an unknown message type, and one on a malformed frame", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Bad frames" });
    const url = `${syncBase(server, draft.id)}/${Room.text}?token=${await chairToken(server, draft.id)}`;
    const unknown = await openSocket(url);
    unknown.send(new Uint8Array([99, 1, 2]));
    expect(await closeOf(unknown)).toEqual(CloseCode.unknownMessageType);
    const truncated = await openSocket(url);
    truncated.send(new Uint8Array([0, 2, 200]));
    expect(await closeOf(truncated)).toEqual(CloseCode.malformedMessage);
    const text = await openSocket(url);
    text.send("hello");
    expect(await closeOf(text)).toEqual(CloseCode.malformedMessage);
  });

  it("refuses a client that binds another schema version", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Schema" });
    const socket = await openSocket(`${syncBase(server, draft.id)}/${Room.text}?schema=999&token=${await chairToken(server, draft.id)}`);
    expect(await closeOf(socket)).toEqual(CloseCode.schemaMismatch);
  });

  it("closes a client whose update bytes cannot be applied and keeps the room as stored", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Bad bytes", doc: doc(p("Kept.")) });
    const watcher = await connectStockClient(server, draft.id);
    const attacker = await openSocket(`${syncBase(server, draft.id)}/${Room.text}?token=${await chairToken(server, draft.id)}`);
    const garbage = new Uint8Array([0, 2, 6, 1, 200, 200, 200, 200, 7]);
    attacker.send(garbage);
    expect((await closeOf(attacker)).code).toBeGreaterThanOrEqual(4400);
    const late = await connectStockClient(server, draft.id);
    expect(late.paragraphs()).toEqual(["Kept."]);
    expect(watcher.paragraphs()).toEqual(["Kept."]);
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(watcher.doc));
  });
});
