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

/** Query parameter by which Concord's client states the schema version it binds (`shared/documentLayout.ts`). */
export const SCHEMA_VERSION_PARAM = "schema";
