/**
 * A room's link in cluster mode (DESIGN.md section 8): after each commit here, the doorbell rings
 * with the new sequence number (and the bytes when small); what the other processes committed is
 * applied to this copy strictly in sequence order (`SequencedApplier`), gaps filled from PostgreSQL.
 * The cluster's `HeadWatch` reads the room's head again after Redis comes back and every period, so
 * a ring lost with a process that died between its commit and its publish delays this copy only that long.
 */
import { log, LogEvent } from "../log";
import type { LinkedRoom, RoomLink, RoomLinker } from "../sync/RoomLink";
import type { Cluster } from "./Cluster";
import { SequencedApplier } from "./SequencedApplier";

class ClusterLink implements RoomLink {
  private readonly applier: SequencedApplier;
  private unlisten: (() => Promise<void>) | null = null;
  private unwatch: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly room: LinkedRoom,
    loadedThrough: number,
    private readonly cluster: Cluster,
  ) {
    const storage = cluster.storage;
    this.applier = new SequencedApplier(loadedThrough, {
      // A link closed (the room unloaded or rebuilt) applies nothing more: the room's next copy is loaded from the log.
      apply: ({ update }) => {
        if (!this.closed) room.applyCommitted(update);
      },
      fetchAfter: (seq) => storage.loadUpdates(room.draftId, room.name, seq),
      onFetchError: (error) => log.warn(LogEvent.crashAvoided, { during: "catching up with the log", draftId: room.draftId, room: room.name, error }),
    });
  }

  /**
   * Listens to the room's doorbell and reads its head once listening has begun, so no ring before it
   * is missed. Only the database is waited for: while Redis is out of reach the room still loads, and
   * keeps up through the head checks until the subscription is made.
   */
  async open(): Promise<void> {
    const { draftId, name } = this.room;
    this.unwatch = this.cluster.heads.watch(draftId, name, (head) => {
      if (!this.closed) void this.applier.checkHead(head);
    });
    this.cluster.doorbell
      .listen(draftId, name, (seq, update) => {
        if (!this.closed) void this.applier.ring(seq, update);
      })
      .then(
        (unlisten) => {
          if (this.closed) return void unlisten();
          this.unlisten = unlisten;
          return this.catchUp();
        },
        (error: unknown) => log.warn(LogEvent.crashAvoided, { during: "listening to a room's doorbell", draftId, room: name, error }),
      );
    await this.catchUp();
  }

  get appliedThrough(): number {
    return this.applier.appliedThrough;
  }

  committed(seq: number, change: Uint8Array, copyHoldsIt: boolean): void {
    void (copyHoldsIt ? this.applier.committedHere(seq) : this.applier.ring(seq, change));
    const { draftId, name } = this.room;
    // Committed already: a ring Redis does not take only delays the others until their next head check.
    this.cluster.doorbell.ring(draftId, name, seq, change).catch((error: unknown) => log.warn(LogEvent.crashAvoided, { during: "ringing the doorbell", draftId, room: name, seq, error }));
  }

  async catchUp(): Promise<void> {
    if (this.closed) return;
    let head: number;
    try {
      head = await this.cluster.storage.roomHead(this.room.draftId, this.room.name);
    } catch (error) {
      log.warn(LogEvent.crashAvoided, { during: "reading a room's head", draftId: this.room.draftId, room: this.room.name, error });
      return;
    }
    await this.applier.checkHead(head);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unwatch?.();
    await this.unlisten?.();
  }
}

/** Links each room of this process to the other processes of `cluster`. */
export function clusterLink(cluster: Cluster): RoomLinker {
  return async (room, loadedThrough) => {
    const link = new ClusterLink(room, loadedThrough, cluster);
    await link.open();
    return link;
  };
}
