/**
 * A paragraph's history (issue 13, acceptance 4): paragraph 3 edited three times by the chair and
 * cleared of CUB's proposal lists those four events with their words, beside the proposal itself,
 * SLV's objection (for readers of the floor), a silence procedure on the whole draft with the
 * server's outcome, and its text in a published revision — the same after the room was unloaded
 * and its update log compacted. Every member reads it; others are refused.
 */
import * as Y from "yjs";
import { ProposalKind, StanceKind, type Revision } from "../../../schemas/records";
import type { Clock } from "../../../server/clock";
import type { ConcordServer } from "../../../server/ConcordServer";
import { paragraphHistoryPath } from "../../../shared/appPaths";
import { setStance } from "../../../shared/consensus/stanceWrites";
import { startSilence } from "../../../shared/consensus/silenceProcedure";
import { DecisionPrefix, Room, TextRoot } from "../../../shared/documentLayout";
import { HistoryEventKind, type HistoryEvent, type ParagraphHistoryPage } from "../../../shared/history/paragraphHistory";
import { acceptProposal } from "../../../shared/proposals/clearProposal";
import { propose } from "../../../shared/proposals/proposeChange";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { doc, h, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const HOUR = 3_600_000;
const PARAGRAPH_3 = "States should promote an open, secure and peaceful ICT environment.";
const EDITED_1 = "States should actively promote an open, secure and peaceful ICT environment.";
const EDITED_2 = "States should actively promote an open, peaceful ICT environment.";
const EDITED_3 = "States should actively promote an open, peaceful ICT environment for all.";
const ACCEPTED = "States should actively promote an open, peaceful and stable ICT environment for all.";
const OBJECTION = "Stability is not the Group's word.";

/** A clock the test moves, so a silence procedure's 72 hours pass at once. */
class TestClock implements Clock {
  private time = Date.now();
  now(): Date {
    return new Date(this.time);
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

async function readHistory(server: ConcordServer, draftId: string, pid: string, token: string | null, query = ""): Promise<{ status: number; page: ParagraphHistoryPage | null }> {
  const response = await fetch(`${server.url}${paragraphHistoryPath(draftId, pid)}${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, page: response.ok ? ((await response.json()) as ParagraphHistoryPage) : null };
}

/** Every page of a history, followed through `next`, `limit` events at a time. */
async function readAllPages(server: ConcordServer, draftId: string, pid: string, token: string, limit: number): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let after: number | null = 0;
  while (after !== null) {
    const { page } = await readHistory(server, draftId, pid, token, `?after=${after}&limit=${limit}`);
    events.push(...page!.events);
    after = page!.next;
  }
  return events;
}

/** A published revision stored as the revision store stores one: the text's whole state with its record. */
async function publishRevision(server: ConcordServer, draftId: string, textDoc: Y.Doc, numbers: Record<string, string>): Promise<void> {
  const snapshot = new Y.Doc();
  Y.applyUpdate(snapshot, Y.encodeStateAsUpdate(textDoc));
  const at = new Date().toISOString();
  const record: Revision = { label: "Rev.1", at, ordinal: 1, date: at.slice(0, 10), numbers, renumbered: {} };
  snapshot.getMap(TextRoot.decisions).set(`${DecisionPrefix.revision}rev1`, record);
  await server.storage.saveRevision({
    draftId,
    id: "rev1",
    ordinal: 1,
    label: "Rev.1",
    symbol: null,
    date: record.date,
    note: null,
    publishedAt: at,
    publishedBy: null,
    text: Y.encodeStateAsUpdate(snapshot),
    floor: Y.encodeStateAsUpdate(new Y.Doc()),
  });
}

describe("a paragraph's history", () => {
  it("lists the chair's three edits and the clearing of CUB's proposal with their words, also after the room was unloaded and compacted", async () => {
    const clock = new TestClock();
    const server = await startTestServer({ clock, roomIdleUnloadMs: 50 });
    const draft = await server.drafts.create({ title: "History", doc: doc(h(1, "A. Introduction"), p("The Group met in New York."), p("It held five sessions."), p(PARAGRAPH_3)) });
    const chair = await invite(server, draft.id, Role.chair);
    const cub = await invite(server, draft.id, Role.delegation, "CUB");
    const slv = await invite(server, draft.id, Role.delegation, "SLV");
    const observer = await invite(server, draft.id, Role.observer);
    const elsewhere = await server.drafts.create({ title: "Another draft", doc: doc(p("Elsewhere.")) });
    const stranger = await invite(server, elsewhere.id, Role.chair);

    const chairText = await connectStockClient(server, draft.id, { token: chair.token });
    const blocks = textBlocks(chairText.doc.getXmlFragment(TextRoot.content));
    const [first, third] = [blocks[1]!.pid!, blocks[3]!.pid!];
    const run = blocks[3]!.element.get(0) as Y.XmlText;
    const wordsEvents = async () => (await readHistory(server, draft.id, third, chair.token)).page?.events.filter((event) => event.kind === HistoryEventKind.words).length ?? 0;

    // Three separate accepted updates to the chair's text, each waited for.
    run.insert("States should".length, " actively");
    await waitFor(wordsEvents, (count) => count === 1, { what: "the first edit in the history" });
    await publishRevision(server, draft.id, chairText.doc, { [first]: "1", [blocks[2]!.pid!]: "2", [third]: "3" });
    run.delete(EDITED_1.indexOf("secure and "), "secure and ".length);
    await waitFor(wordsEvents, (count) => count === 2, { what: "the second edit in the history" });
    run.insert(EDITED_2.length - 1, " for all");
    await waitFor(wordsEvents, (count) => count === 3, { what: "the third edit in the history" });

    // CUB proposes; the chair accepts, through the decisions record.
    const cubText = await connectStockClient(server, draft.id, { token: cub.token });
    await waitFor(() => cubText.paragraphs()[3], (text) => text === EDITED_3, { what: "CUB to see the third edit" });
    const from = EDITED_3.indexOf("peaceful");
    const key = propose(cubText.doc, "CUB", { kind: ProposalKind.replace, pid: third, from, to: from + "peaceful".length, text: "peaceful and stable" });
    await waitFor(() => chairText.doc.getMap(TextRoot.proposals).has(key), Boolean, { what: "CUB's proposal at the chair" });
    acceptProposal(chairText.doc, key);

    // SLV objects (the floor); the chair puts the whole draft under silence; the deadline passes.
    const slvFloor = await connectStockClient(server, draft.id, { room: Room.floor, token: slv.token });
    setStance(slvFloor.doc, "SLV", third, StanceKind.object, OBJECTION);
    const deadline = new Date(clock.now().getTime() + 72 * HOUR);
    startSilence(chairText.doc, "all", deadline, clock.now(), "Last call");
    await waitFor(async () => (await server.storage.listDeadlines()).length, (count) => count === 1, { what: "the silence deadline stored" });
    await waitFor(async () => (await readHistory(server, draft.id, third, chair.token)).page?.events.some((event) => event.kind === HistoryEventKind.stance), Boolean, { what: "SLV's objection in the history" });
    clock.advance(72 * HOUR);
    expect(await server.silence.settleDue()).toBe(1);

    const check = async (): Promise<HistoryEvent[]> => {
      const { status, page } = await readHistory(server, draft.id, third, chair.token);
      expect(status).toBe(200);
      const events = page!.events;
      expect(events.map((event) => event.seq)).toEqual([...events.map((event) => event.seq)].sort((a, b) => a - b));
      expect(events.map((event) => event.kind)).toEqual([
        HistoryEventKind.words,
        HistoryEventKind.words,
        HistoryEventKind.words,
        HistoryEventKind.proposal,
        HistoryEventKind.decision,
        HistoryEventKind.stance,
        HistoryEventKind.silence,
        HistoryEventKind.silence,
      ]);
      const [edit1, edit2, edit3, proposal, decision, stance, silenceStart, silenceEnd] = events as [HistoryEvent, ...HistoryEvent[]];
      expect(edit1).toMatchObject({ principal: "chair", userName: chair.user.name, change: { pid: third, start: 0, rest: 0, before: PARAGRAPH_3, after: EDITED_1 } });
      expect(edit2).toMatchObject({ principal: "chair", change: { before: EDITED_1, after: EDITED_2 } });
      expect(edit3).toMatchObject({ principal: "chair", change: { before: EDITED_2, after: EDITED_3 } });
      expect(proposal).toMatchObject({ principal: "state:CUB", userName: cub.user.name, key, proposal: { kind: ProposalKind.replace, text: "peaceful and stable", quote: "peaceful" }, withdrawn: false });
      expect(decision).toMatchObject({
        principal: "chair",
        userName: chair.user.name,
        proposalKey: key,
        decision: "accepted",
        proposal: { kind: ProposalKind.replace, text: "peaceful and stable", quote: "peaceful" },
        change: { pid: third, before: EDITED_3, after: ACCEPTED },
      });
      expect(stance).toMatchObject({ principal: "state:SLV", state: "SLV", stance: StanceKind.object, reason: OBJECTION });
      expect(silenceStart).toMatchObject({ principal: "chair", wholeDraft: true, deadline: deadline.toISOString(), note: "Last call", outcome: null });
      // The server's own write of the outcome: not adopted, broken by SLV.
      expect(silenceEnd).toMatchObject({ principal: "server", userName: null, outcome: { adopted: false, brokenBy: [{ state: "SLV", reason: OBJECTION }] } });
      // Its text in the revision published after the first edit, with its number there.
      expect(page!.revisions).toEqual([expect.objectContaining({ id: "rev1", label: "Rev.1", ordinal: 1, number: "3", words: EDITED_1 })]);
      expect(page!.next).toBeNull();
      return events;
    };
    const before = await check();

    // Paragraph 1, adopted by the silence procedure: its start, the agreement and the outcome.
    const firstHistory = (await readHistory(server, draft.id, first, observer.token)).page!.events;
    expect(firstHistory.map((event) => event.kind).sort()).toEqual([HistoryEventKind.agreement, HistoryEventKind.silence, HistoryEventKind.silence]);
    expect(firstHistory.at(-1)).toMatchObject({ kind: HistoryEventKind.silence, principal: "server", outcome: { adopted: true } });

    // Pages of two events read in turn give the same events.
    expect(await readAllPages(server, draft.id, third, chair.token, 2)).toEqual(before);

    // Every member reads it; the floor's stances only where the reader may read the floor.
    const observed = (await readHistory(server, draft.id, third, observer.token)).page!.events;
    expect(observed).toEqual(before.filter((event) => event.kind !== HistoryEventKind.stance));
    expect((await readHistory(server, draft.id, third, cub.token)).page!.events).toEqual(before);
    await server.drafts.setObserversReadFloor(draft.id, true);
    expect((await readHistory(server, draft.id, third, observer.token)).page!.events).toEqual(before);
    expect((await readHistory(server, draft.id, third, stranger.token)).status).toBe(403);
    expect((await readHistory(server, draft.id, third, null)).status).toBe(401);
    expect((await readHistory(server, "nosuchdraft", third, chair.token)).status).toBe(404);
    expect((await readHistory(server, draft.id, "no such", chair.token)).status).toBe(400);
    expect((await readHistory(server, draft.id, third, chair.token, "?limit=0")).status).toBe(400);
    expect((await readHistory(server, draft.id, third, chair.token, "?page=2")).status).toBe(400);
    // A paragraph the text never held has an empty history, not an error.
    const unknown = (await readHistory(server, draft.id, "p-never-there", observer.token)).page!;
    expect(unknown.events).toEqual([]);
    expect(unknown.revisions).toEqual([expect.objectContaining({ id: "rev1", number: null, words: null })]);

    // A paragraph the chair deletes keeps its history, which ends with its removal.
    const second = blocks[2]!.pid!;
    chairText.doc.getXmlFragment(TextRoot.content).delete(2, 1);
    const removal = async () => (await readHistory(server, draft.id, second, observer.token)).page?.events.at(-1);
    await waitFor(removal, (event) => event?.kind === HistoryEventKind.words, { what: "the removal in the deleted paragraph's history" });
    expect(await removal()).toMatchObject({ principal: "chair", change: { pid: second, before: "It held five sessions.", after: null } });
    expect((await readHistory(server, draft.id, third, chair.token)).page!.events).toEqual(before);

    // Every client leaves; the rooms unload, which compacts their logs; the history reads the same.
    for (const client of [chairText, cubText, slvFloor]) client.destroy();
    await waitFor(() => server.rooms.size, (size) => size === 0, { what: "the rooms to unload" });
    expect(await server.storage.loadUpdates(draft.id, Room.text)).toHaveLength(1);
    expect(await server.storage.loadUpdates(draft.id, Room.floor)).toHaveLength(1);
    expect(await check()).toEqual(before);
  });
});
