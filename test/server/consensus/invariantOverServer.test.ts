/**
 * Invariant 1 against the real server: stock clients take stances, propose, agree and edit,
 * disconnect and reconnect, while the server restarts on its data folder. Once each step has
 * settled, the server's published status and every client's own consensus agree on this: no
 * paragraph is agreed while a state objects to it. `CONCORD_INVARIANT_SERVER_RUNS` raises the runs.
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
import type { ConcordServer } from "../../../server/ConcordServer";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient, type StockClient } from "../../support/stockClient";
import { startTestServer, tempDataDir } from "../../support/testServer";
import { NEGOTIATION_STEPS, objected, type NegotiationStep } from "../../support/negotiationSteps";
import { waitFor } from "../../support/waitFor";

const RUNS = Number(process.env.CONCORD_INVARIANT_SERVER_RUNS ?? 25);
const STATES = ["CUB", "SLV"] as const;
const AT = "2025-03-03T10:00:00Z";

type Step = NegotiationStep | { act: "restart" };

const step: fc.Arbitrary<Step> = fc.oneof<Array<fc.WeightedArbitrary<Step>>>(
  ...NEGOTIATION_STEPS,
  { weight: 1, arbitrary: fc.record({ act: fc.constant("restart" as const) }) },
);

interface Delegation {
  text: StockClient;
  floor: StockClient;
}

async function settle(server: ConcordServer, draftId: string, online: StockClient[]): Promise<void> {
  await server.status.settled();
  const text = (await server.rooms.open(draftId, Room.text))!;
  const floor = (await server.rooms.open(draftId, Room.floor))!;
  const same = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
  for (const client of online) {
    await waitFor(async () => {
      await server.status.settled();
      return same(client.doc, client.provider.roomname === Room.floor ? floor.document : text.document);
    }, Boolean, { what: "a client in step with the server", timeoutMs: 10_000 });
  }
  // Invariant 1 in the server's own copies and in what it published.
  const objections = objected(floor.document);
  for (const [pid, status] of text.document.getMap<ParagraphStatus>(TextRoot.status)) {
    if (pid !== PROGRESS_KEY && objections.has(pid)) expect(status.status).toBe(ConsensusStatus.objected);
  }
  for (const [pid, status] of draftConsensus(text.document, floor.document).paragraphs) {
    if (objections.has(pid)) expect(status.status).toBe(ConsensusStatus.objected);
  }
  server.rooms.released(text);
  server.rooms.released(floor);
}

async function schedule(steps: Step[]): Promise<void> {
  const dataDir = tempDataDir();
  let server = await startTestServer({ dataDir });
  const port = server.port;
  const draft = await server.drafts.create({ title: "Invariant", doc: doc(p("States should promote an open ICT environment."), p("The Group met in New York.")) });
  const connect = async (room: Room, token: string) => connectStockClient(server, draft.id, { room, token, maxBackoffTime: 50 });
  const chairToken = (await invite(server, draft.id, Role.chair)).token;
  const chair = await connect(Room.text, chairToken);
  const delegations: Delegation[] = [];
  for (const state of STATES) {
    const token = (await invite(server, draft.id, Role.delegation, state)).token;
    delegations.push({ text: await connect(Room.text, token), floor: await connect(Room.floor, token) });
  }
  const online = new Set<StockClient>([chair, ...delegations.flatMap((delegation) => [delegation.text, delegation.floor])]);
  const pidOf = (client: StockClient, index: number) => textBlocks(client.doc.getXmlFragment(TextRoot.content))[index]!;
  try {
    for (const next of steps) {
      switch (next.act) {
        case "stance": {
          const delegation = delegations[next.who]!;
          const stance: Stance = next.object ? { stance: StanceKind.object, reason: "Not acceptable", at: AT } : { stance: StanceKind.none, at: AT };
          delegation.floor.doc.getMap(FloorRoot.stances).set(`${STATES[next.who]}:${pidOf(delegation.text, next.block).pid}`, stance);
          break;
        }
        case "propose": {
          const delegation = delegations[next.who]!;
          propose(delegation.text.doc, STATES[next.who]!, { kind: ProposalKind.delete, pid: pidOf(delegation.text, next.block).pid!, from: 0, to: 4 });
          break;
        }
        case "agree": {
          const block = pidOf(chair, next.block);
          chair.doc.getMap(TextRoot.decisions).set(`${DecisionPrefix.agreed}${block.pid}`, { at: AT, fingerprint: fingerprintOf(block) });
          break;
        }
        case "edit":
          chair.doc.transact(() => insertWords(pidOf(chair, next.block).element, 0, "So "));
          break;
        case "toggle":
          for (const client of [delegations[next.who]!.text, delegations[next.who]!.floor]) {
            if (online.delete(client)) client.provider.disconnect();
            else {
              online.add(client);
              client.provider.connect();
            }
          }
          break;
        case "restart":
          await server.close();
          server = await startTestServer({ dataDir, port });
          break;
      }
      await settle(server, draft.id, [...online]);
      for (const delegation of delegations) {
        const objections = objected(delegation.floor.doc);
        for (const [pid, status] of draftConsensus(delegation.text.doc, delegation.floor.doc).paragraphs) {
          if (objections.has(pid)) expect(status.status).toBe(ConsensusStatus.objected);
        }
      }
    }
  } finally {
    for (const client of [chair, ...delegations.flatMap((delegation) => [delegation.text, delegation.floor])]) client.destroy();
    await server.close();
  }
}

describe("invariant 1 against the server", () => {
  it(`holds in the published status through disconnects and restarts (${RUNS} schedules)`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), schedule), { numRuns: RUNS });
  }, 60_000 + RUNS * 2_000);
});
