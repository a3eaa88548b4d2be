/**
 * The y-websocket wire protocol as Concord speaks it: a varuint message type, then its body.
 * The layout is written down in `schemas/PROTOCOL.md`.
 */

/** First varuint of every frame. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Second varuint of a `sync` frame (y-protocols/sync). */
export const SyncStep = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep];

/**
 * Message types of Concord's own, sent by the server only to Concord's client (one that declares
 * its schema version); stock Yjs clients never receive them. Chosen far above y-websocket's types.
 */
export const ConcordMessageType = {
  /**
   * "Saved": a varuint N follows, the number of this socket's update-carrying frames (sync step 2
   * and sync update, counted from the socket's first frame) whose changes are now committed to storage.
   */
  saved: 100,
} as const;
export type ConcordMessageType = (typeof ConcordMessageType)[keyof typeof ConcordMessageType];

/** Whether a frame carries changes to a document (sync step 2 or sync update): what "saved" counts. */
export function carriesUpdate(frame: Uint8Array): boolean {
  return frame[0] === MessageType.sync && (frame[1] === SyncStep.step2 || frame[1] === SyncStep.update);
}

/** Query parameter by which Concord's client states the schema version it binds (`shared/documentLayout.ts`). */
export const SCHEMA_VERSION_PARAM = "schema";
