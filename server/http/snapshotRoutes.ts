/**
 * A fresh client's first open over a slow line: the room's whole state as one gzipped download
 * (cached until the room changes), after which the sync socket only carries the difference.
 */
import express from "express";
import { SNAPSHOT_ROUTE } from "../../shared/appPaths";
import type { Drafts } from "../drafts/Drafts";
import type { IdentityStore } from "../identity/IdentityStore";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { httpErrors } from "./HttpError";
import { route } from "./requestContext";
import { requireRoomReader } from "./requireRoomReader";

/** `GET /api/drafts/:id/rooms/:room/snapshot`: a Yjs update holding the room's state, gzip-encoded. */
export function snapshotRoutes(identity: IdentityStore, drafts: Drafts, rooms: RoomRegistry): express.Router {
  const router = express.Router();
  router.get(
    SNAPSHOT_ROUTE,
    route(async (request, response) => {
      const { draftId, room: roomName } = await requireRoomReader(identity, drafts, request);
      const room = await rooms.open(draftId, roomName);
      if (!room) throw httpErrors.notFound("draft-not-found");
      response.setHeader("Content-Type", "application/octet-stream");
      response.setHeader("Content-Encoding", "gzip");
      response.setHeader("Cache-Control", "no-store");
      response.end(room.compressedState());
      rooms.released(room);
    }),
  );
  return router;
}
