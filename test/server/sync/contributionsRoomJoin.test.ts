/**
 * Acceptance 4 of issue 18: the written contributions live in a room of their own, so joining a
 * draft's `text` room, which every reader does, costs the same bytes with ten ten-page
 * contributions present as without any.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { submitContribution } from "../../../shared/contributions/contributionWrites";
import { Room } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { MessageType } from "../../../shared/syncProtocol";
import type { ConcordServer } from "../../../server/ConcordServer";
import { openRaw } from "../../support/attacker";
import { doc, h, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

/** About one page of a statement: 3,000 characters. */
const PAGE = "The delegation considers that the regular institutional dialogue should build on the consensus reports. ".repeat(29);

/** Bytes of the state a fresh client receives on joining `room`: the server's answer to an empty state vector. */
async function joinBytes(server: ConcordServer, draftId: string, room: Room, token: string): Promise<number> {
  const client = await openRaw(server, draftId, room, token);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  client.socket.send(encoding.toUint8Array(encoder));
  const isStep2 = (frame: Uint8Array): boolean => {
    const decoder = decoding.createDecoder(frame);
    return decoding.readVarUint(decoder) === MessageType.sync && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2;
  };
  const answer = await waitFor(() => client.received.find(isStep2), Boolean, { what: `the ${room} room's state` });
  client.socket.close();
  return answer!.byteLength;
}

describe("joining the text room", () => {
  it("costs the same bytes with ten ten-page contributions present as without", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({
      title: "Pre-draft 2",
      doc: doc(h(2, "Regular institutional dialogue"), p("States agree to continue the dialogue."), p("A programme of action is considered.")),
    });
    const [reader, cub] = await Promise.all([invite(server, draft.id, Role.observer), invite(server, draft.id, Role.delegation, "CUB")]);
    const before = await joinBytes(server, draft.id, Room.text, reader.token);

    const room = await connectStockClient(server, draft.id, { room: Room.contributions, token: cub.token });
    for (let index = 0; index < 10; index++) {
      submitContribution(room.doc, "CUB", {}, { original: { language: "en", text: Array.from({ length: 10 }, (_, page) => `Page ${page + 1} of statement ${index + 1}. ${PAGE}`).join("\n\n") } });
    }
    const chair = await invite(server, draft.id, Role.chair);
    const contributions = await waitFor(() => joinBytes(server, draft.id, Room.contributions, chair.token), (bytes) => bytes > 10 * 10 * PAGE.length, {
      what: "all ten contributions in their room",
    });
    const after = await joinBytes(server, draft.id, Room.text, reader.token);

    console.info(`text join: ${before} bytes without contributions, ${after} with ten ten-page ones (${contributions} bytes in their own room)`);
    expect(after).toBe(before);
  });
});
