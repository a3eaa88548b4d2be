/**
 * The write guard as a part a room is given (`server/sync/Room.ts`): production rooms get
 * `WRITE_GUARD`; the benchmark installs its trust-off guard (`trustOffGuard.ts`) to measure what the
 * guard and the durable commit cost, without a flag in the write path.
 */
import type * as Y from "yjs";
import type { Room } from "../../shared/documentLayout";
import type { Writer } from "../identity/Writer";
import { checkWrite, type PermittedWrite } from "./checkWrite";

/** Judges client updates before anything of them is applied. */
export interface WriteGuard {
  /** Checks an update from `writer` against the room's document; throws `WriteRefusal`. */
  check(doc: Y.Doc, room: Room, writer: Writer, update: Uint8Array, clientOwners: ReadonlyMap<number, string>, now: Date): PermittedWrite;
  /**
   * Whether other clients receive a change only once it is committed (DESIGN.md invariant 1). Only
   * the benchmark's trust-off guard relays at once.
   */
  readonly relaysOnlyCommitted: boolean;
}

/** The guard every production room runs. */
export const WRITE_GUARD: WriteGuard = { check: checkWrite, relaysOnlyCommitted: true };
