/**
 * A fresh client's first open over a slow line: the room's whole state as one gzipped download
 * (cached until the room changes), after which the sync socket only carries the difference.
 */
import express from "express";
import { SNAPSHOT_ROUTE } from "../../shared/appPaths";
import { ROOMS, type Room } from "../../shared/documentLayout";
import { mayReadRoom } from "../../shared/readPolicy";
import type { Drafts } from "../drafts/Drafts";
import type { IdentityStore } from "../identity/IdentityStore";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { httpErrors } from "./HttpError";
import { requireMember, route } from "./requestContext";

/** `GET /api/drafts/:id/rooms/:room/snapshot`: a Yjs update holding the room's state, gzip-encoded. */
export function snapshotRoutes(identity: IdentityStore, drafts: Drafts, rooms: RoomRegistry): express.Router {
  const router = express.Router();
  router.get(
    SNAPSHOT_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      const roomName = String(request.params.room);
      if (!(ROOMS as readonly string[]).includes(roomName)) throw httpErrors.notFound("That room");
      const draft = await drafts.get(draftId);
      if (!draft) throw httpErrors.notFound("That draft");
      const { membership } = await requireMember(identity, request, draftId);
      if (!mayReadRoom(membership.role, roomName as Room, draft.observersReadFloor)) throw httpErrors.forbidden("You may not read this room.");
      const room = await rooms.open(draftId, roomName as Room);
      if (!room) throw httpErrors.notFound("That draft");
      response.setHeader("Content-Type", "application/octet-stream");
      response.setHeader("Content-Encoding", "gzip");
      response.setHeader("Cache-Control", "no-store");
      response.end(room.compressedState());
      rooms.released(room);
    }),
  );
  return router;
}
