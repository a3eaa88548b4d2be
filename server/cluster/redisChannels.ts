/**
 * The Redis channels and keys of cluster mode, named once: one per room for the doorbell (committed
 * sequence numbers), one per room for presence, which goes over Redis only and never into the
 * database (DESIGN.md section 8); for the whole cluster, one on which a process says that a draft
 * changed (for the holders of the leased jobs) and one for the memberships whose sockets are to
 * close; and the keys counting failed sign-ins per address.
 */
import type { Room } from "../../shared/documentLayout";

/** Prefix of every channel Concord uses, so a Redis shared with other software stays apart. */
const PREFIX = "concord";

/** The channel on which a room's new sequence numbers are rung. */
export function doorbellChannel(draftId: string, room: Room): string {
  return `${PREFIX}:commits:${draftId}:${room}`;
}

/** The channel on which a room's presence travels between processes. */
export function presenceChannel(draftId: string, room: Room): string {
  return `${PREFIX}:presence:${draftId}:${room}`;
}

/** The channel on which every process says "draft X changed" (`DraftNotices`), for the holders of the leased jobs. */
export function draftNoticesChannel(): string {
  return `${PREFIX}:drafts`;
}

/** The channel on which a process says that a membership changed, so every process closes its sockets of it. */
export function membershipsChannel(): string {
  return `${PREFIX}:memberships:changed`;
}

/** The key counting an address's failed sign-ins and refused credentials across the cluster. */
export function failureCountKey(address: string): string {
  return `${PREFIX}:failures:${address}`;
}
