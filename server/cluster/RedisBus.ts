/**
 * One process's line to Redis in cluster mode (DESIGN.md section 8): a connection to publish on and
 * one to listen on (Redis requires two), shared by everything that speaks between processes — the
 * doorbell, presence, and the notices that close a revoked member's sockets. Redis orders nothing and
 * keeps nothing: what is published while a process is cut off is lost to it, so whoever listens is
 * told when the connection comes back (`onReconnect`) and checks what it may have missed.
 */
import { Redis } from "ioredis";

/** How long `open` waits for Redis before giving up. */
const OPEN_TIMEOUT_MS = 10_000;

/**
 * Resolves once `connection` is ready. A first attempt that Redis closes (it is restarting, or busy)
 * is not the end: ioredis tries again by itself, so this waits for a ready connection, not for the
 * first attempt's fate.
 */
function whenReady(connection: Redis, withinMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      connection.off("ready", ready);
      reject(new Error(`Redis was not ready within ${withinMs} ms (status: ${connection.status})`));
    }, withinMs);
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    connection.once("ready", ready);
    connection.connect().catch(() => undefined);
  });
}

/** What a subscriber hears on a channel: the message's bytes. */
export type BusListener = (message: Uint8Array) => void;

/** Publish and subscribe over one Redis, by channel. */
export class RedisBus {
  private readonly listeners = new Map<string, Set<BusListener>>();
  private readonly reconnectListeners = new Set<() => void>();

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
  ) {
    subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => this.heard(channel.toString(), message));
    // Built once both are connected, so every "ready" from now on is a reconnect. What was published
    // meanwhile is lost, so listeners check what they missed. ioredis subscribes again to the channels
    // it had; a channel first asked for while Redis was away is asked for again here (twice is harmless).
    subscriber.on("ready", () => {
      for (const channel of this.listeners.keys()) this.subscriber.subscribe(channel).catch(() => undefined);
      for (const listener of this.reconnectListeners) listener();
    });
  }

  /**
   * Connects to Redis at `url` (`redis://…` or a unix socket's path), resolving once both connections
   * are ready; throws when they are not within `readyWithinMs`.
   */
  static async open(url: string, readyWithinMs = OPEN_TIMEOUT_MS): Promise<RedisBus> {
    const publisher = new Redis(url, { lazyConnect: true });
    const subscriber = new Redis(url, { lazyConnect: true });
    try {
      await Promise.all([whenReady(publisher, readyWithinMs), whenReady(subscriber, readyWithinMs)]);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw error;
    }
    return new RedisBus(publisher, subscriber);
  }

  /** The connection that publishes, for plain commands too (counters); never one that listens. */
  get commands(): Redis {
    return this.publisher;
  }

  /** Whether the publishing connection is up now (a write that must be announced is refused otherwise). */
  get connected(): boolean {
    return this.publisher.status === "ready";
  }

  /**
   * Publishes `message` on `channel`; resolves false, without queueing it, while the line is down
   * (listeners check what they missed when it comes back), and rejects when Redis refuses it.
   */
  async publish(channel: string, message: Uint8Array): Promise<boolean> {
    if (!this.connected) return false;
    await this.publisher.publish(channel, Buffer.from(message.buffer, message.byteOffset, message.byteLength));
    return true;
  }

  /**
   * Listens to `channel`; resolves once subscribed, with what stops listening. While Redis is away it
   * resolves at once: the subscription is made when Redis is back, and what is missed until then is
   * the listener's to check (`onReconnect`), as after any drop.
   */
  async subscribe(channel: string, listener: BusListener): Promise<() => Promise<void>> {
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
      await this.whileConnected(this.subscriber.subscribe(channel));
    }
    listeners.add(listener);
    const forThisChannel = listeners;
    return async () => {
      forThisChannel.delete(listener);
      if (forThisChannel.size === 0 && this.listeners.get(channel) === forThisChannel) {
        this.listeners.delete(channel);
        await this.whileConnected(this.subscriber.unsubscribe(channel)).catch(() => undefined);
      }
    };
  }

  /** Calls `listener` each time the connection to Redis comes back: messages may have been missed. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Closes both connections (at once, when one is between a drop and its reconnect and cannot say goodbye). */
  async close(): Promise<void> {
    // A goodbye to a connection that is away would wait in its queue until Redis is back.
    const goodbye = (connection: Redis) => (connection.status === "ready" ? connection.quit().then(() => undefined, () => connection.disconnect()) : connection.disconnect());
    await Promise.all([goodbye(this.publisher), goodbye(this.subscriber)]);
  }

  /**
   * Waits for a subscriber command only while the subscriber is connected: one sent while it is away
   * waits in ioredis's queue until Redis is back, and nothing should wait that long for it.
   */
  private async whileConnected(command: Promise<unknown>): Promise<void> {
    if (this.subscriber.status === "ready") {
      await command;
      return;
    }
    command.catch(() => undefined);
  }

  private heard(channel: string, message: Buffer): void {
    const listeners = this.listeners.get(channel);
    if (!listeners) return;
    const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
    for (const listener of Array.from(listeners)) listener(bytes);
  }
}
