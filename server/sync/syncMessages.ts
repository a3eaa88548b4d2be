/**
 * Encoding and decoding of the y-websocket frames the server sends and reads (layout in
 * `schemas/PROTOCOL.md`). Decoding never trusts the bytes: a short or garbled frame is a
 * `MalformedMessageError`, an unknown type an `UnknownMessageTypeError`.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { ConcordMessageType, MessageType, SyncStep } from "../../shared/syncProtocol";

/** A frame the server could not read. */
export class MalformedMessageError extends Error {
  override readonly name = "MalformedMessageError";
}

/** A frame whose type the server does not speak. */
export class UnknownMessageTypeError extends Error {
  override readonly name = "UnknownMessageTypeError";
}

/** A frame from a client, decoded. */
export type IncomingMessage =
  | { type: "syncStep1"; stateVector: Uint8Array }
  | { type: "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "queryAwareness" };

/** Reads one client frame; throws on anything but a complete, known message. */
export function decodeMessage(frame: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(frame);
  try {
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SyncStep.step1) return { type: "syncStep1", stateVector: payload };
        // A client's step 2 and its later updates go through the same write path.
        if (step === SyncStep.step2 || step === SyncStep.update) return { type: "update", update: payload };
        throw new UnknownMessageTypeError(`Unknown sync step ${step}`);
      }
      case MessageType.awareness:
        return { type: "awareness", update: decoding.readVarUint8Array(decoder) };
      case MessageType.queryAwareness:
        return { type: "queryAwareness" };
      default:
        throw new UnknownMessageTypeError(`Unknown message type ${messageType}`);
    }
  } catch (error) {
    if (error instanceof UnknownMessageTypeError) throw error;
    throw new MalformedMessageError(`Unreadable frame of ${frame.byteLength} bytes`);
  }
}

function syncFrame(step: SyncStep, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncFrame(SyncStep.step1, stateVector);
}

/** Sync step 2: what the client lacks, in answer to its step 1. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return syncFrame(SyncStep.step2, update);
}

/** An update relayed to the other clients of a room. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return syncFrame(SyncStep.update, update);
}

/** An awareness (presence) update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Concord's "saved" message: the first `count` update-carrying frames of the socket are committed. */
export function encodeSaved(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ConcordMessageType.saved);
  encoding.writeVarUint(encoder, count);
  return encoding.toUint8Array(encoder);
}
