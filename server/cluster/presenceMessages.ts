/**
 * The messages a room's presence channel carries between the processes of a cluster (DESIGN.md
 * section 8): states a process vouches for, a question to the others ("what is present?") from a
 * process that just began to listen or got its line to Redis back, and a process's observer count.
 * Each names the process that sent it, since Redis delivers a process's messages to itself too.
 *
 * Layout (lib0 encoding): sender (varString), kind (uint8), then for `states` a count (varUint) and
 * per entry client id (varUint), clock (varUint), stamped state as JSON (varString, `null` for a
 * removal) and principal (varString); for `observers` the count (varUint); for `query` nothing.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { VouchedPresence } from "../sync/PresenceLink";

/** A message's kind, its byte after the sender. */
const PresenceKind = { states: 0, query: 1, observers: 2 } as const;
const KINDS = new Set<number>(Object.values(PresenceKind));

/** One message on a presence channel, decoded. */
export type PresenceMessage =
  | { kind: "states"; from: string; entries: VouchedPresence[] }
  | { kind: "query"; from: string }
  | { kind: "observers"; from: string; count: number };

/** Encodes a presence message. */
export function encodePresenceMessage(message: PresenceMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, message.from);
  encoding.writeUint8(encoder, PresenceKind[message.kind]);
  switch (message.kind) {
    case "states":
      encoding.writeVarUint(encoder, message.entries.length);
      for (const { clientId, clock, json, principal } of message.entries) {
        encoding.writeVarUint(encoder, clientId);
        encoding.writeVarUint(encoder, clock);
        encoding.writeVarString(encoder, json);
        encoding.writeVarString(encoder, principal);
      }
      break;
    case "observers":
      encoding.writeVarUint(encoder, message.count);
      break;
    case "query":
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a presence message; throws a `RangeError` naming what is wrong with a malformed one. */
export function decodePresenceMessage(bytes: Uint8Array): PresenceMessage {
  const decoder = decoding.createDecoder(bytes);
  const unreadable = () => new RangeError(`A presence message of ${bytes.byteLength} bytes cannot be read`);
  let from: string;
  let kind: number;
  try {
    from = decoding.readVarString(decoder);
    kind = decoding.readUint8(decoder);
  } catch {
    throw unreadable();
  }
  if (decoder.pos > bytes.byteLength) throw unreadable();
  if (!KINDS.has(kind)) throw new RangeError(`Unknown presence message kind ${kind}`);
  let message: PresenceMessage;
  try {
    message = readBody(decoder, from, kind);
  } catch {
    throw unreadable();
  }
  if (decoder.pos > bytes.byteLength) throw unreadable();
  if (decoder.pos !== bytes.byteLength) throw new RangeError(`A presence message of ${bytes.byteLength} bytes has ${bytes.byteLength - decoder.pos} bytes too many`);
  if (message.kind === "states") for (const { json } of message.entries) checkState(json);
  return message;
}

/** Reads what follows the sender and the kind (a known one). */
function readBody(decoder: decoding.Decoder, from: string, kind: number): PresenceMessage {
  switch (kind) {
    case PresenceKind.states: {
      const count = decoding.readVarUint(decoder);
      const entries: VouchedPresence[] = [];
      for (let i = 0; i < count; i++) {
        entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), json: decoding.readVarString(decoder), principal: decoding.readVarString(decoder) });
      }
      return { kind: "states", from, entries };
    }
    case PresenceKind.query:
      return { kind: "query", from };
    case PresenceKind.observers:
      return { kind: "observers", from, count: decoding.readVarUint(decoder) };
    default:
      throw new RangeError(`Unknown presence message kind ${kind}`);
  }
}

/** Throws a `RangeError` unless `json` is an object or null, as every awareness state is. */
function checkState(json: string): void {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    throw new RangeError(`A presence state is not JSON: ${json.slice(0, 40)}`);
  }
  if (state !== null && (typeof state !== "object" || Array.isArray(state))) throw new RangeError(`A presence state must be an object or null, not ${json.slice(0, 40)}`);
}
