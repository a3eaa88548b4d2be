/**
 * "Draft X changed", said to the whole cluster (DESIGN.md section 8): the jobs that one process runs
 * at a time (status publishing, silence deadlines) must hear of changes made on every process,
 * including to drafts whose rooms their holder has not loaded. After a client's commit, and after
 * storing a new, moved or ended deadline, a process publishes a notice on one Redis channel; the
 * holders listen. Like a ring, a notice is a hint, not a record: one lost with Redis is made good by
 * the holder's catch-up on every draft when it takes its lease and when Redis comes back.
 */
import { randomUUID } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { RedisBus } from "./RedisBus";
import { draftNoticesChannel } from "./redisChannels";

/** What changed in a draft: its rooms (the status holder recomputes it), or its stored deadlines (the silence holder reloads them). */
export const DraftChange = { rooms: 0, deadlines: 1 } as const;
/** One kind of notice. */
export type DraftChange = (typeof DraftChange)[keyof typeof DraftChange];

/** One notice: which process sent it, what changed, in which draft. */
export interface DraftNotice {
  sender: string;
  change: DraftChange;
  draftId: string;
}

/** Encodes a notice: the kind, the sender, the draft. */
export function encodeNotice(notice: DraftNotice): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, notice.change);
  encoding.writeVarString(encoder, notice.sender);
  encoding.writeVarString(encoder, notice.draftId);
  return encoding.toUint8Array(encoder);
}

/** Decodes a notice; throws a `RangeError` naming what is wrong with a malformed one. */
export function decodeNotice(bytes: Uint8Array): DraftNotice {
  if (bytes.byteLength < 3) throw new RangeError(`A draft notice of ${bytes.byteLength} bytes is too short`);
  const decoder = decoding.createDecoder(bytes);
  const change = decoding.readUint8(decoder);
  if (change !== DraftChange.rooms && change !== DraftChange.deadlines) throw new RangeError(`Unknown draft notice kind ${change}`);
  return { change, sender: decoding.readVarString(decoder), draftId: decoding.readVarString(decoder) };
}

/** What a listener hears: a change another process made to a draft. */
export type NoticeListener = (change: DraftChange, draftId: string) => void;

/** One process's side of the draft notices, over its line to Redis. */
export class DraftNotices {
  /** Tells this process's own notices apart: it acted on its changes already. */
  private readonly sender = randomUUID();

  constructor(
    private readonly bus: RedisBus,
    private readonly onBadNotice: (error: unknown) => void = () => undefined,
  ) {}

  /** Says that `change` happened to draft `draftId`; rejects when Redis cannot take it. */
  async announce(change: DraftChange, draftId: string): Promise<void> {
    await this.bus.publish(draftNoticesChannel(), encodeNotice({ sender: this.sender, change, draftId }));
  }

  /** Listens to the other processes' notices; resolves once subscribed, with what stops listening. */
  listen(listener: NoticeListener): Promise<() => Promise<void>> {
    return this.bus.subscribe(draftNoticesChannel(), (message) => {
      let notice: DraftNotice;
      try {
        notice = decodeNotice(message);
      } catch (error) {
        this.onBadNotice(error);
        return;
      }
      if (notice.sender !== this.sender) listener(notice.change, notice.draftId);
    });
  }
}
