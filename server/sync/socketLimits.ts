/**
 * Limits on what one socket may send, each a named constant: a hostile or broken client is closed
 * with a clear reason before it can cost the server much.
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

/** A token bucket: `take()` is false once a connection sends faster than the limits above. */
export class MessageRateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond = MESSAGES_PER_SECOND,
    private readonly burst = MESSAGE_BURST,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Spends one message; false when none is left. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
