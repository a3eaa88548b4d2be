/**
 * Client-id squatting across the processes of a cluster (issue 16, acceptance 2): a state writes
 * through one process with client id X, and another principal sends an update using X through the
 * other. Whether the other process's copy already knows X (its guard refuses) or not yet (the
 * store's claim refuses, both claims in flight), the squatter is closed with 4409, nothing of its
 * update is stored, and everyone else keeps their socket and receives the state's edits.
 */
import * as Y from "yjs";
import { CloseCode } from "../../../shared/closeCodes";
import { Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import type { ConcordServer } from "../../../server/ConcordServer";
import { openRaw, updateFrame, type RawClient } from "../../support/attacker";
import { startTestCluster } from "../../support/cluster";
import { doc, p } from "../../support/dsl";
import { gateAppends } from "../../support/gatedStorage";
import { invite } from "../../support/members";
import { connectStockClient, type StockClient } from "../../support/stockClient";
import { waitFor } from "../../support/waitFor";

const at = "2026-12-02T09:00:00.000Z";
const proposal = (text: string) => ({ kind: "insert", anchor: { pid: "p1", quote: "mandate", prefix: "", suffix: "" }, text, createdAt: at });

/** Two servers of a cluster, a draft, a chair watching the text on each, Cuba writing through A and El Salvador's token. */
async function clusterWithStates() {
  const { servers } = await startTestCluster(2);
  const [a, b] = servers as [ConcordServer, ConcordServer];
  const draft = await a.drafts.create({ title: "Squatting", doc: doc(p("The Group recalled its mandate.")) });
  const chair = await invite(a, draft.id, Role.chair);
  const cub = await invite(a, draft.id, Role.delegation, "CUB");
  const slv = await invite(a, draft.id, Role.delegation, "SLV");
  const watchers = [await connectStockClient(a, draft.id, { token: chair.token }), await connectStockClient(b, draft.id, { token: chair.token })];
  const cuba = await connectStockClient(a, draft.id, { token: cub.token });
  return { a, b, draftId: draft.id, slv, watchers, cuba };
}

/** An update setting El Salvador's proposal, made on a copy of `server`'s room by a document using `clientId`. */
async function squatWith(server: ConcordServer, draftId: string, clientId: number): Promise<Uint8Array> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, (await server.rooms.open(draftId, Room.text))!.encodedState());
  // Set after loading: Yjs gives a document a new id when an update shows its id in use elsewhere.
  copy.clientID = clientId;
  const before = Y.encodeStateVector(copy);
  copy.getMap(TextRoot.proposals).set("SLV:squat", proposal("squatted words"));
  return Y.encodeStateAsUpdate(copy, before);
}

/** Opens El Salvador's raw socket on `server` and sends `update`. */
async function sendAsSquatter(server: ConcordServer, draftId: string, token: string, update: Uint8Array): Promise<RawClient> {
  const squatter = await openRaw(server, draftId, Room.text, token);
  squatter.socket.send(updateFrame(update));
  return squatter;
}

/** Nothing of the squat is stored or held anywhere, and Cuba's edits are: the log, the audit, both copies, fresh readers and the sockets left open. */
async function expectNothingOfTheSquat(servers: ConcordServer[], draftId: string, clientId: number, open: StockClient[]): Promise<void> {
  const [a] = servers as [ConcordServer];
  const stored = new Y.Doc();
  for (const { update } of await a.storage.loadUpdates(draftId, Room.text)) Y.applyUpdate(stored, update);
  expect(stored.getMap(TextRoot.proposals).has("SLV:squat")).toBe(false);
  expect(stored.getMap(TextRoot.proposals).has("CUB:first")).toBe(true);
  expect((await a.storage.loadClientIds(draftId, Room.text)).get(clientId)).toBe("state:CUB");
  expect(await a.storage.readAudit(draftId, { limit: 10, principal: "state:SLV" })).toEqual([]);
  for (const server of servers) {
    const reader = await connectStockClient(server, draftId);
    await waitFor(() => reader.doc.getMap(TextRoot.proposals).has("CUB:first"), Boolean, { what: "Cuba's edit for a fresh reader", timeoutMs: 15_000 });
    expect(reader.doc.getMap(TextRoot.proposals).has("SLV:squat")).toBe(false);
  }
  for (const client of open) {
    expect(client.provider.wsconnected).toBe(true);
    await waitFor(() => client.doc.getMap(TextRoot.proposals).has("CUB:first"), Boolean, { what: "Cuba's edit for a client that kept its socket", timeoutMs: 15_000 });
    expect(client.doc.getMap(TextRoot.proposals).has("SLV:squat")).toBe(false);
  }
}

describe("a client id squatted through another process of a cluster", () => {
  it("is refused by that process's guard once its copy knows whose the id is", async () => {
    const { a, b, draftId, slv, watchers, cuba } = await clusterWithStates();
    const clientId = cuba.doc.clientID;
    cuba.doc.getMap(TextRoot.proposals).set("CUB:first", proposal("Cuba's words"));
    const roomOnB = (await b.rooms.loaded(draftId, Room.text))!;
    await waitFor(() => roomOnB.clientIdOwner(clientId), (owner) => owner === "state:CUB", { what: "B to learn whose the client id is", timeoutMs: 15_000 });

    const squatter = await sendAsSquatter(b, draftId, slv.token, await squatWith(b, draftId, clientId));
    const verdict = await squatter.verdict(5000);
    expect(verdict?.code).toBe(CloseCode.clientIdTaken.code);
    expect(verdict?.reason).toBe(`client-id-taken: client id ${clientId} belongs to someone else`);

    cuba.doc.getMap(TextRoot.proposals).set("CUB:second", proposal("Cuba's later words"));
    await waitFor(() => watchers[1]!.doc.getMap(TextRoot.proposals).has("CUB:second"), Boolean, { what: "Cuba's later edit on B", timeoutMs: 15_000 });
    await expectNothingOfTheSquat([a, b], draftId, clientId, [...watchers, cuba]);
  });

  it("is refused by the store's claim when both claims are in flight and that process's copy has not heard of the id", async () => {
    const { a, b, draftId, slv, watchers, cuba } = await clusterWithStates();
    const clientId = cuba.doc.clientID;
    const gate = gateAppends(b.storage);
    gate.shut();
    const squatter = await sendAsSquatter(b, draftId, slv.token, await squatWith(b, draftId, clientId));
    // B's guard let the squat through (the id is new to it) and its commit waits at the gate.
    await waitFor(() => gate.held, (held) => held === 1, { what: "the squat's append to reach B's store" });

    cuba.doc.getMap(TextRoot.proposals).set("CUB:first", proposal("Cuba's words"));
    await waitFor(async () => (await a.storage.loadClientIds(draftId, Room.text)).get(clientId), (owner) => owner === "state:CUB", { what: "Cuba's claim to commit" });
    gate.open();

    const verdict = await squatter.verdict(5000);
    expect(verdict?.code).toBe(CloseCode.clientIdTaken.code);
    expect(verdict?.reason).toMatch(new RegExp(`^client-id-taken: Yjs client id ${clientId} in `));
    await expectNothingOfTheSquat([a, b], draftId, clientId, [...watchers, cuba]);
  });
});
