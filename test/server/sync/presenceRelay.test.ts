/**
 * The presence relay gathers a tick's awareness changes and sends each peer one frame with the
 * latest state of every changed client id; the client-id map still decides who speaks for an id.
 */
import * as decoding from "lib0/decoding";
import { Room } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { MessageType } from "../../../shared/syncProtocol";
import { openRaw, presenceFrame, type RawClient } from "../../support/attacker";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

/** Clients changing presence in one tick. */
const CLIENTS = 8;

/** A delegation per client, so that no two of them share a principal. */
const STATES = ["CUB", "SLV", "FRA", "KEN", "BRA", "IND", "NOR", "JPN"];

/** The entries of every awareness frame `raw` received: client id, clock, state. */
function presenceFrames(raw: RawClient): Array<Array<[number, number, unknown]>> {
  return raw.received
    .filter((frame) => frame[0] === MessageType.awareness)
    .map((frame) => {
      const outer = decoding.createDecoder(frame);
      decoding.readVarUint(outer);
      const decoder = decoding.createDecoder(decoding.readVarUint8Array(outer));
      const count = decoding.readVarUint(decoder);
      return Array.from({ length: count }, (): [number, number, unknown] => [decoding.readVarUint(decoder), decoding.readVarUint(decoder), JSON.parse(decoding.readVarString(decoder))]);
    });
}

/** Blocks this process, server included, so that frames sent meanwhile are all read in the server's next poll. */
function holdEventLoop(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

async function roomWithRawClients(count: number) {
  const server = await startTestServer();
  const draft = await server.drafts.create({ title: "Presence relay", doc: doc(p("The Group recalled its mandate.")) });
  const chair = await invite(server, draft.id, Role.chair);
  const delegations = await Promise.all(STATES.slice(0, count).map((state) => invite(server, draft.id, Role.delegation, state)));
  const senders = await Promise.all(delegations.map((member) => openRaw(server, draft.id, Room.text, member.token)));
  const watcher = await openRaw(server, draft.id, Room.text, chair.token);
  return { server, draftId: draft.id, chair, delegations, senders, watcher };
}

describe("presence relay", () => {
  it("sends each peer one frame holding every presence changed in one tick, with the final states", async () => {
    const { senders, watcher } = await roomWithRawClients(CLIENTS);
    const ids = senders.map((_, i) => 1000 + i);
    const before = senders.map((raw) => presenceFrames(raw).length);
    const watcherBefore = presenceFrames(watcher).length;
    senders.forEach((raw, i) => {
      raw.socket.send(presenceFrame([[ids[i]!, 1, { cursor: "first" }]]));
      raw.socket.send(presenceFrame([[ids[i]!, 2, { cursor: `final ${i}` }]]));
    });
    holdEventLoop(100);

    const frames = await waitFor(() => presenceFrames(watcher).slice(watcherBefore), (seen) => seen.flat().length >= CLIENTS, { what: "the tick's presence at the watcher" });
    expect(frames).toHaveLength(1);
    expect(frames[0]!.map(([clientId, clock, state]) => [clientId, clock, (state as { cursor: string }).cursor]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      ids.map((clientId, i) => [clientId, 2, `final ${i}`]),
    );
    for (const [i, raw] of senders.entries()) {
      const received = await waitFor(() => presenceFrames(raw).slice(before[i]), (seen) => seen.length > 0, { what: `the tick's presence at sender ${i}` });
      expect(received).toHaveLength(1);
      expect(received[0]!.map(([clientId]) => clientId).sort()).toEqual([...ids].sort());
    }
  });

  it("keeps a lone sender's own presence from coming back to it", async () => {
    const { senders, watcher } = await roomWithRawClients(2);
    const [mover, other] = senders as [RawClient, RawClient];
    const moverBefore = presenceFrames(mover).length;
    mover.socket.send(presenceFrame([[2001, 1, { cursor: "here" }]]));
    await waitFor(() => presenceFrames(watcher).flat(), (entries) => entries.some(([clientId]) => clientId === 2001), { what: "the move at the watcher" });
    await waitFor(() => presenceFrames(other).flat(), (entries) => entries.some(([clientId]) => clientId === 2001), { what: "the move at the other sender" });
    expect(presenceFrames(mover).slice(moverBefore)).toEqual([]);
  });

  it("does not let a client set the state of a client id another connection speaks for, in the same tick or later", async () => {
    const { senders, watcher } = await roomWithRawClients(2);
    const [owner, thief] = senders as [RawClient, RawClient];
    owner.socket.send(presenceFrame([[3001, 1, { cursor: "owner" }]]));
    thief.socket.send(presenceFrame([[3001, 5, { cursor: "stolen" }]]));
    await waitFor(() => presenceFrames(watcher).flat(), (seen) => seen.some(([clientId]) => clientId === 3001), { what: "the owner's first state" });
    thief.socket.send(presenceFrame([[3001, 9, { cursor: "stolen later" }]]));
    owner.socket.send(presenceFrame([[3001, 2, { cursor: "owner again" }]]));
    const entries = await waitFor(
      () => presenceFrames(watcher).flat().filter(([clientId]) => clientId === 3001),
      (seen) => seen.some(([, clock]) => clock === 2),
      { what: "the owner's second state" },
    );
    expect(entries.map(([, clock, state]) => [clock, (state as { cursor: string }).cursor])).toEqual([
      [1, "owner"],
      [2, "owner again"],
    ]);
  });

  it("relays a removal (a null state) to every other peer, and a stock client sees the presence leave", async () => {
    const { server, draftId, senders, watcher } = await roomWithRawClients(1);
    const leaver = senders[0]!;
    const stock = await connectStockClient(server, draftId);
    leaver.socket.send(presenceFrame([[4001, 1, { cursor: "here" }]]));
    await waitFor(() => stock.provider.awareness.getStates().has(4001), Boolean, { what: "the presence at the stock client" });
    leaver.socket.send(presenceFrame([[4001, 2, null]]));
    await waitFor(() => stock.provider.awareness.getStates().has(4001), (present) => !present, { what: "the removal at the stock client" });
    const removal = presenceFrames(watcher).flat().find(([clientId, , state]) => clientId === 4001 && state === null);
    expect(removal).toEqual([4001, 2, null]);
  });

  it("keeps the observer count as observers come and go, and clears it when the last one leaves", async () => {
    const { server, draftId } = await roomWithRawClients(0);
    const watcher = await connectStockClient(server, draftId);
    const count = () => Array.from(watcher.provider.awareness.getStates().values()).find((state) => "observers" in state)?.observers as number | undefined;
    const first = await openRaw(server, draftId, Room.text, (await invite(server, draftId, Role.observer)).token);
    const second = await openRaw(server, draftId, Room.text, (await invite(server, draftId, Role.observer)).token);
    await waitFor(count, (seen) => seen === 2, { what: "two observers counted" });
    first.socket.close();
    await waitFor(count, (seen) => seen === 1, { what: "one observer counted" });
    second.socket.close();
    await waitFor(count, (seen) => seen === undefined, { what: "the count cleared" });
  });

  it("relays the state of a closed connection's client id as removed", async () => {
    const { server, draftId, senders } = await roomWithRawClients(1);
    const stock = await connectStockClient(server, draftId);
    senders[0]!.socket.send(presenceFrame([[5001, 1, { cursor: "here" }]]));
    await waitFor(() => stock.provider.awareness.getStates().has(5001), Boolean, { what: "the presence at the stock client" });
    senders[0]!.socket.close();
    await waitFor(() => stock.provider.awareness.getStates().has(5001), (present) => !present, { what: "the closed connection's presence to leave" });
  });
});
