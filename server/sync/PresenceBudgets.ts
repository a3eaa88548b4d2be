/**
 * The byte budgets for presence (awareness) frames: one per socket, and one per principal in a
 * draft shared by all its sockets, so that opening more sockets does not buy a bigger flood.
 */
import {
  PRESENCE_BYTE_BURST,
  PRESENCE_BYTES_PER_SECOND,
  PRINCIPAL_PRESENCE_BYTE_BURST,
  PRINCIPAL_PRESENCE_BYTES_PER_SECOND,
  TokenBucket,
} from "./socketLimits";

/** One socket's share: `spend` answers why a frame is over budget, or null when it fits. */
export interface PresenceBudget {
  spend(bytes: number): string | null;
  /** Called once when the socket closes. */
  release(): void;
}

interface PrincipalBudget {
  bucket: TokenBucket;
  sockets: number;
}

/** The presence budgets of every principal with an open socket on this server. */
export class PresenceBudgets {
  private readonly principals = new Map<string, PrincipalBudget>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A budget for a new socket of `principal` in draft `draftId`. */
  open(draftId: string, principal: string): PresenceBudget {
    // A principal's budget outlives its sockets until it has refilled, so reconnecting does not reset it.
    for (const [key, idle] of this.principals) if (idle.sockets === 0 && idle.bucket.full) this.principals.delete(key);
    const key = `${draftId}\n${principal}`;
    const shared = this.principals.get(key) ?? { bucket: new TokenBucket(PRINCIPAL_PRESENCE_BYTES_PER_SECOND, PRINCIPAL_PRESENCE_BYTE_BURST, this.now), sockets: 0 };
    shared.sockets++;
    this.principals.set(key, shared);
    const own = new TokenBucket(PRESENCE_BYTES_PER_SECOND, PRESENCE_BYTE_BURST, this.now);
    let released = false;
    return {
      spend: (bytes) => {
        if (!own.take(bytes)) return `more than ${PRESENCE_BYTES_PER_SECOND} bytes of presence a second`;
        if (!shared.bucket.take(bytes)) return `more than ${PRINCIPAL_PRESENCE_BYTES_PER_SECOND} bytes of presence a second from ${principal}`;
        return null;
      },
      release: () => {
        if (released) return;
        released = true;
        shared.sockets--;
      },
    };
  }
}
