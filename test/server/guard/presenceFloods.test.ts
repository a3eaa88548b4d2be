/**
 * Presence floods and readers that stop reading: each presence limit of `server/sync/socketLimits.ts`
 * closes the flooding socket with `presence-flood`, and a reader that falls behind first goes
 * without presence, then is closed with `slow-reader`.
 */
import * as Y from "yjs";
import { CloseCode } from "../../../shared/closeCodes";
import { MessageType } from "../../../shared/syncProtocol";
import { Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import {
  MAX_PRESENCE_ENTRIES_PER_FRAME,
  MAX_QUEUED_BYTES,
  PRESENCE_BYTE_BURST,
  PRINCIPAL_PRESENCE_BYTE_BURST,
} from "../../../server/sync/socketLimits";
import { openRaw, presenceFrame, updateFrame, type PresenceEntry } from "../../support/attacker";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

async function draftWithMembers() {
  const server = await startTestServer();
  const draft = await server.drafts.create({ title: "Flooded", doc: doc(p("The Group recalled its mandate.")) });
  const chair = await invite(server, draft.id, Role.chair);
  const cub = await invite(server, draft.id, Role.delegation, "CUB");
  const slv = await invite(server, draft.id, Role.delegation, "SLV");
  return { server, draftId: draft.id, chair, cub, slv };
}

/** `count` entries for one client id whose states take about `bytes` bytes in all. */
function bulkyEntries(clientId: number, count: number, bytes: number): PresenceEntry[] {
  const padding = "x".repeat(Math.floor(bytes / count));
  return Array.from({ length: count }, (_, i) => [clientId, i + 1, { padding }]);
}

describe("presence floods", () => {
  it(`closes a socket whose presence frame carries more than MAX_PRESENCE_ENTRIES_PER_FRAME (${MAX_PRESENCE_ENTRIES_PER_FRAME}) entries`, async () => {
    const { server, draftId, cub } = await draftWithMembers();
    const raw = await openRaw(server, draftId, Room.text, cub.token);
    raw.socket.send(presenceFrame(Array.from({ length: MAX_PRESENCE_ENTRIES_PER_FRAME + 1 }, (_, i) => [1000 + i, 1, {}])));
    const verdict = await raw.verdict(3000);
    expect(verdict?.code).toBe(CloseCode.presenceFlood.code);
    expect(verdict?.reason).toMatch(/^presence-flood: .*entries/);
  });

  it(`closes a socket that sends more presence bytes than its budget (burst ${PRESENCE_BYTE_BURST})`, async () => {
    const { server, draftId, cub } = await draftWithMembers();
    const raw = await openRaw(server, draftId, Room.text, cub.token);
    raw.socket.send(presenceFrame(bulkyEntries(4242, 100, PRESENCE_BYTE_BURST + 64 * 1024)));
    const verdict = await raw.verdict(3000);
    expect(verdict?.code).toBe(CloseCode.presenceFlood.code);
    expect(verdict?.reason).toMatch(/bytes of presence a second$/);
  });

  it(`closes the socket that takes a principal's sockets together past the principal's budget (burst ${PRINCIPAL_PRESENCE_BYTE_BURST}), and no other principal's`, async () => {
    const { server, draftId, cub, slv } = await draftWithMembers();
    const share = Math.floor(PRESENCE_BYTE_BURST * 0.9);
    const sockets = Math.ceil(PRINCIPAL_PRESENCE_BYTE_BURST / share) + 1;
    const flooders = await Promise.all(Array.from({ length: sockets }, () => openRaw(server, draftId, Room.text, cub.token)));
    const bystander = await openRaw(server, draftId, Room.text, slv.token);
    flooders.forEach((raw, i) => raw.socket.send(presenceFrame(bulkyEntries(5000 + i, 60, share))));
    bystander.socket.send(presenceFrame(bulkyEntries(6000, 60, share)));
    // The socket whose frame overdraws the shared budget is closed, though its own budget had room.
    const first = await Promise.race(flooders.map((raw) => raw.verdict(10_000)));
    expect(first?.code).toBe(CloseCode.presenceFlood.code);
    expect(first?.reason).toMatch(/state:CUB$/);
    expect(await bystander.verdict(0)).toBeNull();
  });

  it(`stops sending presence to a reader that does not read, then closes it once MAX_QUEUED_BYTES (${MAX_QUEUED_BYTES}) wait for it`, async () => {
    const { server, draftId, chair, cub } = await draftWithMembers();
    const room = (await server.rooms.open(draftId, Room.text))!;
    const reader = await openRaw(server, draftId, Room.text, cub.token);
    reader.socket.pause();
    const writer = await openRaw(server, draftId, Room.text, chair.token);
    const mover = await connectStockClient(server, draftId, { token: chair.token });
    const chunk = "y".repeat(2 * 1024 * 1024);
    const presenceSeen = () => writer.received.filter((frame) => frame[0] === MessageType.awareness).length;

    let moves = 0;
    for (let i = 0; i < 40 && room.peers.size === 3; i++) {
      // A caret move, then a large change to the text, each relayed before the next is made.
      const seen = presenceSeen();
      mover.provider.awareness.setLocalStateField("cursor", ++moves);
      await waitFor(presenceSeen, (count) => count > seen, { what: "the caret move relayed" });
      const copy = new Y.Doc();
      Y.applyUpdate(copy, room.encodedState());
      const before = Y.encodeStateVector(copy);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.setAttribute("pid", `pbulk${i}`);
      paragraph.insert(0, [new Y.XmlText(chunk)]);
      copy.getXmlFragment(TextRoot.content).insert(0, [paragraph]);
      writer.socket.send(updateFrame(Y.encodeStateAsUpdate(copy, before)));
      await waitFor(() => mover.doc.getXmlFragment(TextRoot.content).length, (length) => length >= i + 2, { timeoutMs: 20_000, what: "the change relayed" });
    }
    expect(room.peers.size).toBe(2);

    reader.socket.resume();
    const verdict = await reader.verdict(20_000);
    expect(verdict?.code).toBe(CloseCode.slowReader.code);
    const kinds = reader.received.map((frame) => frame[0]);
    const lastPresence = kinds.lastIndexOf(MessageType.awareness);
    // Presence stopped while changes still went out: the reader went without presence first.
    expect(kinds.slice(lastPresence + 1)).toContain(MessageType.sync);
    expect(kinds.filter((kind) => kind === MessageType.awareness).length).toBeLessThan(moves);
  });
});
