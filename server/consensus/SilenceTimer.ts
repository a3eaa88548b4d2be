/**
 * Settles silence procedures at their deadlines, on a timer that survives restarts: every running
 * procedure's deadline is kept in storage, so a start finds them all — and settles at once those
 * whose deadline passed while the server was down. Settling writes the outcome through the room's
 * write path (stored, audited, relayed), and a settled procedure is never settled again.
 *
 * In cluster mode every process records the deadlines its clients set, but only the holder of the
 * silence lease settles them (`server/cluster/ClusterJobs.ts`): it starts paused, `resume`s when it
 * takes the lease and `pause`s when it loses it. Settling must then happen once cluster-wide even
 * if the lease moves mid-way, so before writing an outcome the holder brings its copies up to the
 * log's head (a former holder may have settled the procedure and died before forgetting its
 * deadline) and confirms with the database that it still holds the lease.
 */
import { SYSTEM_CLOCK, type Clock } from "../clock";
import { isDue, settleSilence, silenceProcedures } from "../../shared/consensus/silenceProcedure";
import type { SilenceProcedure } from "../../schemas/records";
import { DecisionPrefix, Room, TextRoot } from "../../shared/documentLayout";
import type { Storage } from "../storage/Storage";
import type { RoomRegistry } from "../sync/RoomRegistry";
import type { Room as LiveRoom } from "../sync/Room";

/** The longest a timer sleeps before looking again (Node timers overflow past about 24.8 days). */
const MAX_SLEEP_MS = 6 * 3_600_000;

/** The least wait before trying again a deadline that is due but could not be settled (its commit failed). */
const RETRY_DUE_MS = 1_000;

/** What the timer tells, and asks, the rest of the server. */
export interface SilenceTimerHooks {
  /** Told after a procedure of a draft is settled (the status publisher recomputes it). */
  afterSettle?(draftId: string): void;
  /** Told after this process stored a new, moved or ended deadline of a draft (in cluster mode, so the holder hears of it). */
  afterDeadlinesChanged?(draftId: string): void;
  /**
   * Cluster mode: the silence lease, asked just before each settlement is written whether this
   * process still holds it. With it, the timer starts paused and settles only between `resume`
   * and `pause`.
   */
  lease?: { confirm(): Promise<boolean> };
}

/** What became of a due deadline: settled here, or not (with the deadline the procedure has now), or not this process's to settle. */
type Settlement = { settled: boolean; remaining: string | null } | "not ours";

/** Keeps the deadlines of every draft's silence procedures. */
export class SilenceTimer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again: Promise<number> | null = null;
  private stopped = false;
  /** Whether this process settles: always alone; in cluster mode while it holds the silence lease. */
  private active: boolean;
  private deadlines: Promise<Map<string, Map<string, string>>> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly rooms: RoomRegistry,
    private readonly clock: Clock = SYSTEM_CLOCK,
    private readonly hooks: SilenceTimerHooks = {},
  ) {
    this.active = hooks.lease === undefined;
  }

  /** Settles what is already due, then sleeps until the next deadline. */
  async start(): Promise<void> {
    await this.settleDue();
  }

  /**
   * Cluster mode: this process took the silence lease (or Redis came back while it holds it, or
   * another process stored a deadline). Reads the deadlines afresh from storage, settles what is
   * due and sleeps until the next one.
   */
  resume(): Promise<number> {
    this.active = true;
    this.deadlines = null;
    return this.settleDue();
  }

  /** Cluster mode: this process lost the silence lease; it settles nothing more until it takes it again. */
  pause(): void {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
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
    if (!changed) return;
    this.hooks.afterDeadlinesChanged?.(room.draftId);
    await this.settleDue();
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

  /**
   * Settles every procedure due now; resolves to how many were settled (none while paused). Asked
   * while a look is under way (it may have read the deadlines before the one that prompted this was
   * stored), it looks once more after that one, for all who asked meanwhile.
   */
  settleDue(): Promise<number> {
    if (this.running) {
      this.again ??= this.running.then(() => {
        this.again = null;
        return this.settleDue();
      });
      return this.again;
    }
    this.running = this.settleDueNow().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async settleDueNow(): Promise<number> {
    if (!this.active || this.stopped) return 0;
    const now = this.clock.now();
    let settled = 0;
    for (const deadline of await this.storage.listDeadlines()) {
      if (Date.parse(deadline.dueAt) > now.getTime()) break;
      const settlement = this.active ? await this.settle(deadline.draftId, deadline.key, now) : "not ours";
      // The lease moved: its new holder settles what is left, and forgets the deadlines it settles.
      if (settlement === "not ours") return settled;
      if (settlement.settled) settled++;
      await this.setDeadline(deadline.draftId, deadline.key, settlement.remaining);
    }
    await this.schedule();
    return settled;
  }

  private async settle(draftId: string, key: string, now: Date): Promise<Settlement> {
    const text = await this.rooms.open(draftId, Room.text);
    if (!text) return { settled: false, remaining: null };
    const floor = await this.rooms.open(draftId, Room.floor);
    try {
      // Another process may have settled it (a former holder of the lease) or moved its deadline.
      await text.catchUp();
      await floor?.catchUp();
      if (this.hooks.lease && !(await this.hooks.lease.confirm())) return "not ours";
      let outcome = null;
      await text.applyServerChange((doc) => {
        const procedure = doc.getMap(TextRoot.decisions).get(key);
        if (procedure && isDue(procedure as never, now)) outcome = settleSilence(doc, floor?.document ?? null, key, now);
      });
      if (outcome !== null) this.hooks.afterSettle?.(draftId);
      // What the copy, caught up, says is left: a procedure moved while this ran keeps its new deadline.
      const procedure = text.document.getMap<SilenceProcedure>(TextRoot.decisions).get(key);
      return { settled: outcome !== null, remaining: procedure && procedure.outcome === undefined ? procedure.deadline : null };
    } finally {
      this.rooms.released(text);
      if (floor) this.rooms.released(floor);
    }
  }

  private async schedule(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || !this.active) return;
    const [next] = await this.storage.listDeadlines();
    if (!next) return;
    // Every due deadline was just settled, so one still due failed: it is tried again, not in a tight loop.
    const until = Date.parse(next.dueAt) - this.clock.now().getTime();
    const wait = until <= 0 ? RETRY_DUE_MS : Math.min(MAX_SLEEP_MS, until);
    this.timer = setTimeout(() => void this.settleDue(), wait);
    this.timer.unref();
  }

  /** Stops the timer; deadlines stay in storage for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.again;
  }
}
