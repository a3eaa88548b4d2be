/**
 * What a room says to, and hears from, the other processes serving it — the relay part a room is
 * given (`Room.ts`). Serving alone there is no one to tell (`LOCAL_LINK`); in cluster mode the link
 * rings the doorbell after each commit and applies what the others committed, in sequence order
 * (`server/cluster/ClusterLink.ts`).
 */
import type { Room as RoomName } from "../../shared/documentLayout";

/** The side of a room a link needs: who it is, and how to apply what another process committed. */
export interface LinkedRoom {
  readonly draftId: string;
  readonly name: RoomName;
  /** Applies an update another process committed, and relays it to this process's clients. */
  applyCommitted(update: Uint8Array): void;
}

/** One room's link to the other processes. */
export interface RoomLink {
  /**
   * This process committed `change` as `seq`. `copyHoldsIt` is false when the room was rebuilt from
   * storage while the commit was in flight, so the live copy must be given the change again.
   */
  committed(seq: number, change: Uint8Array, copyHoldsIt: boolean): void;
  /** The sequence number through which this copy holds every committed update. */
  readonly appliedThrough: number;
  /** Brings this copy up to the log's head (what another process committed that this one has not heard of). */
  catchUp(): Promise<void>;
  /** Stops listening. */
  close(): Promise<void>;
}

/** Links a room whose copy was loaded from the log through `loadedThrough`. */
export type RoomLinker = (room: LinkedRoom, loadedThrough: number) => Promise<RoomLink>;

/** Serving alone: the copy is the only one, and every commit is this process's own. */
class LocalLink implements RoomLink {
  constructor(public appliedThrough: number) {}

  committed(seq: number): void {
    this.appliedThrough = Math.max(this.appliedThrough, seq);
  }

  async catchUp(): Promise<void> {}

  async close(): Promise<void> {}
}

/** The link of a process serving alone. */
export const LOCAL_LINK: RoomLinker = async (_room, loadedThrough) => new LocalLink(loadedThrough);
