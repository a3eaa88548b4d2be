/**
 * Publishes each paragraph's consensus status in the `text` room's `status` map, so that readers
 * without the `floor` room (observers) see it too. After a change to either room of a draft it
 * recomputes the consensus (`shared/consensus/`) and writes only what differs, once per tick.
 */
import { isDeepStrictEqual } from "node:util";
import type * as Y from "yjs";
import { draftConsensus } from "../../shared/consensus/consensusStatus";
import { PROGRESS_KEY, Room, TextRoot } from "../../shared/documentLayout";
import type { Storage } from "../storage/Storage";
import type { RoomRegistry } from "../sync/RoomRegistry";

/** Writes the difference between `status` and the computed consensus into `status`. */
export function writeStatus(status: Y.Map<unknown>, textDoc: Y.Doc, floorDoc: Y.Doc | null): void {
  const { paragraphs, progress } = draftConsensus(textDoc, floorDoc);
  for (const key of Array.from(status.keys())) {
    if (key !== PROGRESS_KEY && !paragraphs.has(key)) status.delete(key);
  }
  for (const [pid, paragraph] of paragraphs) {
    if (!isDeepStrictEqual(status.get(pid), paragraph)) status.set(pid, paragraph);
  }
  if (!isDeepStrictEqual(status.get(PROGRESS_KEY), progress)) status.set(PROGRESS_KEY, progress);
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
  private readonly lastRun = new Map<string, number>();
  private rooms: RoomRegistry | null = null;
  private storage: Storage | null = null;

  /** Connects the publisher to the rooms it reads and writes (they are created after it). */
  attach(rooms: RoomRegistry, storage: Storage): void {
    this.rooms = rooms;
    this.storage = storage;
  }

  /** Schedules a recomputation of draft `draftId`; changes until it runs share it. */
  changed(draftId: string): Promise<void> {
    let run = this.pending.get(draftId);
    if (!run) {
      const wait = Math.max(0, (this.lastRun.get(draftId) ?? 0) + STATUS_MIN_INTERVAL_MS - performance.now());
      run = new Promise<void>((resolve) => (wait === 0 ? setImmediate(resolve) : setTimeout(resolve, wait)))
        .then(() => {
          this.pending.delete(draftId);
          this.lastRun.set(draftId, performance.now());
          // Past the interval the time no longer matters: forget it, so idle drafts cost nothing.
          setTimeout(() => this.lastRun.delete(draftId), STATUS_MIN_INTERVAL_MS).unref();
          return this.publish(draftId);
        })
        .catch((error: unknown) => console.error(`Status of draft ${draftId} could not be published:`, error));
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
    const hasStances = (await rooms.loaded(draftId, Room.floor)) !== null || (await this.storage!.hasUpdates(draftId, Room.floor));
    const floor = hasStances ? await rooms.open(draftId, Room.floor) : null;
    try {
      await text.ready();
      await floor?.ready();
      await text.applyServerChange((doc) => writeStatus(doc.getMap(TextRoot.status), text.document, floor?.document ?? null), [{ root: TextRoot.status, key: null }]);
    } finally {
      rooms.released(text);
      if (floor) rooms.released(floor);
    }
  }

  /** Resolves once every scheduled recomputation has run. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending.values());
  }
}
