/**
 * Keeps one process's copy of a room in step with the database's log (DESIGN.md section 8, cluster
 * mode): the doorbell says "the room is now at sequence N" (with the bytes when they are small), in
 * any order, twice, or not at all; this applies the committed updates strictly in sequence order,
 * exactly once each, fetching any it was not given from the store. A head check (after a Redis
 * reconnect, and periodically) is a ring without bytes, so a process that died between its commit
 * and its publish delays the others only until the next check.
 */

/** One committed update of the room's log. */
export interface SequencedUpdate {
  seq: number;
  update: Uint8Array;
}

/** What the applier needs: how to apply an update, and how to read the log after a number. */
export interface SequencedApplierParts {
  /** Applies one committed update to this process's copy. Called in sequence order, once per update. */
  apply(update: SequencedUpdate): void;
  /** The log's updates after `seq`, in order (after compaction, a merged state may stand for several). */
  fetchAfter(seq: number): Promise<SequencedUpdate[]>;
  /** A fetch failed (the database is down, say): the applier retries at the next ring or head check. */
  onFetchError?(error: unknown): void;
}

/** Applies a room's committed updates in sequence order, filling gaps from the store. */
export class SequencedApplier {
  private applied: number;
  /** Updates rung with their bytes but not yet applicable: a gap lies before them. */
  private readonly waiting = new Map<number, Uint8Array>();
  /** Updates this process committed itself, so its copy holds them already, whatever came before. */
  private readonly local = new Set<number>();
  /** The highest sequence number known to exist. */
  private known: number;
  private fetching: Promise<void> | null = null;

  constructor(
    appliedThrough: number,
    private readonly parts: SequencedApplierParts,
  ) {
    this.applied = appliedThrough;
    this.known = appliedThrough;
  }

  /** The last sequence number applied to this copy. */
  get appliedThrough(): number {
    return this.applied;
  }

  /**
   * The doorbell rang: the log reaches `seq`, whose update is `update` when the ring carried it.
   * Resolves once this copy has applied through `seq`, or a fetch failed.
   */
  ring(seq: number, update: Uint8Array | null = null): Promise<void> {
    if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`A sequence number must be a non-negative integer, not ${seq}`);
    if (seq <= this.applied) return Promise.resolve();
    this.known = Math.max(this.known, seq);
    if (update && !this.local.has(seq)) this.waiting.set(seq, update);
    this.applyWaiting();
    if (this.applied >= this.known) return Promise.resolve();
    return this.fill();
  }

  /**
   * This process committed `seq` and its copy holds it already: count it as applied when its turn
   * comes, without applying it again. Resolves once the copy has applied through `seq`.
   */
  committedHere(seq: number): Promise<void> {
    if (seq <= this.applied) return Promise.resolve();
    this.local.add(seq);
    return this.ring(seq);
  }

  /** The store says the log's head is `head`: the same as a ring without bytes. */
  checkHead(head: number): Promise<void> {
    return this.ring(head);
  }

  /** Applies every waiting update that follows the last applied one without a gap. */
  private applyWaiting(): void {
    for (;;) {
      const seq = this.applied + 1;
      if (this.local.delete(seq)) {
        this.waiting.delete(seq);
        this.applied = seq;
        continue;
      }
      const next = this.waiting.get(seq);
      if (!next) return;
      this.waiting.delete(seq);
      this.applied = seq;
      this.parts.apply({ seq, update: next });
    }
  }

  /** Fetches from the store until this copy has applied everything known to exist; one fetch at a time. */
  private fill(): Promise<void> {
    this.fetching ??= (async () => {
      try {
        while (this.applied < this.known) {
          const fetched = await this.parts.fetchAfter(this.applied);
          let progressed = false;
          for (const { seq, update } of fetched) {
            if (seq <= this.applied) continue;
            this.applied = seq;
            progressed = true;
            if (!this.local.delete(seq)) this.parts.apply({ seq, update });
            for (const passed of this.waiting.keys()) if (passed <= seq) this.waiting.delete(passed);
            for (const passed of this.local) if (passed <= seq) this.local.delete(passed);
          }
          this.applyWaiting();
          // The store has nothing more yet (the ring came before its commit was visible): the next ring or head check retries.
          if (!progressed) break;
        }
      } catch (error) {
        this.parts.onFetchError?.(error);
      } finally {
        this.fetching = null;
      }
    })();
    return this.fetching;
  }
}
