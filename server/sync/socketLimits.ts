/**
 * Limits on what one socket may send and on what the server queues for it, each a named constant:
 * a hostile or broken client is closed with a clear reason before it can cost the server much.
 */

/** Largest frame a client may send; a larger one closes the socket with `message-too-large`. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/**
 * Where ws stops reading a frame at all (closing with 1009): above our own limit, so that the
 * usual oversized frame gets Concord's close code and reason rather than ws's bare one.
 */
export const MAX_FRAME_BYTES_READ = 2 * MAX_MESSAGE_BYTES;

/** What a socket may send before its room is ready (authentication and loading are under way). */
export const MAX_BYTES_BEFORE_READY = 1024 * 1024;

/** Sustained messages per second a connection may send; typing and caret moves stay far below. */
export const MESSAGES_PER_SECOND = 100;

/** Messages a connection may send in a burst above the sustained rate (a reconnect's catch-up). */
export const MESSAGE_BURST = 400;

/**
 * Sustained bytes of presence (awareness) frames per second one socket may send. A stock client
 * echoes every presence change it receives, so a busy room's echo (tens of carets moving, a few
 * hundred bytes each) has to fit; a caret of its own needs far less.
 */
export const PRESENCE_BYTES_PER_SECOND = 64 * 1024;

/** Presence bytes a socket may send in a burst: a stock client echoes a whole room's presence when it joins. */
export const PRESENCE_BYTE_BURST = 512 * 1024;

/** Sustained presence bytes per second all sockets of one principal in a draft may send together. */
export const PRINCIPAL_PRESENCE_BYTES_PER_SECOND = 256 * 1024;

/** Presence bytes all sockets of one principal in a draft may send in a burst. */
export const PRINCIPAL_PRESENCE_BYTE_BURST = 2 * 1024 * 1024;

/** Entries one presence frame may carry: above any room's presence, which a stock client echoes whole on joining. */
export const MAX_PRESENCE_ENTRIES_PER_FRAME = 1000;

/**
 * Yjs client ids (presence states) one connection may speak for. A client speaks for one, its
 * document's; a few more leave room for a document whose client id changed on the same socket.
 */
export const MAX_PRESENCE_CLIENTS_PER_CONNECTION = 4;

/** Bytes queued to a socket that does not read, above which presence is no longer sent to it. */
export const PRESENCE_DROP_QUEUED_BYTES = 1024 * 1024;

/**
 * Bytes queued to a socket that does not read, above which it is closed with `slow-reader`. A
 * single larger frame (a big draft's whole state on joining) still goes out: only a reader that
 * falls this far behind is closed.
 */
export const MAX_QUEUED_BYTES = 4 * MAX_MESSAGE_BYTES;

/**
 * How long a socket closed for a flood is given to receive its close frame before it is cut:
 * meanwhile the server reads nothing more from it.
 */
export const FLOOD_CLOSE_GRACE_MS = 1000;

/** A token bucket: `take(cost)` is false once its owner spends faster than `perSecond` beyond `burst`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Spends `cost` tokens; false (spending nothing) when fewer are left. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Whether the bucket has refilled to its burst, so forgetting it forgives nothing. */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.burst;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}
