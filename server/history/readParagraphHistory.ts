/**
 * Reads one paragraph's history from the audit, oldest first, a page at a time: the entries the
 * audit filed under the paragraph (`audit_pids`) turned into events (`historyEvents`), with each
 * writer's name, the `floor` room's entries only for a reader of the floor, and the paragraph in
 * each published revision. The audit is stored beside the update log, never in it, so compacting
 * the log changes nothing here.
 */
import { Room } from "../../shared/documentLayout";
import type { HistoryEvent, ParagraphHistoryPage } from "../../shared/history/paragraphHistory";
import { withUserNames } from "../audit/withUserNames";
import type { Storage } from "../storage/Storage";
import { historyEvents, type KnownProposals } from "./historyEvents";
import { paragraphInRevisions } from "./paragraphInRevisions";

/** Events a page holds unless `limit` asks for fewer or more (a page ends with a whole entry's events). */
export const HISTORY_PAGE_SIZE = 200;
/** The most events one page asks for, however many `limit` asks for. */
export const MAX_HISTORY_PAGE_SIZE = 1000;

/** Which page of whose history, for whom. */
export interface HistoryRequest {
  draftId: string;
  pid: string;
  /** Only events of audit entries after this sequence number (a previous page's `next`). */
  after?: number;
  limit?: number;
  /** Whether the reader may read the `floor` room (stances, comments): `shared/readPolicy.ts`. */
  readsFloor: boolean;
  /** The draft's proposals, to name a proposal a decision is about when its own entry is on an earlier page. */
  proposals: KnownProposals;
}

/** One page of paragraph `pid`'s history: at least `limit` events when there are that many, oldest first. */
export async function readParagraphHistory(storage: Storage, request: HistoryRequest): Promise<ParagraphHistoryPage> {
  const { draftId, pid, readsFloor, proposals } = request;
  const wanted = Math.min(request.limit ?? HISTORY_PAGE_SIZE, MAX_HISTORY_PAGE_SIZE);
  const events: HistoryEvent[] = [];
  let cursor = request.after ?? 0;
  let next: number | null = null;
  for (;;) {
    // Most entries filed under a paragraph may give no event (the server's status publications), so read on until the page is full.
    const entries = await storage.readAudit(draftId, { pid, after: cursor, oldestFirst: true, limit: wanted });
    const readable = entries.filter((entry) => readsFloor || entry.room !== Room.floor);
    for (const entry of await withUserNames(storage.identity, readable)) {
      events.push(...historyEvents(entry, pid, proposals));
      if (events.length >= wanted) {
        next = entry.seq;
        break;
      }
    }
    if (next !== null || entries.length < wanted) break;
    cursor = entries[entries.length - 1]!.seq;
  }
  return { pid, events, next, revisions: await paragraphInRevisions(storage, draftId, pid) };
}
