/**
 * The check before any route that hands out a room's bytes (the live snapshot, a revision's room):
 * the room exists, the draft exists, the person is its member, and the read policy lets their role
 * read that room now.
 */
import type express from "express";
import { ROOMS, type Room } from "../../shared/documentLayout";
import { mayReadRoom } from "../../shared/readPolicy";
import type { DraftRecord } from "../storage/Storage";
import type { Drafts } from "../drafts/Drafts";
import type { IdentityStore } from "../identity/IdentityStore";
import { httpErrors } from "./HttpError";
import { requireMember } from "./requestContext";

/** The draft and room of `:id` and `:room` once the person may read them; throws the answer otherwise. */
export async function requireRoomReader(identity: IdentityStore, drafts: Drafts, request: express.Request): Promise<{ draftId: string; room: Room; draft: DraftRecord }> {
  const draftId = String(request.params.id);
  const roomName = String(request.params.room);
  if (!(ROOMS as readonly string[]).includes(roomName)) throw httpErrors.notFound("room-not-found");
  const draft = await drafts.get(draftId);
  if (!draft) throw httpErrors.notFound("draft-not-found");
  const { membership } = await requireMember(identity, request, draftId);
  if (!mayReadRoom(membership.role, roomName as Room, draft.observersReadFloor, draft.observersReadContributions)) throw httpErrors.forbidden("room-not-readable");
  return { draftId, room: roomName as Room, draft };
}
