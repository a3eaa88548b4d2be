/** What each close code means to a person, in one place. */
import { CloseCode, closeCodeFor } from "../../shared/closeCodes";

const MESSAGES: Record<CloseCode["reason"], string> = {
  "malformed-message": "The connection sent something the server could not read; reconnecting.",
  unauthenticated: "You are not signed in. Open your invitation link again.",
  "room-forbidden": "You do not have access to this part of the draft.",
  "unknown-draft": "This draft does not exist.",
  "write-refused": "The server refused a change you may not make; your copy was refreshed from the server.",
  "invalid-record": "The server refused a change it could not accept; your copy was refreshed from the server.",
  "client-id-taken": "Your editor session clashed with another; your copy was refreshed from the server.",
  "access-revoked": "Your access to this draft has changed or been revoked.",
  "message-too-large": "A change was too large to send.",
  "unknown-message-type": "The connection sent something the server does not understand; reconnecting.",
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
  CloseCode.schemaMismatch.code,
]);

/** The message for a close code, or null for ordinary disconnects. */
export function closeMessage(code: number): string | null {
  const cause = closeCodeFor(code);
  return cause ? MESSAGES[cause.reason] : null;
}
