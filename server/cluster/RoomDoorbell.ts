/**
 * Redis as the doorbell (DESIGN.md section 8, cluster mode): after a commit, a process rings the
 * room's channel with the new sequence number, and the update's bytes when they are small; every
 * process serving the room hears it and brings its copy up to that number (`SequencedApplier`),
 * fetching from PostgreSQL whatever the ring did not carry. Redis orders nothing and keeps nothing:
 * a lost ring only delays a copy until the next ring or head check, which every listener makes
 * after Redis comes back (`onReconnect`).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Room } from "../../shared/documentLayout";
import { RedisBus } from "./RedisBus";
import { doorbellChannel } from "./redisChannels";

/** Updates up to this size ride with their ring; larger ones are fetched from the database. */
export const MAX_RUNG_UPDATE_BYTES = 16 * 1024;

/** A ring's first byte: whether the update's bytes follow the sequence number. */
const RingKind = { seqOnly: 0, withUpdate: 1 } as const;

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

/** One process's doorbell, over its line to Redis. */
export class RoomDoorbell {
  /**
   * @param bus the process's line to Redis
   * @param onBadRing told of a ring that could not be read (it is dropped; the next head check covers it)
   * @param ownsBus whether closing the doorbell closes the line too
   */
  constructor(
    private readonly bus: RedisBus,
    private readonly onBadRing: (channel: string, error: unknown) => void = () => undefined,
    private readonly ownsBus = false,
  ) {}

  /** A doorbell on a line of its own to Redis at `url`, closed with it. */
  static async open(url: string, onBadRing: (channel: string, error: unknown) => void = () => undefined, readyWithinMs?: number): Promise<RoomDoorbell> {
    return new RoomDoorbell(await RedisBus.open(url, readyWithinMs), onBadRing, true);
  }

  /** Rings `room` of `draftId`: its log now reaches `seq` (call only after the commit). False when Redis is out of reach. */
  ring(draftId: string, room: Room, seq: number, update: Uint8Array | null): Promise<boolean> {
    return this.bus.publish(doorbellChannel(draftId, room), encodeRing(seq, update));
  }

  /** Listens to `room` of `draftId`; resolves once subscribed, with what stops listening. */
  listen(draftId: string, room: Room, listener: RingListener): Promise<() => Promise<void>> {
    const channel = doorbellChannel(draftId, room);
    return this.bus.subscribe(channel, (message) => {
      let ring: { seq: number; update: Uint8Array | null };
      try {
        ring = decodeRing(message);
      } catch (error) {
        this.onBadRing(channel, error);
        return;
      }
      listener(ring.seq, ring.update);
    });
  }

  /** Calls `listener` each time the connection to Redis comes back: rings may have been missed. */
  onReconnect(listener: () => void): () => void {
    return this.bus.onReconnect(listener);
  }

  /** Closes the line to Redis if the doorbell owns it. */
  async close(): Promise<void> {
    if (this.ownsBus) await this.bus.close();
  }
}
