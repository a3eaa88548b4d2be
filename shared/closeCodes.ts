/**
 * Why the server closed a sync socket: one `{code, reason}` per cause, written once for both sides.
 * Codes are in the 4000–4999 range WebSocket leaves to applications; reasons are stable ids that
 * the client maps to a message a person can read.
 */
export const CloseCode = {
  malformedMessage: { code: 4400, reason: "malformed-message" },
  unauthenticated: { code: 4401, reason: "unauthenticated" },
  roomForbidden: { code: 4403, reason: "room-forbidden" },
  unknownDraft: { code: 4404, reason: "unknown-draft" },
  writeRefused: { code: 4405, reason: "write-refused" },
  invalidRecord: { code: 4406, reason: "invalid-record" },
  slowReader: { code: 4408, reason: "slow-reader" },
  clientIdTaken: { code: 4409, reason: "client-id-taken" },
  accessRevoked: { code: 4410, reason: "access-revoked" },
  originRefused: { code: 4412, reason: "origin-refused" },
  messageTooLarge: { code: 4413, reason: "message-too-large" },
  unknownMessageType: { code: 4415, reason: "unknown-message-type" },
  presenceFlood: { code: 4420, reason: "presence-flood" },
  badUpdate: { code: 4422, reason: "bad-update" },
  schemaMismatch: { code: 4426, reason: "schema-version-mismatch" },
  rateLimited: { code: 4429, reason: "rate-limited" },
  storageFailed: { code: 4500, reason: "storage-failed" },
  shuttingDown: { code: 4503, reason: "server-shutting-down" },
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** The close cause a code stands for, or null for codes Concord does not send. */
export function closeCodeFor(code: number): CloseCode | null {
  return Object.values(CloseCode).find((entry) => entry.code === code) ?? null;
}

/**
 * Codes after which Concord's client must throw its local copy away and sync afresh: the server
 * refused something in it, so resending the same changes would only be refused again.
 */
export const RESET_LOCAL_COPY_CODES: ReadonlySet<number> = new Set([
  CloseCode.writeRefused.code,
  CloseCode.invalidRecord.code,
  CloseCode.clientIdTaken.code,
  CloseCode.badUpdate.code,
]);

/** Longest close reason WebSocket allows, in UTF-8 bytes. */
export const MAX_CLOSE_REASON_BYTES = 123;

/** The reason sent with a close: the cause's stable id, then a detail, cut to what WebSocket allows. */
export function closeReason(cause: CloseCode, detail?: string): string {
  const full = detail ? `${cause.reason}: ${detail}` : cause.reason;
  let reason = full;
  while (new TextEncoder().encode(reason).byteLength > MAX_CLOSE_REASON_BYTES) reason = reason.slice(0, -1);
  return reason;
}
