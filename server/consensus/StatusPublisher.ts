/**
 * Publishes each paragraph's consensus status in the `text` room's `status` map, so that readers
 * without the `floor` room (observers) see it too. After a change to either room of a draft it
 * recomputes the consensus (`shared/consensus/`) and writes only what differs, once per tick.
 *
 * Each publication also saves the draft's summary (meta title and symbol, and the progress just
 * published) with the draft in storage, which is where `GET /api/drafts` reads it: listing drafts
 * loads no room. Every change that can move the figures (to `content`, `proposals`, `decisions`,
 * `meta` or `stances`, a silence deadline) already leads here, so the summary is never staler than
 * the published status. A new draft is summarized when it is created (`Drafts.create`); drafts
 * stored before summaries were kept are published once, one at a time, when the server starts.
 *
 * In cluster mode one process publishes, the holder of the status lease (`server/cluster/ClusterJobs.ts`):
 * the others stand by (`standBy`) and tell it of their changes; on taking over (`takeOver`) it
 * publishes every draft, since it may have missed changes while another held the lease.
 */
import { isDeepStrictEqual } from "node:util";
import type * as Y from "yjs";
import type { Progress } from "../../schemas/records";
import { draftConsensus, type ConsensusResult } from "../../shared/consensus/consensusStatus";
import { MetaKey, PROGRESS_KEY, Room, TextRoot } from "../../shared/documentLayout";
import { log, LogEvent } from "../log";
import type { DraftSummary, Storage } from "../storage/Storage";
import type { RoomRegistry } from "../sync/RoomRegistry";

/** Writes the difference between `status` and the computed consensus into `status`; returns the progress. */
export function writeStatus(status: Y.Map<unknown>, textDoc: Y.Doc, floorDoc: Y.Doc | null): Progress {
  const { paragraphs, progress } = draftConsensus(textDoc, floorDoc);
  for (const key of Array.from(status.keys())) {
    if (key !== PROGRESS_KEY && !paragraphs.has(key)) status.delete(key);
  }
  for (const [pid, paragraph] of paragraphs) {
    if (!isDeepStrictEqual(status.get(pid), paragraph)) status.set(pid, paragraph);
  }
  if (!isDeepStrictEqual(status.get(PROGRESS_KEY), progress)) status.set(PROGRESS_KEY, progress);
  return progress;
}

/** Whether `status` already says what `consensus` computed, so that `writeStatus` would write nothing. */
export function statusIsCurrent(status: Y.Map<unknown>, { paragraphs, progress }: ConsensusResult): boolean {
  for (const key of status.keys()) if (key !== PROGRESS_KEY && !paragraphs.has(key)) return false;
  for (const [pid, paragraph] of paragraphs) if (!isDeepStrictEqual(status.get(pid), paragraph)) return false;
  return isDeepStrictEqual(status.get(PROGRESS_KEY), progress);
}

/** What the drafts list shows of a `text` room: its meta title (null when it has none) and symbol, with `progress`. */
export function summarizeDraft(textDoc: Y.Doc, progress: Progress): DraftSummary {
  const meta = textDoc.getMap(TextRoot.meta);
  const title = meta.get(MetaKey.title);
  const symbol = meta.get(MetaKey.symbol);
  return {
    title: typeof title === "string" && title.trim() !== "" ? title : null,
    symbol: typeof symbol === "string" && symbol.trim() !== "" ? symbol : null,
    progress,
  };
}

/**
 * The least time between two recomputations of one draft. Recomputing reads the whole text (about
 * 12 ms for a 1.3 MB draft), so a busy room recomputes a few times a second, not on every keystroke;
 * a change after a quiet spell is published on the next tick.
 */
export const STATUS_MIN_INTERVAL_MS = 200;

/** Keeps every draft's `status` in step with its rooms. */
export class StatusPublisher {
  private readonly pending = new Map<string, Promise<void>>();
  /**
   * When each draft was last recomputed: one number per draft kept, rather than a timer per run
   * to forget it (entries older than the interval simply no longer delay anything).
   */
  private readonly lastRun = new Map<string, number>();
  /**
   * The summary this publisher last saved for each draft, so that an edit that moves no figure
   * writes nothing; it relies on this publisher being the only writer of its drafts' summaries
   * (in cluster mode, while it holds the status lease: `standBy` forgets it).
   */
  private readonly savedSummaries = new Map<string, string>();
  /** Drafts whose floor is known to hold something: a stored room never becomes empty again. */
  private readonly floorsWithStances = new Set<string>();
  private rooms: RoomRegistry | null = null;
  private storage: Storage | null = null;
  private catchingUp: Promise<void> | null = null;
  private republishing: Promise<void> | null = null;
  private stopping = false;
  /** Whether this process publishes: always serving alone; in cluster mode while it holds the status lease. */
  private active = true;

  /** Connects the publisher to the rooms it reads and writes (they are created after it). */
  attach(rooms: RoomRegistry, storage: Storage): void {
    this.rooms = rooms;
    this.storage = storage;
  }

  /** Schedules a recomputation of draft `draftId`; changes until it runs share it. */
  changed(draftId: string): Promise<void> {
    if (!this.active) return Promise.resolve();
    let run = this.pending.get(draftId);
    if (!run) {
      const wait = Math.max(0, (this.lastRun.get(draftId) ?? 0) + STATUS_MIN_INTERVAL_MS - performance.now());
      run = new Promise<void>((resolve) => (wait === 0 ? setImmediate(resolve) : setTimeout(resolve, wait)))
        .then(() => {
          this.pending.delete(draftId);
          this.lastRun.set(draftId, performance.now());
          // The lease moved while this run waited: the new holder publishes the draft.
          return this.active ? this.publish(draftId) : undefined;
        })
        .catch((error: unknown) => log.error(LogEvent.crashAvoided, { during: "publishing a draft's status", draftId, error }));
      this.pending.set(draftId, run);
    }
    return run;
  }

  /** Recomputes and writes the status of draft `draftId` now. */
  async publish(draftId: string): Promise<void> {
    const rooms = this.rooms;
    if (!rooms) throw new RangeError("The status publisher has no rooms attached");
    const text = await rooms.open(draftId, Room.text);
    if (!text) return;
    // A floor nobody has written to holds no stances: loading a room for it would only cost memory.
    let hasStances = this.floorsWithStances.has(draftId) || (await rooms.loaded(draftId, Room.floor)) !== null;
    if (!hasStances && (await this.storage!.hasUpdates(draftId, Room.floor))) {
      this.floorsWithStances.add(draftId);
      hasStances = true;
    }
    const floor = hasStances ? await rooms.open(draftId, Room.floor) : null;
    try {
      // In cluster mode the change may have been committed elsewhere and not yet be applied here.
      await text.catchUp();
      await floor?.catchUp();
      let summary: DraftSummary | undefined;
      // Most changes (words typed in an open paragraph) move no status: checked outside a
      // transaction, so that they cost no Yjs transaction on the room; on the copy a rebuild
      // begun meanwhile would put in place, as the transaction would be.
      await text.ready();
      const consensus = draftConsensus(text.document, floor?.document ?? null);
      if (statusIsCurrent(text.document.getMap(TextRoot.status), consensus)) summary = summarizeDraft(text.document, consensus.progress);
      else {
        await text.applyServerChange((doc) => {
          summary = summarizeDraft(doc, writeStatus(doc.getMap(TextRoot.status), text.document, floor?.document ?? null));
        });
      }
      const saved = summary && JSON.stringify(summary);
      if (summary && saved !== this.savedSummaries.get(draftId)) {
        await this.storage!.saveSummary(draftId, summary);
        this.savedSummaries.set(draftId, saved!);
      }
    } finally {
      rooms.released(text);
      if (floor) rooms.released(floor);
    }
  }

  /**
   * Publishes, one draft at a time, every draft that has no summary in storage (drafts stored before
   * summaries were kept); runs once however often it is called.
   */
  catchUp(): Promise<void> {
    this.catchingUp ??= (async () => {
      const storage = this.storage;
      if (!storage) throw new RangeError("The status publisher has no storage attached");
      for (const draft of await storage.listDrafts()) {
        if (this.stopping) return;
        if (draft.progress === null) await this.publish(draft.id);
      }
    })().catch((error: unknown) => log.error(LogEvent.crashAvoided, { during: "publishing the status of drafts without a summary", error }));
    return this.catchingUp;
  }

  /**
   * Cluster mode: this process stops publishing (another holds the status lease). What it saved is
   * forgotten, since others will write the summaries meanwhile.
   */
  standBy(): void {
    this.active = false;
    this.savedSummaries.clear();
  }

  /**
   * Cluster mode: this process took the status lease (or Redis came back while it holds it). It
   * publishes every draft, one at a time, having perhaps missed their changes; resolves once done.
   */
  takeOver(): Promise<void> {
    this.active = true;
    const previous = this.republishing ?? Promise.resolve();
    const run = previous.then(() => this.republishAll());
    this.republishing = run;
    void run.finally(() => {
      if (this.republishing === run) this.republishing = null;
    });
    return run;
  }

  private async republishAll(): Promise<void> {
    try {
      for (const draft of await this.storage!.listDrafts()) {
        if (this.stopping || !this.active) return;
        await this.publish(draft.id);
      }
    } catch (error) {
      log.error(LogEvent.crashAvoided, { during: "publishing the status of every draft", error });
    }
  }

  /** Resolves once every scheduled recomputation has run. */
  async settled(): Promise<void> {
    await this.catchingUp;
    await this.republishing;
    while (this.pending.size > 0) await Promise.all(this.pending.values());
  }

  /** Stops catching up (the server is closing) and resolves once nothing is left running. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.settled();
  }
}
