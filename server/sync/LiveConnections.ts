/**
 * The open sync connections of each membership, so that revoking a member or changing its role
 * closes its sockets at once instead of at its next reconnect.
 */
import type { CloseCode } from "../../shared/closeCodes";
import type { RoomPeer } from "./Room";

/** Open connections, by membership id. */
export class LiveConnections {
  private readonly byMembership = new Map<string, Set<RoomPeer>>();

  /** Records an open connection; returns the function that forgets it. */
  add(membershipId: string, peer: RoomPeer): () => void {
    const peers = this.byMembership.get(membershipId) ?? new Set<RoomPeer>();
    peers.add(peer);
    this.byMembership.set(membershipId, peers);
    return () => {
      peers.delete(peer);
      if (peers.size === 0) this.byMembership.delete(membershipId);
    };
  }

  /** Closes every connection of a membership. */
  closeMembership(membershipId: string, cause: CloseCode): number {
    const peers = Array.from(this.byMembership.get(membershipId) ?? []);
    for (const peer of peers) peer.close(cause);
    return peers.length;
  }
}
