/**
 * The periodic head check of cluster mode (DESIGN.md section 8): a ring lost with a process that
 * died between its commit and its publish is made good by reading the rooms' heads from the
 * database. One query every period answers for every room this process has loaded, rather than a
 * query per room, so a process holding hundreds of rooms costs the database one read per period.
 */
import type { Room } from "../../shared/documentLayout";
import { log, LogEvent } from "../log";
import type { PostgresStorage } from "../storage/PostgresStorage";

/** Told a room's head as the database has it now. */
export type HeadListener = (head: number) => void;

/** Reads the heads of every watched room every `periodMs`. */
export class HeadWatch {
  private readonly listeners = new Map<string, Set<HeadListener>>();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly storage: PostgresStorage,
    private readonly periodMs: number,
  ) {}

  /** Tells `listener` the head of `room` of `draftId` every period; returns what stops it. */
  watch(draftId: string, room: Room, listener: HeadListener): () => void {
    const key = roomKey(draftId, room);
    const listeners = this.listeners.get(key) ?? new Set<HeadListener>();
    listeners.add(listener);
    this.listeners.set(key, listeners);
    if (!this.timer) {
      this.timer = setInterval(() => void this.checkAll(), this.periodMs);
      this.timer.unref();
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(key) === listeners) this.listeners.delete(key);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Stops checking. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Reads every watched room's head now, in one query (after Redis comes back: rings may have been lost). */
  checkNow(): Promise<void> {
    return this.checkAll();
  }

  /** Reads every watched room's head in one query; a check still running when the next is due is not doubled. */
  private async checkAll(): Promise<void> {
    if (this.checking || this.listeners.size === 0) return;
    this.checking = true;
    try {
      const draftIds = Array.from(new Set(Array.from(this.listeners.keys(), (key) => key.slice(0, key.lastIndexOf("/")))));
      for (const { draftId, room, head } of await this.storage.roomHeads(draftIds)) {
        for (const listener of Array.from(this.listeners.get(roomKey(draftId, room)) ?? [])) listener(head);
      }
    } catch (error) {
      log.warn(LogEvent.crashAvoided, { during: "reading the rooms' heads", error });
    } finally {
      this.checking = false;
    }
  }
}

function roomKey(draftId: string, room: Room): string {
  return `${draftId}/${room}`;
}
