/** The events one audit entry adds to a paragraph's history, and those it leaves to other paragraphs. */
import { historyEvents, KnownProposals } from "../../../server/history/historyEvents";
import type { AuditEntryView } from "../../../shared/audit/auditEntry";
import type { AuditWords } from "../../../shared/audit/auditWords";
import { FloorRoot, Room, TextRoot } from "../../../shared/documentLayout";
import { HistoryEventKind } from "../../../shared/history/paragraphHistory";

const at = "2026-12-01T10:00:00.000Z";

function entry(words: AuditWords, principal = "chair", room: Room = Room.text): AuditEntryView {
  return { seq: 7, room, principal, userId: "u1", userName: "Ana Chair", at, touched: [], words };
}

const proposalOn = (pid: string, text: string) => ({ kind: "replace", anchor: { pid, quote: "open" }, text, createdAt: at });

describe("the events of an audit entry in a paragraph's history", () => {
  it("keeps only the paragraph's own words of a change that touched two", () => {
    const events = historyEvents(entry({ paragraphs: [{ pid: "p1", start: 0, rest: 0, before: "A", after: "AB" }, { pid: "p2", start: 0, rest: 0, before: null, after: "B" }] }), "p2", new KnownProposals());
    expect(events).toEqual([{ seq: 7, at, principal: "chair", userName: "Ana Chair", kind: HistoryEventKind.words, change: { pid: "p2", start: 0, rest: 0, before: null, after: "B" } }]);
  });

  it("gives a rejection the proposal's words as the entries showed them, and no change of words", () => {
    const known = new KnownProposals();
    historyEvents(entry({ records: [{ root: TextRoot.proposals, key: "CUB:x1", value: proposalOn("p3", "free and open") }] }, "state:CUB"), "p3", known);
    const [decision] = historyEvents(entry({ records: [{ root: TextRoot.decisions, key: "proposal:CUB:x1", value: { decision: "rejected", at, note: "No consensus" } }] }), "p3", known);
    expect(decision).toMatchObject({ kind: HistoryEventKind.decision, decision: "rejected", note: "No consensus", proposal: { kind: "replace", text: "free and open", quote: "open" }, change: null });
  });

  it("leaves out records about proposals known to be on another paragraph, and the server's status", () => {
    const known = new KnownProposals();
    known.learn("SLV:y2", proposalOn("p9", "closed"));
    const events = historyEvents(
      entry({
        records: [
          { root: TextRoot.decisions, key: "proposal:SLV:y2", value: { decision: "rejected", at } },
          { root: TextRoot.supports, key: "UZB:SLV:y2", value: true },
          { root: TextRoot.status, key: "p3", value: { status: "open" } },
          { root: TextRoot.decisions, key: "agreed:p9", value: { at, fingerprint: "abc" } },
          { root: TextRoot.decisions, key: "agreed:p3", value: { at, fingerprint: "abc" } },
        ],
      }),
      "p3",
      known,
    );
    expect(events.map((event) => event.kind)).toEqual([HistoryEventKind.agreement]);
  });

  it("reads a silence procedure's outcome for this paragraph, and a stance and comment from the floor", () => {
    const silence = { pids: ["p3", "p4"], startedAt: at, deadline: at, outcome: { settledAt: at, adopted: ["p4"], brokenBy: [{ state: "SLV", reason: "Not yet" }] } };
    const [settled] = historyEvents(entry({ records: [{ root: TextRoot.decisions, key: "silence:s1", value: silence }] }, "server"), "p3", new KnownProposals());
    expect(settled).toMatchObject({ kind: HistoryEventKind.silence, wholeDraft: false, outcome: { adopted: false, brokenBy: [{ state: "SLV", reason: "Not yet" }] } });
    const floor = historyEvents(
      entry({ records: [{ root: FloorRoot.stances, key: "SLV:p3", value: { stance: "object", reason: "Not yet", at } }, { root: FloorRoot.comments, key: "chair:c1", value: { pid: "p3", body: "Noted.", at } }, { root: FloorRoot.comments, key: "chair:c2", value: { pid: "p8", body: "Elsewhere.", at } }] }, "state:SLV", Room.floor),
      "p3",
      new KnownProposals(),
    );
    expect(floor).toMatchObject([{ kind: HistoryEventKind.stance, state: "SLV", stance: "object", reason: "Not yet" }, { kind: HistoryEventKind.comment, author: "chair", body: "Noted.", reply: false }]);
  });
});
