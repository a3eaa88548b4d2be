/**
 * Presence as the server vouches for it: every awareness state a client sends is rewritten with the
 * identity the server knows (name, role, state), so no one can appear as another delegation.
 * Entries the sender may not speak for are dropped; oversized states and crowded frames refused.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { CloseCode } from "../../shared/closeCodes";
import { WriteRefusal } from "../guard/WriteRefusal";
import type { Writer } from "../identity/Writer";
import { MAX_PRESENCE_ENTRIES_PER_FRAME } from "./socketLimits";

/** Largest presence state one client may publish, in bytes of JSON (a caret and a name need far less). */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024;

/** Colours a client may pick for its caret: `#rrggbb`, the one format y-prosemirror's carets read. */
const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

const DEFAULT_COLOR = "#1f4e8c";

/** The user a presence state shows: the server's identity, with the client's caret colour if it is a plain one. */
function stampedUser(writer: Writer, claimed: unknown): Record<string, unknown> {
  const color = (claimed as { color?: unknown } | null)?.color;
  return {
    name: writer.userName,
    role: writer.author.role,
    state: "state" in writer.author ? writer.author.state : null,
    color: typeof color === "string" && COLOR_PATTERN.test(color) ? color : DEFAULT_COLOR,
  };
}

/**
 * Rewrites an awareness update from `writer`. `admit(clientId, removal)` says whether the sender may
 * set (or, with `removal`, clear) a client id's state. Returns the update to apply, or null when
 * nothing in it may be relayed.
 */
export function stampAwareness(update: Uint8Array, writer: Writer, admit: (clientId: number, removal: boolean) => boolean): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const entries: Array<[number, number, string]> = [];
  const count = decoding.readVarUint(decoder);
  if (count > MAX_PRESENCE_ENTRIES_PER_FRAME) throw new WriteRefusal(CloseCode.presenceFlood, `more than ${MAX_PRESENCE_ENTRIES_PER_FRAME} entries in a presence frame`);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_AWARENESS_STATE_BYTES) throw new WriteRefusal(CloseCode.messageTooLarge, `a presence state above ${MAX_AWARENESS_STATE_BYTES} bytes`);
    const state: unknown = JSON.parse(json);
    if (!admit(clientId, state === null)) continue;
    if (state === null) {
      entries.push([clientId, clock, "null"]);
      continue;
    }
    if (typeof state !== "object" || Array.isArray(state)) throw new WriteRefusal(CloseCode.malformedMessage, "a presence state must be an object");
    const stamped = { ...(state as Record<string, unknown>), user: stampedUser(writer, (state as { user?: unknown }).user) };
    entries.push([clientId, clock, JSON.stringify(stamped)]);
  }
  if (entries.length === 0) return null;
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
