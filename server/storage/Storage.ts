/**
 * Where drafts and their Yjs updates live. One interface, so the embedded SQLite store and a
 * PostgreSQL store are interchangeable; every call is async for the sake of the latter.
 */
import type { Room } from "../../shared/documentLayout";

/** A draft as the drafts list shows it. */
export interface DraftRecord {
  id: string;
  title: string;
  createdAt: string;
}

/** One stored update of a room, in commit order. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** Durable home of drafts and their update logs. */
export interface Storage {
  /** Records a new draft and the first update of each room, in one commit. */
  createDraft(draft: DraftRecord, initialUpdates: ReadonlyMap<Room, Uint8Array>): Promise<void>;
  getDraft(id: string): Promise<DraftRecord | null>;
  listDrafts(): Promise<DraftRecord[]>;
  /** Appends an update to a room's log; resolves once it is committed, so it survives a crash. */
  appendUpdate(draftId: string, room: Room, update: Uint8Array): Promise<number>;
  /** A room's log in commit order. */
  loadUpdates(draftId: string, room: Room): Promise<StoredUpdate[]>;
  /** Replaces every update up to `throughSeq` by `merged`, which must hold all of them. */
  compact(draftId: string, room: Room, merged: Uint8Array, throughSeq: number): Promise<void>;
  /** Commits what is pending and releases the store. */
  close(): Promise<void>;
}
