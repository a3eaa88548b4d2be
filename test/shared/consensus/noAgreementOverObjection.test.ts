/**
 * Invariant 1 (DESIGN.md section 5) over a model of the whole system: a server that logs updates
 * and publishes status, and peers (the chair, CUB, SLV) that take stances, propose, agree, edit,
 * clear, disconnect and reconnect, while the server restarts from its log. After every step, no
 * peer's consensus and not the server's published status call a paragraph agreed while a state
 * objects to it in the same copy. `CONCORD_INVARIANT_RUNS` raises the number of schedules.
 */
import fc from "fast-check";
import * as Y from "yjs";
import { ConsensusStatus, ProposalKind, StanceKind, type ParagraphStatus, type Stance } from "../../../schemas/records";
import { draftConsensus } from "../../../shared/consensus/consensusStatus";
import { fingerprintOf } from "../../../shared/consensus/fingerprint";
import { DecisionPrefix, FloorRoot, PROGRESS_KEY, TextRoot } from "../../../shared/documentLayout";
import { acceptProposal, rejectProposal } from "../../../shared/proposals/clearProposal";
import { propose } from "../../../shared/proposals/proposeChange";
import { readProposals } from "../../../shared/proposals/readProposals";
import { textBlocks } from "../../../shared/text/blockText";
import { deleteWords, insertWords } from "../../../shared/text/editBlock";
import { writeStatus } from "../../../server/consensus/StatusPublisher";
import { doc, p } from "../../support/dsl";
import { yDraft } from "../../support/yDraft";

const RUNS = Number(process.env.CONCORD_INVARIANT_RUNS ?? 1000);
const STATES = ["CUB", "SLV"] as const;

interface Copy {
  text: Y.Doc;
  floor: Y.Doc;
  online: boolean;
}

/** The server: its two documents, rebuilt from the log of everything it received on restart. */
class ModelServer {
  text = new Y.Doc();
  floor = new Y.Doc();
  private readonly log: Array<{ room: "text" | "floor"; update: Uint8Array }> = [];

  constructor(initial: Uint8Array) {
    this.receive("text", initial);
  }

  receive(room: "text" | "floor", update: Uint8Array): void {
    this.log.push({ room, update });
    Y.applyUpdate(this[room], update);
    this.publish();
  }

  /** What the status publisher does after every change: recompute, and log what it wrote. */
  private publish(): void {
    const before = Y.encodeStateVector(this.text);
    writeStatus(this.text.getMap(TextRoot.status), this.text, this.floor);
    const written = Y.encodeStateAsUpdate(this.text, before);
    if (written.byteLength > 2) this.log.push({ room: "text", update: written });
  }

  restart(): void {
    this.text = new Y.Doc();
    this.floor = new Y.Doc();
    for (const { room, update } of this.log) Y.applyUpdate(this[room], update);
  }
}

function sync(server: ModelServer, copy: Copy): void {
  if (!copy.online) return;
  for (const room of ["text", "floor"] as const) {
    const fromCopy = Y.encodeStateAsUpdate(copy[room], Y.encodeStateVector(server[room]));
    if (fromCopy.byteLength > 2) server.receive(room, fromCopy);
    Y.applyUpdate(copy[room], Y.encodeStateAsUpdate(server[room], Y.encodeStateVector(copy[room])));
  }
}

type Step =
  | { act: "stance"; who: number; block: number; stance: StanceKind }
  | { act: "propose"; who: number; block: number }
  | { act: "agree"; block: number }
  | { act: "edit"; block: number; remove: boolean }
  | { act: "clear"; accept: boolean; pick: number }
  | { act: "toggle"; who: number }
  | { act: "restart" };

const block = fc.nat(2);
const who = fc.nat(STATES.length - 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ act: fc.constant("stance" as const), who, block, stance: fc.constantFrom(...Object.values(StanceKind)) }) },
  { weight: 2, arbitrary: fc.record({ act: fc.constant("propose" as const), who, block }) },
  { weight: 4, arbitrary: fc.record({ act: fc.constant("agree" as const), block }) },
  { weight: 2, arbitrary: fc.record({ act: fc.constant("edit" as const), block, remove: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ act: fc.constant("clear" as const), accept: fc.boolean(), pick: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ act: fc.constant("toggle" as const), who: fc.nat(STATES.length) }) },
  { weight: 1, arbitrary: fc.record({ act: fc.constant("restart" as const) }) },
);

function blockAt(copy: Copy, index: number) {
  return textBlocks(copy.text.getXmlFragment(TextRoot.content))[index]!;
}

/** The paragraphs a copy's own floor has objections on. */
function objected(floor: Y.Doc): Set<string> {
  const pids = new Set<string>();
  for (const [key, stance] of floor.getMap<Stance>(FloorRoot.stances)) if (stance.stance === StanceKind.object) pids.add(key.slice(key.indexOf(":") + 1));
  return pids;
}

function expectNoAgreementOverObjection(text: Y.Doc, floor: Y.Doc, published: boolean): void {
  const objections = objected(floor);
  for (const [pid, status] of draftConsensus(text, floor).paragraphs) {
    if (objections.has(pid)) expect(status.status).toBe(ConsensusStatus.objected);
  }
  if (!published) return;
  for (const [pid, status] of text.getMap<ParagraphStatus>(TextRoot.status)) {
    if (pid !== PROGRESS_KEY && objections.has(pid)) expect(status.status).toBe(ConsensusStatus.objected);
  }
}

function run(steps: Step[]): void {
  const origin = yDraft(doc(p("States should promote an open ICT environment."), p("The Group met in New York."), p("Capacity-building is essential.")), 1);
  const server = new ModelServer(Y.encodeStateAsUpdate(origin));
  const copies: Copy[] = [0, 1, 2].map((index) => {
    const copy = { text: new Y.Doc(), floor: new Y.Doc(), online: true };
    copy.text.clientID = 100 + index;
    copy.floor.clientID = 200 + index;
    sync(server, copy);
    return copy;
  });
  const chair = copies[STATES.length]!;
  const at = "2025-03-03T10:00:00Z";
  for (const next of steps) {
    switch (next.act) {
      case "stance": {
        const copy = copies[next.who]!;
        const stance: Stance = next.stance === StanceKind.object ? { stance: next.stance, reason: "Not acceptable", at } : { stance: next.stance, at };
        copy.floor.getMap(FloorRoot.stances).set(`${STATES[next.who]}:${blockAt(copy, next.block).pid}`, stance);
        break;
      }
      case "propose": {
        const copy = copies[next.who]!;
        const target = blockAt(copy, next.block);
        if (target.text.length > 4) propose(copy.text, STATES[next.who]!, { kind: ProposalKind.delete, pid: target.pid!, from: 0, to: 4 });
        break;
      }
      case "agree": {
        const target = blockAt(chair, next.block);
        chair.text.getMap(TextRoot.decisions).set(`${DecisionPrefix.agreed}${target.pid}`, { at, fingerprint: fingerprintOf(target) });
        break;
      }
      case "edit": {
        const target = blockAt(chair, next.block);
        chair.text.transact(() => (next.remove && target.text.length > 3 ? deleteWords(target.element, 0, 3) : insertWords(target.element, 0, "So ")));
        break;
      }
      case "clear": {
        const open = readProposals(chair.text).filter((view) => view.open && !view.where.orphaned);
        const view = open[next.pick % Math.max(1, open.length)];
        if (view) (next.accept ? acceptProposal : rejectProposal)(chair.text, view.key);
        break;
      }
      case "toggle":
        copies[next.who]!.online = !copies[next.who]!.online;
        break;
      case "restart":
        server.restart();
        break;
    }
    for (const copy of copies) sync(server, copy);
    expectNoAgreementOverObjection(server.text, server.floor, true);
    for (const copy of copies) expectNoAgreementOverObjection(copy.text, copy.floor, false);
  }
}

describe("invariant 1", () => {
  it(`holds for every peer and the server's status over ${RUNS} random schedules`, () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), run), { numRuns: RUNS });
  });
});
