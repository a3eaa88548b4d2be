/** A paragraph's history as the panel lists it: keystrokes in a row read as one change, revisions in their places. */
import { HistoryEventKind, type HistoryEvent, type ParagraphInRevision, type WordsEvent } from "../../../shared/history/paragraphHistory";
import { historyItems } from "../../../client/history/historyItems";

let seq = 0;

function edit(at: string, before: string, after: string, principal = "chair"): WordsEvent {
  return { seq: ++seq, at, principal, userName: principal === "chair" ? "Chair Ana" : null, kind: HistoryEventKind.words, change: { pid: "p3", start: 0, rest: 0, before, after } };
}

function revision(publishedAt: string, ordinal: number): ParagraphInRevision {
  return { id: `rev${ordinal}`, label: `Rev.${ordinal}`, ordinal, date: publishedAt.slice(0, 10), publishedAt, number: "3", words: "The words." };
}

const shown = (items: ReturnType<typeof historyItems>) => items.map((item) => ("revision" in item ? item.revision.label : `${item.event.kind}×${item.edits}`));

describe("the items of a paragraph's history", () => {
  it("reads one person's keystrokes in a row as one change from the first words to the last", () => {
    const events = [edit("2026-12-01T10:00:00Z", "Open", "Open,"), edit("2026-12-01T10:00:01Z", "Open,", "Open, secure"), edit("2026-12-01T10:00:02Z", "Open, secure", "Open, secure ICT")];
    const items = historyItems(events, [], true);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ edits: 3, firstAt: "2026-12-01T10:00:00Z", event: { at: "2026-12-01T10:00:02Z", change: { before: "Open", after: "Open, secure ICT" } } });
  });

  it("keeps apart changes by different people, far apart in time, or with another event between", () => {
    const proposal: HistoryEvent = { seq: ++seq, at: "2026-12-01T10:00:03Z", principal: "state:CUB", userName: "Cuba", kind: HistoryEventKind.proposal, key: "CUB:x1", proposal: { kind: "insert", text: "free", quote: "" }, withdrawn: false };
    const events = [
      edit("2026-12-01T10:00:00Z", "A", "AB"),
      edit("2026-12-01T11:00:00Z", "AB", "ABC"),
      proposal,
      edit("2026-12-01T11:00:04Z", "ABC", "ABCD"),
    ];
    expect(shown(historyItems(events, [], true))).toEqual(["words×1", "words×1", "proposal×1", "words×1"]);
  });

  it("puts each revision where it was published, and those after the last event shown only once there are no later pages", () => {
    const events = [edit("2026-12-01T10:00:00Z", "A", "AB"), edit("2026-12-03T10:00:00Z", "AB", "ABC")];
    const revisions = [revision("2026-12-04T09:00:00Z", 2), revision("2026-12-02T09:00:00Z", 1)];
    expect(shown(historyItems(events, revisions, true))).toEqual(["words×1", "Rev.1", "words×1", "Rev.2"]);
    expect(shown(historyItems(events, revisions, false))).toEqual(["words×1", "Rev.1", "words×1"]);
  });

  it("does not merge keystrokes across a revision published between them", () => {
    const events = [edit("2026-12-01T10:00:00Z", "A", "AB"), edit("2026-12-01T10:00:02Z", "AB", "ABC")];
    expect(shown(historyItems(events, [revision("2026-12-01T10:00:01Z", 1)], true))).toEqual(["words×1", "Rev.1", "words×1"]);
  });
});
