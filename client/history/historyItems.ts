/**
 * A paragraph's history as the panel lists it, oldest first: one person's changes to the words in
 * a row, each close to the next, read as one change from the first words to the last (as in the
 * audit log, so a typed sentence is one item, not one per keystroke), and each published revision
 * in its place among the events, with the paragraph's number and words in it.
 */
import { EDIT_RUN_GAP_MS } from "../../shared/audit/auditEntry";
import { mergeParagraphWords } from "../../shared/audit/auditWords";
import { HistoryEventKind, type HistoryEvent, type ParagraphInRevision, type WordsEvent } from "../../shared/history/paragraphHistory";

/** One item of the list: an event (`edits` changes of the words merged into one) or a revision. */
export type HistoryItem = { event: HistoryEvent; edits: number; firstAt: string } | { revision: ParagraphInRevision };

/**
 * The items of `events` (oldest first) with `revisions` in their places. Revisions published after
 * the last event shown wait for the next page unless `complete` says there is none.
 */
export function historyItems(events: readonly HistoryEvent[], revisions: readonly ParagraphInRevision[], complete: boolean): HistoryItem[] {
  const items: HistoryItem[] = [];
  const waiting = [...revisions].sort((a, b) => a.ordinal - b.ordinal);
  const placeRevisionsBefore = (at: string | null) => {
    while (waiting.length > 0 && (at === null || Date.parse(waiting[0]!.publishedAt) <= Date.parse(at))) items.push({ revision: waiting.shift()! });
  };
  for (const event of events) {
    placeRevisionsBefore(event.at);
    const last = items[items.length - 1];
    if (last && "event" in last && event.kind === HistoryEventKind.words && last.event.kind === HistoryEventKind.words && sameWriter(last.event, event) && Date.parse(event.at) - Date.parse(last.event.at) <= EDIT_RUN_GAP_MS) {
      const merged = mergeParagraphWords(last.event.change, event.change);
      if (merged) {
        items[items.length - 1] = { event: { ...event, change: merged }, edits: last.edits + 1, firstAt: last.firstAt };
        continue;
      }
    }
    items.push({ event, edits: 1, firstAt: event.at });
  }
  if (complete) placeRevisionsBefore(null);
  return items;
}

function sameWriter(a: WordsEvent, b: WordsEvent): boolean {
  return a.principal === b.principal && a.userName === b.userName;
}
