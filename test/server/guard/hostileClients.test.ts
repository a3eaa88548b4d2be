/**
 * Hostile and broken clients: forged client ids, records that break their schema, mangled update
 * bytes, spoofed presence, revoked members and clients that exceed the socket limits.
 */
import fc from "fast-check";
import WebSocket from "ws";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CloseCode } from "../../../shared/closeCodes";
import { FloorRoot, Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import type { ConcordServer } from "../../../server/ConcordServer";
import { TOKEN_PARAM } from "../../../server/identity/authenticate";
import { SqliteStorage } from "../../../server/storage/SqliteStorage";
import { MAX_BYTES_BEFORE_READY, MAX_MESSAGE_BYTES, MESSAGE_BURST } from "../../../server/sync/socketLimits";
import { attack, openRaw, updateFrame } from "../../support/attacker";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer, syncBase, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const at = "2026-11-23T09:00:00.000Z";
const anchor = { pid: "p1", quote: "words", prefix: "", suffix: "" };
const proposal = { kind: "insert", anchor, text: "new words", createdAt: at };

/** The room's document as the server holds it, and as its stored log rebuilds it. */
async function liveAndStored(server: ConcordServer, draftId: string, room: Room = Room.text): Promise<[Y.Doc, Y.Doc]> {
  const live = new Y.Doc();
  Y.applyUpdate(live, (await server.rooms.open(draftId, room))!.encodedState());
  const stored = new Y.Doc();
  for (const { update } of await server.storage.loadUpdates(draftId, room)) Y.applyUpdate(stored, update);
  return [live, stored];
}

function sameDoc(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) &&
    a.getXmlFragment(TextRoot.content).toString() === b.getXmlFragment(TextRoot.content).toString() &&
    JSON.stringify(a.getMap(TextRoot.proposals).toJSON()) === JSON.stringify(b.getMap(TextRoot.proposals).toJSON());
}

async function draftWithMembers() {
  const server = await startTestServer();
  const draft = await server.drafts.create({ title: "Hostile", doc: doc(p("The Group recalled its mandate.")) });
  const chair = await invite(server, draft.id, Role.chair);
  const cub = await invite(server, draft.id, Role.delegation, "CUB");
  const slv = await invite(server, draft.id, Role.delegation, "SLV");
  return { server, draftId: draft.id, chair, cub, slv };
}

/** An update made on a copy of the room's state by a document with the given client id. */
async function updateAs(server: ConcordServer, draftId: string, clientId: number | null, change: (doc: Y.Doc) => void, room: Room = Room.text) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, (await server.rooms.open(draftId, room))!.encodedState());
  // Set after loading: Yjs gives a document a new id when an update shows its id in use elsewhere.
  if (clientId !== null) copy.clientID = clientId;
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

describe("hostile clients", () => {
  it("refuses an update forged with another principal's client id, and the victim's later edits still arrive", async () => {
    const { server, draftId, chair, cub, slv } = await draftWithMembers();
    const watcher = await connectStockClient(server, draftId, { token: chair.token });
    const victim = await connectStockClient(server, draftId, { token: cub.token });
    victim.doc.getMap(TextRoot.proposals).set("CUB:first", proposal);
    await waitFor(() => watcher.doc.getMap(TextRoot.proposals).has("CUB:first"));

    const forged = await updateAs(server, draftId, victim.doc.clientID, (copy) => copy.getMap(TextRoot.proposals).set("SLV:forged", proposal));
    const verdict = await attack(server, draftId, Room.text, slv.token, forged);
    expect(verdict).toMatchObject({ code: CloseCode.clientIdTaken.code });

    victim.doc.getMap(TextRoot.proposals).set("CUB:second", { ...proposal, text: "later words" });
    await waitFor(() => watcher.doc.getMap(TextRoot.proposals).has("CUB:second"), Boolean, { what: "the victim's later edit" });
    expect(watcher.doc.getMap(TextRoot.proposals).has("SLV:forged")).toBe(false);
  });

  it.each([
    ["a wrong type", { ...proposal, text: 42 }, /text/],
    ["an oversized text", { ...proposal, text: "x".repeat(5001) }, /text/],
    ["an unknown field", { ...proposal, sneaky: true }, /sneaky|additional/],
    ["a missing field", { kind: "insert", anchor, text: "words" }, /createdAt/],
    ["a __proto__ key", JSON.parse(`{"__proto__": {"polluted": true}, "kind": "insert", "anchor": ${JSON.stringify(anchor)}, "text": "w", "createdAt": "${at}"}`), /prototype|__proto__/],
  ])("refuses a proposal with %s, with a reason naming it", async (_name, value, reason) => {
    const { server, draftId, chair, cub } = await draftWithMembers();
    const watcher = await connectStockClient(server, draftId, { token: chair.token });
    const update = await updateAs(server, draftId, null, (copy) => copy.getMap(TextRoot.proposals).set("CUB:bad", value));
    const verdict = await attack(server, draftId, Room.text, cub.token, update);
    expect(verdict?.code).toBe(CloseCode.invalidRecord.code);
    expect(verdict?.reason).toMatch(/^invalid-record: /);
    expect(verdict?.reason).toMatch(reason);
    expect(watcher.doc.getMap(TextRoot.proposals).has("CUB:bad")).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a stance objecting without a reason", async () => {
    const { server, draftId, cub } = await draftWithMembers();
    const update = await updateAs(server, draftId, null, (copy) => copy.getMap(FloorRoot.stances).set("CUB:p1", { stance: "object", at }), Room.floor);
    const verdict = await attack(server, draftId, Room.floor, cub.token, update);
    expect(verdict?.code).toBe(CloseCode.invalidRecord.code);
    expect(verdict?.reason).toMatch(/reason/);
  });

  it("survives truncated and mutated update bytes: the room stays as stored and nothing bad reaches others", async () => {
    const { server, draftId, chair } = await draftWithMembers();
    const watcher = await connectStockClient(server, draftId, { token: chair.token });
    const valid = await updateAs(server, draftId, null, (copy) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.setAttribute("pid", "pmutant");
      paragraph.insert(0, [new Y.XmlText("A paragraph the chair adds.")]);
      copy.getXmlFragment(TextRoot.content).insert(1, [paragraph]);
      copy.getMap(TextRoot.meta).set("revision", "Rev.1");
    });
    const mutation = fc.oneof(
      fc.integer({ min: 0, max: valid.length - 1 }).map((cut) => valid.slice(0, cut)),
      fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }).map((flips) => {
        const bytes = valid.slice();
        for (const [index, byte] of flips) bytes[index] = byte;
        return bytes;
      }),
      fc.tuple(fc.nat(valid.length), fc.uint8Array({ minLength: 1, maxLength: 12 })).map(([index, extra]) => {
        const bytes = new Uint8Array(valid.length + extra.length);
        bytes.set(valid.slice(0, index));
        bytes.set(extra, index);
        bytes.set(valid.slice(index), index + extra.length);
        return bytes;
      }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (bytes) => {
        const raw = await openRaw(server, draftId, Room.text, chair.token);
        raw.socket.send(updateFrame(bytes));
        await raw.verdict(60);
        raw.socket.terminate();
        expect((await fetch(`${server.url}/health`)).status).toBe(200);
        const [live, stored] = await liveAndStored(server, draftId);
        expect(sameDoc(live, stored)).toBe(true);
        await waitFor(() => sameDoc(watcher.doc, stored), Boolean, { what: "the watcher to hold exactly the stored room" });
      }),
      { numRuns: 120 },
    );
  });

  it("closes a revoked delegate's socket within a second and refuses it afterwards", async () => {
    const { server, draftId, chair, cub } = await draftWithMembers();
    const raw = await openRaw(server, draftId, Room.text, cub.token);
    const started = Date.now();
    const response = await fetch(`${server.url}/api/drafts/${draftId}/members/${cub.membership.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${chair.token}` },
    });
    expect(response.status).toBe(200);
    const verdict = await raw.verdict(1000);
    expect(verdict?.code).toBe(CloseCode.accessRevoked.code);
    expect(Date.now() - started).toBeLessThan(1000);

    const again = await openRaw(server, draftId, Room.text, cub.token);
    expect((await again.verdict(1000))?.code).toBe(CloseCode.roomForbidden.code);
    expect((await fetch(`${server.url}/api/drafts/${draftId}`, { headers: { authorization: `Bearer ${cub.token}` } })).status).toBe(403);
  });

  it("closes a member's socket when the chair changes its role, and the new role applies", async () => {
    const { server, draftId, chair, cub } = await draftWithMembers();
    const raw = await openRaw(server, draftId, Room.floor, cub.token);
    const response = await fetch(`${server.url}/api/drafts/${draftId}/members/${cub.membership.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${chair.token}`, "content-type": "application/json" },
      body: JSON.stringify({ role: "observer" }),
    });
    expect(response.status).toBe(200);
    expect((await raw.verdict(1000))?.code).toBe(CloseCode.accessRevoked.code);
    expect((await (await openRaw(server, draftId, Room.floor, cub.token)).verdict(1000))?.code).toBe(CloseCode.roomForbidden.code);
  });

  it("relays a spoofed presence with the identity the server knows", async () => {
    const { server, draftId, chair, cub } = await draftWithMembers();
    const watcher = await connectStockClient(server, draftId, { token: chair.token });
    const spoofer = await connectStockClient(server, draftId, { token: cub.token });
    spoofer.provider.awareness.setLocalStateField("user", { name: "Chair", role: "chair", state: "SLV", color: "red; background:url(x)" });
    const seen = await waitFor(
      () => watcher.provider.awareness.getStates().get(spoofer.doc.clientID)?.user as Record<string, unknown> | undefined,
      Boolean,
      { what: "the spoofer's presence" },
    );
    expect(seen).toEqual({ name: cub.user.name, role: "delegation", state: "CUB", color: expect.any(String) });
    expect(seen!.color).not.toMatch(/url/);
  });

  it("does not let one connection speak for another's presence", async () => {
    const { server, draftId, chair, cub } = await draftWithMembers();
    const watcher = await connectStockClient(server, draftId, { token: chair.token });
    const honest = await connectStockClient(server, draftId, { token: chair.token });
    honest.provider.awareness.setLocalStateField("cursor", "here");
    await waitFor(() => watcher.provider.awareness.getStates().get(honest.doc.clientID)?.cursor === "here");

    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.clientID = honest.doc.clientID;
    fake.setLocalState({ cursor: "hijacked" });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(fake, [fake.clientID], new Map([[fake.clientID, { clock: 99, lastUpdated: 0 }]])));
    fake.destroy();
    const raw = await openRaw(server, draftId, Room.text, cub.token);
    raw.socket.send(encoding.toUint8Array(encoder));
    honest.provider.awareness.setLocalStateField("cursor", "still mine");
    await waitFor(() => watcher.provider.awareness.getStates().get(honest.doc.clientID)?.cursor === "still mine");
    expect(watcher.provider.awareness.getStates().get(honest.doc.clientID)?.cursor).toBe("still mine");
  });

  it("counts observers in presence instead of showing them", async () => {
    const { server, draftId, chair } = await draftWithMembers();
    const watcher = await connectStockClient(server, draftId, { token: chair.token });
    const observer = await invite(server, draftId, Role.observer);
    const follower = await connectStockClient(server, draftId, { token: observer.token });
    follower.provider.awareness.setLocalStateField("user", { name: "Observer" });
    await waitFor(
      () => Array.from(watcher.provider.awareness.getStates().values()).some((state) => (state as { observers?: number }).observers === 1),
      Boolean,
      { what: "the observer count" },
    );
    expect(watcher.provider.awareness.getStates().has(follower.doc.clientID)).toBe(false);
  });
});

describe("socket limits", () => {
  it(`closes a socket that sends a frame above MAX_MESSAGE_BYTES (${MAX_MESSAGE_BYTES} bytes)`, async () => {
    const { server, draftId, chair } = await draftWithMembers();
    const raw = await openRaw(server, draftId, Room.text, chair.token);
    raw.socket.send(new Uint8Array(MAX_MESSAGE_BYTES + 1));
    const verdict = await raw.verdict(3000);
    expect(verdict?.code).toBe(CloseCode.messageTooLarge.code);
    expect(verdict?.reason).toMatch(/^message-too-large: /);
  });

  it(`closes a socket that sends faster than the message rate allows (burst ${MESSAGE_BURST})`, async () => {
    const { server, draftId, chair } = await draftWithMembers();
    const raw = await openRaw(server, draftId, Room.text, chair.token);
    for (let i = 0; i < MESSAGE_BURST * 2 && raw.socket.readyState === raw.socket.OPEN; i++) raw.socket.send(new Uint8Array([3]));
    expect((await raw.verdict(3000))?.code).toBe(CloseCode.rateLimited.code);
  });

  it(`closes a socket that sends more than MAX_BYTES_BEFORE_READY (${MAX_BYTES_BEFORE_READY}) before its room is ready`, async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const storage = new (class extends SqliteStorage {
      override async loadUpdates(...args: Parameters<SqliteStorage["loadUpdates"]>) {
        await gate;
        return super.loadUpdates(...args);
      }
    })(tempDataDir());
    const server = await startTestServer({ storage });
    const draft = await server.drafts.create({ title: "Slow to load" });
    const chair = await invite(server, draft.id, Role.chair);
    const socket = new WebSocket(`${syncBase(server, draft.id)}/${Room.text}?${TOKEN_PARAM}=${chair.token}`);
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    await new Promise((resolve) => socket.once("open", resolve));
    const chunk = new Uint8Array(256 * 1024);
    for (let sent = 0; sent <= MAX_BYTES_BEFORE_READY; sent += chunk.byteLength) socket.send(chunk);
    expect(await closed).toBe(CloseCode.messageTooLarge.code);
    release();
  });
});
