/**
 * A draft's published revisions: the chair publishes the next one, every member lists them, and
 * reads each one's stored rooms — which never change, so a browser may keep them for good.
 */
import express from "express";
import { REVISION_ROOM_ROUTE, REVISIONS_ROUTE } from "../../shared/appPaths";
import { Room } from "../../shared/documentLayout";
import type { RevisionsAnswer } from "../../shared/revisions/revisionListing";
import type { Drafts } from "../drafts/Drafts";
import type { IdentityStore } from "../identity/IdentityStore";
import { publishRevision, RevisionRefusal, toListing, type RevisionContext } from "../revisions/publishRevision";
import { httpErrors, refusalsAreBadRequests } from "./HttpError";
import { readBody } from "./readBody";
import { requireChair, requireMember, route } from "./requestContext";
import { requireRoomReader } from "./requireRoomReader";

/** A published revision's bytes never change: a browser may keep them as long as it likes. */
export const IMMUTABLE_CACHE_CONTROL = "private, max-age=31536000, immutable";

/**
 * `POST /api/drafts/:id/revisions` (the chair: 201 with the new revision's listing), `GET` the same
 * (every member: the revisions oldest first), and `GET /api/drafts/:id/revisions/:revisionId/rooms/:room`
 * (a Yjs update of that room's whole state as published; `floor` only for who may read it now).
 */
export function revisionRoutes(identity: IdentityStore, drafts: Drafts, context: RevisionContext): express.Router {
  const router = express.Router();

  router.post(
    REVISIONS_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      if (!(await drafts.get(draftId))) throw httpErrors.notFound("draft-not-found");
      const { user } = await requireChair(identity, request, draftId);
      const body = readBody(request, "publishRevision");
      const listing = await refusalsAreBadRequests([RevisionRefusal], () => publishRevision(context, draftId, body, user.name));
      response.status(201).json(listing);
    }),
  );

  router.get(
    REVISIONS_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      if (!(await drafts.get(draftId))) throw httpErrors.notFound("draft-not-found");
      await requireMember(identity, request, draftId);
      const answer: RevisionsAnswer = { revisions: (await context.storage.listRevisions(draftId)).map(toListing) };
      // The list grows with each publication: never kept in a cache.
      response.setHeader("Cache-Control", "no-store");
      response.json(answer);
    }),
  );

  router.get(
    REVISION_ROOM_ROUTE,
    route(async (request, response) => {
      const { draftId, room: roomName } = await requireRoomReader(identity, drafts, request);
      const revision = await context.storage.readRevision(draftId, String(request.params.revisionId));
      if (!revision) throw httpErrors.notFound("revision-not-found");
      response.setHeader("Content-Type", "application/octet-stream");
      // Private: what a member may read is theirs, and the floor is closed to some.
      response.setHeader("Cache-Control", IMMUTABLE_CACHE_CONTROL);
      const bytes = roomName === Room.floor ? revision.floor : revision.text;
      response.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }),
  );

  return router;
}
