/**
 * The open sync connections of each membership, so that revoking a member or changing its role
 * closes its sockets at once instead of at its next reconnect. In cluster mode the member may be
 * connected to other processes too: closing a membership tells them (`MembershipNotices`), and each
 * closes its own sockets of it (`server/cluster/MembershipClosings.ts`).
 */
import type { CloseCode } from "../../shared/closeCodes";
import type { RoomPeer } from "./Room";

/** Tells the other processes serving the drafts that a membership's sockets are to close. */
export interface MembershipNotices {
  /** A membership changed here (revoked, or given another role): the others close their sockets of it. */
  membershipChanged(membershipId: string, cause: CloseCode): void;
}

/** Serving alone, there is no one else to tell. */
const NO_OTHER_PROCESSES: MembershipNotices = { membershipChanged: () => undefined };

/** Open connections, by membership id. */
export class LiveConnections {
  private readonly byMembership = new Map<string, Set<RoomPeer>>();
  private others: MembershipNotices = NO_OTHER_PROCESSES;

  /** From now on, closing a membership here tells the other processes of a cluster too. */
  tellOthersWith(notices: MembershipNotices): void {
    this.others = notices;
  }

  /** Records an open connection; returns the function that forgets it. */
  add(membershipId: string, peer: RoomPeer): () => void {
    const peers = this.byMembership.get(membershipId) ?? new Set<RoomPeer>();
    peers.add(peer);
    this.byMembership.set(membershipId, peers);
    return () => {
      peers.delete(peer);
      if (peers.size === 0 && this.byMembership.get(membershipId) === peers) this.byMembership.delete(membershipId);
    };
  }

  /** Closes every connection of a membership, on this process and (in cluster mode) on the others; returns how many were open here. */
  closeMembership(membershipId: string, cause: CloseCode): number {
    const closed = this.closeHere(membershipId, cause);
    this.others.membershipChanged(membershipId, cause);
    return closed;
  }

  /** Closes this process's connections of a membership that `stale` picks (all of them by default); returns how many. */
  closeHere(membershipId: string, cause: CloseCode, stale: (peer: RoomPeer) => boolean = () => true): number {
    const peers = Array.from(this.byMembership.get(membershipId) ?? []).filter(stale);
    for (const peer of peers) peer.close(cause);
    return peers.length;
  }

  /** Whether the membership has a connection open on this process. */
  has(membershipId: string): boolean {
    return this.byMembership.has(membershipId);
  }

  /** The memberships with a connection open on this process. */
  memberships(): string[] {
    return Array.from(this.byMembership.keys());
  }
}
