/**
 * The failure limit's counts in cluster mode: an address guessing sign-in links or tokens is counted
 * in Redis, so spreading its guesses over several processes buys it nothing (`FailureLimit`). Each
 * count expires with its window. While Redis is out of reach each process counts on its own, so the
 * limit still holds per process rather than failing open or refusing every sign-in.
 */
import { MemoryStore, type ClientRateLimitInfo, type Options, type Store } from "express-rate-limit";
import { log, LogEvent } from "../log";
import type { RedisBus } from "./RedisBus";
import { failureCountKey } from "./redisChannels";

/** An express-rate-limit store over the cluster's Redis, with a store of this process's own to fall back on. */
export class SharedFailureCounts implements Store {
  private windowMs = 0;
  private readonly fallback = new MemoryStore();

  constructor(private readonly bus: RedisBus) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
    this.fallback.init(options);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    if (!this.bus.connected) return this.fallback.get(key);
    try {
      const [[, hits], [, ttl]] = (await this.bus.commands.multi().get(failureCountKey(key)).pttl(failureCountKey(key)).exec()) as [[unknown, string | null], [unknown, number]];
      if (hits === null) return undefined;
      return { totalHits: Number(hits), resetTime: new Date(Date.now() + Math.max(0, ttl)) };
    } catch (error) {
      log.warn(LogEvent.crashAvoided, { during: "reading an address's failures from Redis", error });
      return this.fallback.get(key);
    }
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    if (!this.bus.connected) return this.fallback.increment(key);
    try {
      const name = failureCountKey(key);
      // The window starts with the first failure: the expiry is set only when the key has none.
      const [[, hits], , [, ttl]] = (await this.bus.commands.multi().incr(name).pexpire(name, this.windowMs, "NX").pttl(name).exec()) as [[unknown, number], unknown, [unknown, number]];
      return { totalHits: hits, resetTime: new Date(Date.now() + Math.max(0, ttl)) };
    } catch (error) {
      log.warn(LogEvent.crashAvoided, { during: "counting an address's failure in Redis", error });
      return this.fallback.increment(key);
    }
  }

  async decrement(key: string): Promise<void> {
    await this.fallback.decrement(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.fallback.resetKey(key);
    if (this.bus.connected) await this.bus.commands.del(failureCountKey(key)).catch(() => undefined);
  }

  shutdown(): void {
    this.fallback.shutdown();
  }
}
