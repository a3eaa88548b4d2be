/** The drafts a user is a member of, one draft with the user's part in it, and the chair's settings of a draft. */
import express from "express";
import { DRAFT_ROUTE, DRAFTS_ROUTE } from "../../shared/appPaths";
import { CloseCode } from "../../shared/closeCodes";
import { Room } from "../../shared/documentLayout";
import type { DraftsListing, ListedDraft } from "../../shared/draftListing";
import { Role } from "../../shared/roles";
import type { Drafts } from "../drafts/Drafts";
import type { IdentityStore } from "../identity/IdentityStore";
import type { RoomRegistry } from "../sync/RoomRegistry";
import { httpErrors } from "./HttpError";
import { readBody } from "./readBody";
import { requireChair, requireMember, requireUser, route } from "./requestContext";

/**
 * `GET /api/drafts`, `GET /api/drafts/:id` and the chair's `PATCH /api/drafts/:id`. The list gives each draft the user is a member of
 * with the user's role (and state) in it, and the summary the status publisher saved with the draft
 * (title, symbol, progress: agreed of total paragraphs, open proposals, objected paragraphs), so it
 * loads no room; an organizer gets every draft, and `organizer: true` to show the secretariat's desk; `progress` is null only for a draft not yet summarized (see `StatusPublisher`).
 */
export function draftRoutes(identity: IdentityStore, drafts: Drafts, rooms: RoomRegistry): express.Router {
  const router = express.Router();

  router.get(
    DRAFTS_ROUTE,
    route(async (request, response) => {
      const user = await requireUser(identity, request);
      const memberships = await identity.membershipsOfUser(user.id);
      const listed: ListedDraft[] = [];
      for (const membership of memberships) {
        const draft = await drafts.get(membership.draftId);
        if (draft) listed.push({ ...draft, role: membership.role, state: membership.state });
      }
      // The secretariat sees every draft, those it is no member of with no role.
      if (user.organizer) {
        const mine = new Set(memberships.map((membership) => membership.draftId));
        for (const draft of await drafts.list()) if (!mine.has(draft.id)) listed.push({ ...draft, role: null, state: null });
      }
      const answer: DraftsListing = { drafts: listed, organizer: user.organizer };
      // What a person may read changes when they sign out: never keep it in a cache.
      response.setHeader("Cache-Control", "no-store");
      response.json(answer);
    }),
  );

  router.get(
    DRAFT_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      const draft = await drafts.get(draftId);
      if (!draft) throw httpErrors.notFound("draft-not-found");
      const { user, membership } = await requireMember(identity, request, draftId);
      response.json({ draft, me: { name: user.name, role: membership.role, state: membership.state } });
    }),
  );

  // The chair's settings of a draft: whether observers read its stances and comments, and its written
  // contributions. Closing a room to observers closes their sockets to it at once; opening it
  // applies from their next load.
  router.patch(
    DRAFT_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      if (!(await drafts.get(draftId))) throw httpErrors.notFound("draft-not-found");
      await requireChair(identity, request, draftId);
      const { observersReadFloor, observersReadContributions } = readBody(request, "draftSettings");
      if (observersReadFloor !== undefined) await drafts.setObserversReadFloor(draftId, observersReadFloor);
      if (observersReadContributions !== undefined) await drafts.setObserversReadContributions(draftId, observersReadContributions);
      const closed: Array<[Room, string]> = [];
      if (observersReadFloor === false) closed.push([Room.floor, "the chair closed stances and comments to observers"]);
      if (observersReadContributions === false) closed.push([Room.contributions, "the chair closed the written contributions to observers"]);
      for (const [roomName, reason] of closed) {
        const room = await rooms.loaded(draftId, roomName);
        for (const peer of Array.from(room?.peers ?? [])) {
          if (peer.writer.author.role === Role.observer) peer.close(CloseCode.roomForbidden, reason);
        }
      }
      response.json({ draft: await drafts.get(draftId) });
    }),
  );

  return router;
}
