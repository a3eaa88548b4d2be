/**
 * One client socket on one room. Frames are handled strictly in arrival order; anything the server
 * cannot read closes the socket with a code and reason from `shared/closeCodes.ts`. What the
 * server queues for a socket that does not read is bounded: presence goes first, then the socket.
 */
import type WebSocket from "ws";
import { CloseCode, closeReason } from "../../shared/closeCodes";
import { assertNever } from "../../shared/assertNever";
import { WriteRefusal } from "../guard/WriteRefusal";
import type { Writer } from "../identity/Writer";
import { log, LogEvent } from "../log";
import { BadUpdateError, type Room, type RoomPeer } from "./Room";
import { MessageType } from "../../shared/syncProtocol";
import type { PresenceBudget } from "./PresenceBudgets";
import {
  FLOOD_CLOSE_GRACE_MS,
  MAX_MESSAGE_BYTES,
  MAX_QUEUED_BYTES,
  MESSAGE_BURST,
  MESSAGES_PER_SECOND,
  PRESENCE_DROP_QUEUED_BYTES,
  TokenBucket,
} from "./socketLimits";
import { decodeMessage, encodeSaved, MalformedMessageError, UnknownMessageTypeError } from "./syncMessages";

/** A client connected to a room. */
export class SyncConnection implements RoomPeer {
  private queue: Promise<void> = Promise.resolve();
  /** Acknowledgements wait for their commits in order, so "saved N" never overtakes an earlier frame's commit. */
  private acknowledged: Promise<void> = Promise.resolve();
  private updatesReceived = 0;
  private closed = false;
  private readonly limiter = new TokenBucket(MESSAGES_PER_SECOND, MESSAGE_BURST);

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    readonly writer: Writer,
    /** This socket's share of the presence byte budgets (its own and its principal's). */
    private readonly presenceBudget: PresenceBudget,
    private readonly onClose: (connection: SyncConnection) => void,
    /** Concord's own client: told when its changes are saved (`ConcordMessageType.saved`). */
    private readonly acknowledges = false,
  ) {
    socket.on("message", (data, isBinary) => {
      // ws still delivers what the client sent before it read our close.
      if (this.closed) return;
      if (!this.limiter.take()) {
        this.close(CloseCode.rateLimited, `more than ${MESSAGES_PER_SECOND} messages a second`);
        return;
      }
      const frame = isBinary ? toBytes(data) : null;
      if (frame && frame.byteLength > MAX_MESSAGE_BYTES) {
        this.close(CloseCode.messageTooLarge, `a frame above ${MAX_MESSAGE_BYTES} bytes`);
        return;
      }
      // Presence is charged on arrival, before it waits in the queue, so a flood never piles up.
      const overBudget = frame && frame[0] === MessageType.awareness ? this.presenceBudget.spend(frame.byteLength) : null;
      if (overBudget !== null) {
        this.cutOff(CloseCode.presenceFlood, overBudget);
        return;
      }
      this.queue = this.queue.then(() => (frame ? this.handle(frame) : this.close(CloseCode.malformedMessage)));
    });
    socket.on("close", () => this.finish());
    socket.on("error", () => this.finish());
    room.join(this);
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    // Measured before sending, so one large frame (a big draft's state) always goes out.
    if (this.socket.bufferedAmount > MAX_QUEUED_BYTES) {
      this.close(CloseCode.slowReader, `more than ${MAX_QUEUED_BYTES} bytes waiting to be read`);
      return;
    }
    this.socket.send(frame);
  }

  sendPresence(frame: Uint8Array): void {
    if (this.socket.bufferedAmount > PRESENCE_DROP_QUEUED_BYTES) return;
    this.send(frame);
  }

  close(cause: CloseCode, detail?: string): void {
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      log.info(LogEvent.socketClosed, { code: cause.code, reason: cause.reason, detail, draftId: this.room.draftId, room: this.room.name, member: this.writer.membershipId });
      this.socket.close(cause.code, closeReason(cause, detail));
    }
    this.finish();
  }

  private async handle(frame: Uint8Array): Promise<void> {
    if (this.closed) return;
    try {
      const message = decodeMessage(frame);
      switch (message.type) {
        case "syncStep1":
          await this.room.ready();
          this.room.answerSyncStep1(this, message.stateVector);
          return;
        case "update": {
          const { committed } = await this.room.applyClientUpdate(this, message.update);
          this.acknowledge(committed);
          return;
        }
        case "awareness":
          this.room.applyAwareness(this, message.update);
          return;
        case "queryAwareness":
          this.room.answerAwarenessQuery(this);
          return;
        default:
          assertNever(message);
      }
    } catch (error) {
      if (error instanceof WriteRefusal && error.closeCode === CloseCode.presenceFlood) this.cutOff(error.closeCode, error.detail);
      else if (error instanceof WriteRefusal) this.close(error.closeCode, error.detail);
      else this.close(closeCauseOf(error));
    }
  }

  /**
   * Closes a flooding socket and reads nothing more from it: the rest of its flood stays in the
   * kernel until the socket is cut, once the client has had time to read the close.
   */
  private cutOff(cause: CloseCode, detail: string): void {
    log.warn(LogEvent.flood, { code: cause.code, detail, draftId: this.room.draftId, room: this.room.name, member: this.writer.membershipId, principal: this.writer.principal });
    this.close(cause, detail);
    this.socket.pause();
    setTimeout(() => this.socket.terminate(), FLOOD_CLOSE_GRACE_MS).unref();
  }

  /** Once `committed` and every earlier frame's commit are stored, tells Concord's client how many of its frames are saved. */
  private acknowledge(committed: Promise<void>): void {
    const count = ++this.updatesReceived;
    // A failed commit closes the socket (the room does it), so no later frame is ever acknowledged.
    this.acknowledged = this.acknowledged.then(() => committed).then(() => {
      if (this.acknowledges) this.send(encodeSaved(count));
    });
    this.acknowledged.catch(() => undefined);
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.presenceBudget.release();
    this.room.leave(this);
    this.onClose(this);
  }
}

function closeCauseOf(error: unknown): CloseCode {
  if (error instanceof UnknownMessageTypeError) return CloseCode.unknownMessageType;
  if (error instanceof BadUpdateError) return CloseCode.badUpdate;
  if (error instanceof MalformedMessageError) return CloseCode.malformedMessage;
  // Anything else thrown while reading a client's bytes (an awareness update that does not decode,
  // say) is still the client's bad input, never a reason for the server to fall over.
  log.warn(LogEvent.crashAvoided, { during: "reading a client's frame", code: CloseCode.malformedMessage.code, error });
  return CloseCode.malformedMessage;
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
