/**
 * Settles silence procedures at their deadlines, on a timer that survives restarts: every running
 * procedure's deadline is kept in storage, so a start finds them all — and settles at once those
 * whose deadline passed while the server was down. Settling writes the outcome through the room's
 * write path (stored, audited, relayed), and a settled procedure is never settled again.
 */
import { SYSTEM_CLOCK, type Clock } from "../clock";
import { isDue, settleSilence, silenceProcedures } from "../../shared/consensus/silenceProcedure";
import { DecisionPrefix, Room, TextRoot } from "../../shared/documentLayout";
import type { Storage } from "../storage/Storage";
import type { RoomRegistry } from "../sync/RoomRegistry";
import type { Room as LiveRoom } from "../sync/Room";

/** The longest a timer sleeps before looking again (Node timers overflow past about 24.8 days). */
const MAX_SLEEP_MS = 6 * 3_600_000;

/** Keeps the deadlines of every draft's silence procedures. */
export class SilenceTimer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;
  private deadlines: Promise<Map<string, Map<string, string>>> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly rooms: RoomRegistry,
    private readonly clock: Clock = SYSTEM_CLOCK,
    /** Told after a procedure of a draft is settled (the status publisher recomputes it). */
    private readonly afterSettle: (draftId: string) => void = () => {},
  ) {}

  /** Settles what is already due, then sleeps until the next deadline. */
  async start(): Promise<void> {
    await this.settleDue();
  }

  /**
   * Records the deadlines of the procedures in `room` (a `text` room a client just changed). This
   * runs after every committed change, so it compares with the deadlines kept in memory and touches
   * storage only when one was added, moved or ended.
   */
  async noteChange(room: LiveRoom): Promise<void> {
    if (room.name !== Room.text || this.stopped) return;
    const known = (await this.recorded()).get(room.draftId) ?? new Map<string, string>();
    const decisions = room.document.getMap(TextRoot.decisions);
    let changed = false;
    for (const [key, procedure] of silenceProcedures(room.document)) {
      const dueAt = procedure.outcome === undefined ? procedure.deadline : null;
      if ((known.get(key) ?? null) === dueAt) continue;
      await this.setDeadline(room.draftId, key, dueAt);
      changed = true;
    }
    for (const key of Array.from(known.keys())) {
      if (key.startsWith(DecisionPrefix.silence) && !decisions.has(key)) {
        await this.setDeadline(room.draftId, key, null);
        changed = true;
      }
    }
    if (changed) await this.settleDue();
  }

  /** The stored deadlines by draft and key, read from storage once. */
  private recorded(): Promise<Map<string, Map<string, string>>> {
    this.deadlines ??= this.storage.listDeadlines().then((all) => {
      const byDraft = new Map<string, Map<string, string>>();
      for (const { draftId, key, dueAt } of all) byDraft.set(draftId, (byDraft.get(draftId) ?? new Map()).set(key, dueAt));
      return byDraft;
    });
    return this.deadlines;
  }

  /** Stores a deadline (null forgets it) and keeps the copy in memory in step. */
  private async setDeadline(draftId: string, key: string, dueAt: string | null): Promise<void> {
    await this.storage.setDeadline(draftId, key, dueAt);
    const byDraft = await this.recorded();
    const keys = byDraft.get(draftId) ?? new Map<string, string>();
    if (dueAt === null) keys.delete(key);
    else keys.set(key, dueAt);
    if (keys.size > 0) byDraft.set(draftId, keys);
    else byDraft.delete(draftId);
  }

  /** Settles every procedure due now; resolves to how many were settled. */
  settleDue(): Promise<number> {
    this.running ??= this.settleDueNow().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async settleDueNow(): Promise<number> {
    const now = this.clock.now();
    let settled = 0;
    for (const deadline of await this.storage.listDeadlines()) {
      if (Date.parse(deadline.dueAt) > now.getTime()) break;
      if (await this.settle(deadline.draftId, deadline.key, now)) settled++;
      await this.setDeadline(deadline.draftId, deadline.key, null);
    }
    await this.schedule();
    return settled;
  }

  private async settle(draftId: string, key: string, now: Date): Promise<boolean> {
    const text = await this.rooms.open(draftId, Room.text);
    if (!text) return false;
    const floor = await this.rooms.open(draftId, Room.floor);
    try {
      await text.ready();
      await floor?.ready();
      let outcome = null;
      await text.applyServerChange((doc) => {
        const procedure = doc.getMap(TextRoot.decisions).get(key);
        if (procedure && isDue(procedure as never, now)) outcome = settleSilence(doc, floor?.document ?? null, key, now);
      });
      if (outcome !== null) this.afterSettle(draftId);
      return outcome !== null;
    } finally {
      this.rooms.released(text);
      if (floor) this.rooms.released(floor);
    }
  }

  private async schedule(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped) return;
    const [next] = await this.storage.listDeadlines();
    if (!next) return;
    const wait = Math.min(MAX_SLEEP_MS, Math.max(0, Date.parse(next.dueAt) - this.clock.now().getTime()));
    this.timer = setTimeout(() => void this.settleDue(), wait);
    this.timer.unref();
  }

  /** Stops the timer; deadlines stay in storage for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
