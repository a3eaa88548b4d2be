/**
 * What each error means to a person, in one place: the sync socket's close codes and the REST
 * API's HTTP errors. Pages show these words, never a bare code or status.
 */
import { CloseCode, closeCodeFor } from "../../shared/closeCodes";

const MESSAGES: Record<CloseCode["reason"], string> = {
  "malformed-message": "The connection sent something the server could not read; reconnecting.",
  unauthenticated: "You are not signed in. Open your invitation link again.",
  "room-forbidden": "You do not have access to this part of the draft.",
  "unknown-draft": "This draft does not exist.",
  "write-refused": "The server refused a change you may not make; your copy was refreshed from the server.",
  "invalid-record": "The server refused a change it could not accept; your copy was refreshed from the server.",
  "slow-reader": "The connection fell too far behind the server; reconnecting.",
  "client-id-taken": "Your editor session clashed with another; your copy was refreshed from the server.",
  "access-revoked": "Your access to this draft has changed or been revoked.",
  "origin-refused": "This page is not served from Concord's own address, so the server will not let it act for you. Open the draft from Concord's own address.",
  "message-too-large": "A change was too large to send.",
  "unknown-message-type": "The connection sent something the server does not understand; reconnecting.",
  "presence-flood": "The connection sent more cursor and presence updates than the server accepts; reconnecting.",
  "bad-update": "The server could not apply a change; your copy was refreshed from the server.",
  "schema-version-mismatch": "Concord was updated. Reload the page to continue.",
  "rate-limited": "Too many changes too fast; reconnecting.",
  "storage-failed": "The server could not save; reconnecting.",
  "server-shutting-down": "The server is restarting; reconnecting.",
};

/** Codes after which reconnecting cannot help: the person must act (sign in, reload, ask the chair). */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.unauthenticated.code,
  CloseCode.roomForbidden.code,
  CloseCode.unknownDraft.code,
  CloseCode.accessRevoked.code,
  CloseCode.originRefused.code,
  CloseCode.schemaMismatch.code,
]);

/** The message for a close code, or null for ordinary disconnects. */
export function closeMessage(code: number): string | null {
  const cause = closeCodeFor(code);
  return cause ? MESSAGES[cause.reason] : null;
}

/** The REST API's error body (`server/http/HttpError.ts`). */
interface ErrorBody {
  error?: string;
  message?: string;
}

/** Messages by HTTP status; a 400 carries the server's own detail, which names what was wrong. */
const HTTP_MESSAGES: Record<number, string> = {
  401: MESSAGES.unauthenticated,
  403: "You do not have access to this draft, or may not do that in it.",
  404: "This draft or page does not exist.",
  409: "Someone changed this at the same time; reload and try again.",
  410: "This sign-in link was already used or has expired; ask the secretariat for a new one.",
  413: "That is too large to send.",
  415: "The server does not read that kind of file.",
  429: "Too many failed sign-ins from your address; wait a few minutes and try again.",
};

/** Statuses whose answer says in words what was wrong with what was sent (a file's real size, why it is refused). */
const SELF_EXPLAINING = new Set([413, 415, 429, 503]);

/** The message for an HTTP error answer. */
export function httpErrorMessage(status: number, body: ErrorBody = {}): string {
  if (status === 400 && body.message) return `The server could not accept that: ${body.message.replace(/\.?$/, ".")}`;
  if (SELF_EXPLAINING.has(status) && body.message) return body.message.replace(/\.?$/, ".");
  return HTTP_MESSAGES[status] ?? (status >= 500 ? "The server could not answer; try again in a moment." : `The request failed (HTTP ${status}).`);
}

/** The message when this browser cannot keep a copy of the draft on the device. */
export const NO_LOCAL_COPY_MESSAGE =
  "This browser keeps no copy of the draft on this device (private window or storage full): your work is saved while you are online, but a reload while offline cannot bring it back.";

/** The message an observer gets when the chair closes stances and comments to observers. */
export const FLOOR_CLOSED_MESSAGE = "The chair closed stances and comments to observers; the draft's text stays open to you.";

/** The start of the message when signing out failed: the session is still alive on this device. */
export const STILL_SIGNED_IN_MESSAGE = "You are still signed in on this device.";

/** The message when the server cannot be reached at all. */
export const UNREACHABLE_MESSAGE = "The server cannot be reached: you may be offline. Your work on this device is kept.";

/** Reads an error answer's message, whatever its body holds. */
export async function errorMessageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  return httpErrorMessage(response.status, body);
}
