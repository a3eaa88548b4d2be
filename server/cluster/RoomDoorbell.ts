/**
 * Redis as the doorbell (DESIGN.md section 8, cluster mode): after a commit, a process rings the
 * room's channel with the new sequence number, and the update's bytes when they are small; every
 * process serving the room hears it and brings its copy up to that number (`SequencedApplier`),
 * fetching from PostgreSQL whatever the ring did not carry. Redis orders nothing and keeps nothing:
 * a lost ring only delays a copy until the next ring or head check, which every listener makes
 * after Redis comes back (`onReconnect`).
 */
import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Room } from "../../shared/documentLayout";
import { doorbellChannel } from "./redisChannels";

/** Updates up to this size ride with their ring; larger ones are fetched from the database. */
export const MAX_RUNG_UPDATE_BYTES = 16 * 1024;

/** A ring's first byte: whether the update's bytes follow the sequence number. */
const RingKind = { seqOnly: 0, withUpdate: 1 } as const;

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

/** What a listener hears: the room's log now reaches `seq`; `update` is that update when it was small. */
export type RingListener = (seq: number, update: Uint8Array | null) => void;

/** Encodes a ring: its kind, the sequence number, then the update's bytes if they ride along. */
export function encodeRing(seq: number, update: Uint8Array | null): Uint8Array {
  const encoder = encoding.createEncoder();
  const rides = update !== null && update.byteLength <= MAX_RUNG_UPDATE_BYTES;
  encoding.writeUint8(encoder, rides ? RingKind.withUpdate : RingKind.seqOnly);
  encoding.writeVarUint(encoder, seq);
  if (rides) encoding.writeUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Decodes a ring; throws a `RangeError` naming what is wrong with a malformed one. */
export function decodeRing(bytes: Uint8Array): { seq: number; update: Uint8Array | null } {
  if (bytes.byteLength < 2) throw new RangeError(`A ring of ${bytes.byteLength} bytes is too short`);
  const decoder = decoding.createDecoder(bytes);
  const kind = decoding.readUint8(decoder);
  if (kind !== RingKind.seqOnly && kind !== RingKind.withUpdate) throw new RangeError(`Unknown ring kind ${kind}`);
  const seq = decoding.readVarUint(decoder);
  const update = kind === RingKind.withUpdate ? bytes.subarray(decoder.pos) : null;
  return { seq, update };
}

/** One process's doorbell: a connection to publish on and one to listen on (Redis requires two). */
export class RoomDoorbell {
  private readonly listeners = new Map<string, Set<RingListener>>();
  private readonly reconnectListeners = new Set<() => void>();

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly onBadRing: (channel: string, error: unknown) => void,
  ) {
    subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => this.heard(channel.toString(), message));
    // Built once both are connected, so every "ready" from now on is a reconnect. ioredis subscribes
    // again by itself; what was rung meanwhile is lost, so listeners check their heads.
    subscriber.on("ready", () => {
      for (const listener of this.reconnectListeners) listener();
    });
  }

  /**
   * Connects to Redis at `url` (`redis://…` or a unix socket's path), resolving once both connections
   * are ready; throws when they are not within `readyWithinMs`.
   */
  static async open(url: string, onBadRing: (channel: string, error: unknown) => void = () => undefined, readyWithinMs = OPEN_TIMEOUT_MS): Promise<RoomDoorbell> {
    const publisher = new Redis(url, { lazyConnect: true });
    const subscriber = new Redis(url, { lazyConnect: true });
    try {
      await Promise.all([whenReady(publisher, readyWithinMs), whenReady(subscriber, readyWithinMs)]);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw error;
    }
    return new RoomDoorbell(publisher, subscriber, onBadRing);
  }

  /** Rings `room` of `draftId`: its log now reaches `seq` (call only after the commit). */
  async ring(draftId: string, room: Room, seq: number, update: Uint8Array | null): Promise<void> {
    await this.publisher.publish(doorbellChannel(draftId, room), Buffer.from(encodeRing(seq, update)));
  }

  /** Listens to `room` of `draftId`; resolves once subscribed, with what stops listening. */
  async listen(draftId: string, room: Room, listener: RingListener): Promise<() => Promise<void>> {
    const channel = doorbellChannel(draftId, room);
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
      await this.subscriber.subscribe(channel);
    }
    listeners.add(listener);
    return async () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(channel) === listeners) {
        this.listeners.delete(channel);
        await this.subscriber.unsubscribe(channel);
      }
    };
  }

  /** Calls `listener` each time the connection to Redis comes back: rings may have been missed. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Closes both connections (at once, when one is between a drop and its reconnect and cannot say goodbye). */
  async close(): Promise<void> {
    const goodbye = (connection: Redis) => connection.quit().then(() => undefined, () => connection.disconnect());
    await Promise.all([goodbye(this.publisher), goodbye(this.subscriber)]);
  }

  private heard(channel: string, message: Buffer): void {
    const listeners = this.listeners.get(channel);
    if (!listeners) return;
    let ring: { seq: number; update: Uint8Array | null };
    try {
      ring = decodeRing(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    } catch (error) {
      this.onBadRing(channel, error);
      return;
    }
    for (const listener of listeners) listener(ring.seq, ring.update);
  }
}
