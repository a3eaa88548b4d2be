/**
 * Who may speak for a presence (awareness) state: never a client for the server's own entry, for a
 * client id another principal wrote with, or for an id it has not proven; and the client id that
 * wrote an imported draft's base text is the server's, for updates and presence alike.
 */
import * as Y from "yjs";
import { CloseCode } from "../../../shared/closeCodes";
import { Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import type { ConcordServer } from "../../../server/ConcordServer";
import { MAX_PRESENCE_CLIENTS_PER_CONNECTION } from "../../../server/sync/socketLimits";
import { attack, openRaw, presenceFrame, updateFrame, type RawClient } from "../../support/attacker";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient, type StockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const at = "2026-11-23T09:00:00.000Z";
const proposal = { kind: "insert", anchor: { pid: "p1", quote: "words", prefix: "", suffix: "" }, text: "new words", createdAt: at };

async function draftWithMembers() {
  const server = await startTestServer();
  const draft = await server.drafts.create({ title: "Presence", doc: doc(p("The Group recalled its mandate.")) });
  const chair = await invite(server, draft.id, Role.chair);
  const cub = await invite(server, draft.id, Role.delegation, "CUB");
  const slv = await invite(server, draft.id, Role.delegation, "SLV");
  const watcher = await connectStockClient(server, draft.id, { token: chair.token });
  return { server, draftId: draft.id, chair, cub, slv, watcher };
}

/** An update made on a copy of the room's state by a document with client id `clientId`. */
async function updateAs(server: ConcordServer, draftId: string, clientId: number, change: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, (await server.rooms.open(draftId, Room.text))!.encodedState());
  copy.clientID = clientId;
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

/**
 * Sends a presence state for a fresh client id after whatever `raw` sent before, and waits until
 * the watcher shows it: frames are handled in order, so everything sent earlier has been judged.
 */
async function afterEarlierFrames(raw: RawClient, watcher: StockClient): Promise<void> {
  const sentinel = 900_000_000 + Math.floor(Math.random() * 1000);
  raw.socket.send(presenceFrame([[sentinel, 1, { cursor: "sentinel" }]]));
  await waitFor(() => watcher.provider.awareness.getStates().has(sentinel), Boolean, { what: "the sentinel presence" });
}

describe("presence ownership", () => {
  it("refuses a client's overwrite of the server's own presence entry", async () => {
    const { server, draftId, cub, watcher } = await draftWithMembers();
    const observer = await invite(server, draftId, Role.observer);
    await connectStockClient(server, draftId, { token: observer.token });
    const serverId = await waitFor(
      () => Array.from(watcher.provider.awareness.getStates()).find(([, state]) => (state as { observers?: number }).observers === 1)?.[0],
      (clientId) => clientId !== undefined,
      { what: "the server's observer count" },
    );
    const clock = watcher.provider.awareness.meta.get(serverId!)!.clock;

    const raw = await openRaw(server, draftId, Room.text, cub.token);
    raw.socket.send(presenceFrame([[serverId!, clock + 10, { observers: 99 }]]));
    await afterEarlierFrames(raw, watcher);
    expect(watcher.provider.awareness.getStates().get(serverId!)).toEqual({ observers: 1 });
  });

  it("refuses presence for a client id another principal wrote with, though it never showed presence", async () => {
    const { server, draftId, cub, slv, watcher } = await draftWithMembers();
    const victimId = 123_456_789;
    // The victim writes over a raw socket that never sends presence, so no connection speaks for its id.
    const victim = await openRaw(server, draftId, Room.text, slv.token);
    victim.socket.send(updateFrame(await updateAs(server, draftId, victimId, (copy) => copy.getMap(TextRoot.proposals).set("SLV:first", proposal))));
    await waitFor(() => watcher.doc.getMap(TextRoot.proposals).has("SLV:first"), Boolean, { what: "the victim's proposal" });

    const squatter = await openRaw(server, draftId, Room.text, cub.token);
    squatter.socket.send(presenceFrame([[victimId, 1, { cursor: "squatted" }]]));
    await afterEarlierFrames(squatter, watcher);
    expect(watcher.provider.awareness.getStates().has(victimId)).toBe(false);
  });

  it("refuses presence for a client id another principal spoke for, after that principal's connection dropped", async () => {
    const { server, draftId, cub, slv, watcher } = await draftWithMembers();
    const victim = await connectStockClient(server, draftId, { token: slv.token });
    const victimId = victim.doc.clientID;
    victim.provider.awareness.setLocalStateField("cursor", "here");
    await waitFor(() => watcher.provider.awareness.getStates().has(victimId), Boolean, { what: "the victim's presence" });
    victim.destroy();
    await waitFor(() => watcher.provider.awareness.getStates().has(victimId), (present) => !present, { what: "the victim to leave" });

    const squatter = await openRaw(server, draftId, Room.text, cub.token);
    squatter.socket.send(presenceFrame([[victimId, 99, { cursor: "squatted" }]]));
    await afterEarlierFrames(squatter, watcher);
    expect(watcher.provider.awareness.getStates().has(victimId)).toBe(false);
  });

  it("lets a connection speak for the first client id it announces and for ids its own updates used, and for no other", async () => {
    const { server, draftId, cub, watcher } = await draftWithMembers();
    const [first, unproven, written] = [111_111_111, 222_222_222, 333_333_333];
    const raw = await openRaw(server, draftId, Room.text, cub.token);
    raw.socket.send(presenceFrame([[first, 1, { cursor: "first" }]]));
    raw.socket.send(presenceFrame([[unproven, 1, { cursor: "unproven" }]]));
    raw.socket.send(updateFrame(await updateAs(server, draftId, written, (copy) => copy.getMap(TextRoot.proposals).set("CUB:mine", proposal))));
    raw.socket.send(presenceFrame([[written, 1, { cursor: "written" }]]));
    await waitFor(() => watcher.provider.awareness.getStates().get(written)?.cursor, (cursor) => cursor === "written", { what: "the proven id's presence" });
    expect(watcher.provider.awareness.getStates().get(first)?.cursor).toBe("first");
    expect(watcher.provider.awareness.getStates().has(unproven)).toBe(false);
  });

  it(`lets a connection speak for no more than MAX_PRESENCE_CLIENTS_PER_CONNECTION (${MAX_PRESENCE_CLIENTS_PER_CONNECTION}) client ids, proven or not`, async () => {
    const { server, draftId, cub, watcher } = await draftWithMembers();
    const ids = Array.from({ length: MAX_PRESENCE_CLIENTS_PER_CONNECTION + 2 }, (_, i) => 444_000_000 + i);
    const raw = await openRaw(server, draftId, Room.text, cub.token);
    for (const [i, clientId] of ids.entries()) {
      raw.socket.send(updateFrame(await updateAs(server, draftId, clientId, (copy) => copy.getMap(TextRoot.proposals).set(`CUB:p${i}`, proposal))));
    }
    await waitFor(() => watcher.doc.getMap(TextRoot.proposals).size, (size) => size === ids.length, { what: "every update" });
    raw.socket.send(presenceFrame(ids.map((clientId) => [clientId, 1, { cursor: clientId }])));
    await waitFor(() => watcher.provider.awareness.getStates().has(ids[0]!), Boolean, { what: "the first id's presence" });
    expect(ids.filter((clientId) => watcher.provider.awareness.getStates().has(clientId))).toEqual(ids.slice(0, MAX_PRESENCE_CLIENTS_PER_CONNECTION));
  });

  it("keeps stock clients' presence flowing both ways although each echoes the other's", async () => {
    const { server, draftId, cub, watcher } = await draftWithMembers();
    const delegate = await connectStockClient(server, draftId, { token: cub.token });
    delegate.provider.awareness.setLocalStateField("cursor", "delegate");
    watcher.provider.awareness.setLocalStateField("cursor", "chair");
    await waitFor(() => watcher.provider.awareness.getStates().get(delegate.doc.clientID)?.cursor === "delegate", Boolean, { what: "the delegate's caret" });
    await waitFor(() => delegate.provider.awareness.getStates().get(watcher.doc.clientID)?.cursor === "chair", Boolean, { what: "the chair's caret" });
    delegate.provider.awareness.setLocalStateField("cursor", "moved");
    await waitFor(() => watcher.provider.awareness.getStates().get(delegate.doc.clientID)?.cursor === "moved", Boolean, { what: "the delegate's moved caret" });
  });

  describe("an imported draft's base text", () => {
    async function importedDraft() {
      const members = await draftWithMembers();
      const [first] = await members.server.storage.loadUpdates(members.draftId, Room.text);
      const [importerId] = Array.from(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(first!.update)).keys());
      return { ...members, importerId: importerId! };
    }

    it("refuses a delegation's update written with the client id that wrote the base text", async () => {
      const { server, draftId, cub, watcher, importerId } = await importedDraft();
      const update = await updateAs(server, draftId, importerId, (copy) => copy.getMap(TextRoot.proposals).set("CUB:taken", proposal));
      expect(await attack(server, draftId, Room.text, cub.token, update)).toMatchObject({ code: CloseCode.clientIdTaken.code });
      expect(watcher.doc.getMap(TextRoot.proposals).has("CUB:taken")).toBe(false);
    });

    it("refuses a delegation's presence for the client id that wrote the base text", async () => {
      const { server, draftId, cub, watcher, importerId } = await importedDraft();
      const raw = await openRaw(server, draftId, Room.text, cub.token);
      raw.socket.send(presenceFrame([[importerId, 1, { cursor: "importer" }]]));
      await afterEarlierFrames(raw, watcher);
      expect(watcher.provider.awareness.getStates().has(importerId)).toBe(false);
    });
  });
});
