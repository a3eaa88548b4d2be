/**
 * Invariant 1 against two servers of a cluster (issue 16, acceptance 6): the schedules of
 * `test/server/consensus/invariantOverServer.test.ts` — stances, proposals, agreements, edits,
 * disconnects, restarts — with the clients spread over two servers over one PostgreSQL and one
 * Redis, and a restart closing one of the two (perhaps the holder of the status lease, which then
 * moves). Once each step has settled cluster-wide, both servers' copies, the status the lease's
 * holder published and every client's own consensus agree: no paragraph is agreed while a state
 * objects to it. `CONCORD_INVARIANT_CLUSTER_RUNS` raises the runs.
 */
import fc from "fast-check";
import * as Y from "yjs";
import { ConsensusStatus, ProposalKind, StanceKind, type ParagraphStatus, type Stance } from "../../../schemas/records";
import { draftConsensus } from "../../../shared/consensus/consensusStatus";
import { fingerprintOf } from "../../../shared/consensus/fingerprint";
import { DecisionPrefix, FloorRoot, PROGRESS_KEY, Room, TextRoot } from "../../../shared/documentLayout";
import { propose } from "../../../shared/proposals/proposeChange";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { insertWords } from "../../../shared/text/editBlock";
import { LeaseKey } from "../../../server/cluster/leaseKeys";
import type { ConcordServer } from "../../../server/ConcordServer";
import { clusterEngines, startClusterServer } from "../../support/cluster";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient, type StockClient } from "../../support/stockClient";
import { NEGOTIATION_STEPS, objected, type NegotiationStep } from "../../support/negotiationSteps";
import { waitFor } from "../../support/waitFor";

const RUNS = Number(process.env.CONCORD_INVARIANT_CLUSTER_RUNS ?? 4);
const STATES = ["CUB", "SLV"] as const;
const AT = "2025-03-03T10:00:00Z";
/** How long the cluster must stay unchanged to count as settled: longer than a notice's or a ring's trip through Redis. */
const QUIET_MS = 300;

type Step = NegotiationStep | { act: "restart"; which: number };

const step: fc.Arbitrary<Step> = fc.oneof<Array<fc.WeightedArbitrary<Step>>>(
  ...NEGOTIATION_STEPS,
  { weight: 1, arbitrary: fc.record({ act: fc.constant("restart" as const), which: fc.nat(1) }) },
);

interface Delegation {
  text: StockClient;
  floor: StockClient;
}

/** A client and the index of the server it is connected to. */
interface Placed {
  client: StockClient;
  server: number;
}

const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString("base64");

/**
 * Waits until the cluster is settled: a server holds the status lease and has published all it was
 * told of, both servers' copies are the same, every online client is in step with its server, and
 * all of that has stayed so for `QUIET_MS`. Then checks invariant 1 in each server's copies and in
 * the status they carry.
 */
async function settle(servers: ConcordServer[], draftId: string, online: Placed[]): Promise<void> {
  const copies = await Promise.all(servers.map(async (server) => ({ server, text: (await server.rooms.open(draftId, Room.text))!, floor: (await server.rooms.open(draftId, Room.floor))! })));
  try {
    let previous = "";
    await waitFor(
      async () => {
        if (!servers.some((server) => server.jobs!.holds(LeaseKey.statusPublisher))) return false;
        await Promise.all(servers.map((server) => server.status.settled()));
        const texts = new Set(copies.map((copy) => vector(copy.text.document)));
        const floors = new Set(copies.map((copy) => vector(copy.floor.document)));
        const inStep = online.every(({ client, server }) => vector(client.doc) === vector(client.provider.roomname === Room.floor ? copies[server]!.floor.document : copies[server]!.text.document));
        const signature = `${Array.from(texts).join()}|${Array.from(floors).join()}`;
        const quiet = texts.size === 1 && floors.size === 1 && inStep && signature === previous;
        previous = signature;
        return quiet;
      },
      Boolean,
      { what: "the cluster settled", timeoutMs: 30_000, intervalMs: QUIET_MS },
    );
    for (const { text, floor } of copies) {
      const objections = objected(floor.document);
      for (const [pid, status] of text.document.getMap<ParagraphStatus>(TextRoot.status)) {
        if (pid !== PROGRESS_KEY && objections.has(pid)) expect(status.status).toBe(ConsensusStatus.objected);
      }
      for (const [pid, status] of draftConsensus(text.document, floor.document).paragraphs) {
        if (objections.has(pid)) expect(status.status).toBe(ConsensusStatus.objected);
      }
    }
  } finally {
    for (const { server, text, floor } of copies) {
      server.rooms.released(text);
      server.rooms.released(floor);
    }
  }
}

async function schedule(steps: Step[]): Promise<void> {
  const engines = await clusterEngines();
  const servers = [await startClusterServer(engines), await startClusterServer(engines)];
  const ports = servers.map((server) => server.port);
  const draft = await servers[0]!.drafts.create({ title: "Invariant", doc: doc(p("States should promote an open ICT environment."), p("The Group met in New York.")) });
  const connect = async (server: number, room: Room, token: string): Promise<Placed> => ({
    client: await connectStockClient(servers[server]!, draft.id, { room, token, maxBackoffTime: 50 }),
    server,
  });
  const chair = await connect(0, Room.text, (await invite(servers[0]!, draft.id, Role.chair)).token);
  // Each delegation reads the text through one server and writes its stances through the other.
  const delegations: Array<{ text: Placed; floor: Placed }> = [];
  for (const [index, state] of STATES.entries()) {
    const token = (await invite(servers[0]!, draft.id, Role.delegation, state)).token;
    delegations.push({ text: await connect(index % 2, Room.text, token), floor: await connect((index + 1) % 2, Room.floor, token) });
  }
  const everyone = [chair, ...delegations.flatMap((delegation) => [delegation.text, delegation.floor])];
  const online = new Set<Placed>(everyone);
  const pidOf = (client: StockClient, index: number) => textBlocks(client.doc.getXmlFragment(TextRoot.content))[index]!;
  const clientsOf = (delegation: { text: Placed; floor: Placed }): Delegation => ({ text: delegation.text.client, floor: delegation.floor.client });
  try {
    for (const next of steps) {
      switch (next.act) {
        case "stance": {
          const delegation = clientsOf(delegations[next.who]!);
          const stance: Stance = next.object ? { stance: StanceKind.object, reason: "Not acceptable", at: AT } : { stance: StanceKind.none, at: AT };
          delegation.floor.doc.getMap(FloorRoot.stances).set(`${STATES[next.who]}:${pidOf(delegation.text, next.block).pid}`, stance);
          break;
        }
        case "propose": {
          const delegation = clientsOf(delegations[next.who]!);
          propose(delegation.text.doc, STATES[next.who]!, { kind: ProposalKind.delete, pid: pidOf(delegation.text, next.block).pid!, from: 0, to: 4 });
          break;
        }
        case "agree": {
          const block = pidOf(chair.client, next.block);
          chair.client.doc.getMap(TextRoot.decisions).set(`${DecisionPrefix.agreed}${block.pid}`, { at: AT, fingerprint: fingerprintOf(block) });
          break;
        }
        case "edit":
          chair.client.doc.transact(() => insertWords(pidOf(chair.client, next.block).element, 0, "So "));
          break;
        case "toggle":
          for (const placed of [delegations[next.who]!.text, delegations[next.who]!.floor]) {
            if (online.delete(placed)) placed.client.provider.disconnect();
            else {
              online.add(placed);
              placed.client.provider.connect();
            }
          }
          break;
        case "restart":
          await servers[next.which]!.close();
          servers[next.which] = await startClusterServer(engines, { port: ports[next.which] });
          break;
      }
      await settle(servers, draft.id, [...online]);
      for (const delegation of delegations.map(clientsOf)) {
        const objections = objected(delegation.floor.doc);
        for (const [pid, status] of draftConsensus(delegation.text.doc, delegation.floor.doc).paragraphs) {
          if (objections.has(pid)) expect(status.status).toBe(ConsensusStatus.objected);
        }
      }
    }
  } finally {
    for (const { client } of everyone) client.destroy();
    for (const server of servers) await server.close();
  }
}

describe("invariant 1 against two servers of a cluster", () => {
  it(`holds in the published status through disconnects and restarts of either server (${RUNS} schedules)`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 8 }), schedule), { numRuns: RUNS });
  }, 120_000 + RUNS * 20_000);
});
