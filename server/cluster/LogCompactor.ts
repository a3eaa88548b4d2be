/**
 * Compaction in cluster mode (DESIGN.md section 8): only the holder of the compaction lease compacts,
 * and it compacts every room whose log has grown past `COMPACT_AFTER_APPENDS` rows, loaded anywhere
 * or nowhere — rooms do not compact their own logs in a cluster (`RoomOptions.compactsLog`), since
 * no process sees all of a room's appends. It finds them in the database (`PostgresStorage.longLogs`)
 * when it takes the lease and every `COMPACTION_CHECK_MS`, and compacts each from the log itself:
 * the merged state of the rows it read takes the place of the last of them, so every process's copy,
 * whatever it has applied, still finds a correct prefix of the log after it.
 */
import * as Y from "yjs";
import type { Room } from "../../shared/documentLayout";
import { log, LogEvent } from "../log";
import type { PostgresStorage } from "../storage/PostgresStorage";
import { COMPACT_AFTER_APPENDS } from "../sync/Room";

/** How often the holder looks for logs to compact. */
export const COMPACTION_CHECK_MS = 60_000;

/** Compacts the cluster's long logs while this process holds the compaction lease. */
export class LogCompactor {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  /** Cleared by `stop`, so a lost lease ends a pass between two rooms. */
  private active = true;

  constructor(
    private readonly storage: PostgresStorage,
    private readonly minRows = COMPACT_AFTER_APPENDS,
    private readonly checkMs = COMPACTION_CHECK_MS,
  ) {}

  /** This process took the lease: compact what is long now, then look again every `checkMs`. */
  start(): void {
    this.active = true;
    void this.compactLongLogs();
    this.timer ??= setInterval(() => void this.compactLongLogs(), this.checkMs);
    this.timer.unref();
  }

  /** This process lost the lease (or is closing): compacts no more; resolves once a compaction under way is over. */
  async stop(): Promise<void> {
    this.active = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Compacts every long log, one at a time; resolves to how many were compacted. */
  compactLongLogs(): Promise<number> {
    this.running ??= this.compactAll()
      .catch((error: unknown) => {
        log.warn(LogEvent.crashAvoided, { during: "compacting the cluster's logs", error });
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async compactAll(): Promise<number> {
    let compacted = 0;
    for (const { draftId, room } of await this.storage.longLogs(this.minRows)) {
      if (!this.active) break;
      if (await this.compactOne(draftId, room)) compacted++;
    }
    return compacted;
  }

  /** Replaces a room's rows by their merged state, garbage-collected as a loaded room's would be. */
  private async compactOne(draftId: string, room: Room): Promise<boolean> {
    const updates = await this.storage.loadUpdates(draftId, room);
    if (updates.length <= 1) return false;
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        for (const { update } of updates) Y.applyUpdate(doc, update);
      });
      await this.storage.compact(draftId, room, Y.encodeStateAsUpdate(doc), updates.at(-1)!.seq);
      return true;
    } finally {
      doc.destroy();
    }
  }
}
