/**
 * Why the server closed a sync socket: one `{code, reason}` per cause, written once for both sides.
 * Codes are in the 4000–4999 range WebSocket leaves to applications; reasons are stable ids that
 * the client maps to a message a person can read.
 */
export const CloseCode = {
  malformedMessage: { code: 4400, reason: "malformed-message" },
  unknownDraft: { code: 4404, reason: "unknown-draft" },
  unknownMessageType: { code: 4415, reason: "unknown-message-type" },
  badUpdate: { code: 4422, reason: "bad-update" },
  schemaMismatch: { code: 4426, reason: "schema-version-mismatch" },
  storageFailed: { code: 4500, reason: "storage-failed" },
  shuttingDown: { code: 4503, reason: "server-shutting-down" },
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** The close cause a code stands for, or null for codes Concord does not send. */
export function closeCodeFor(code: number): CloseCode | null {
  return Object.values(CloseCode).find((entry) => entry.code === code) ?? null;
}
