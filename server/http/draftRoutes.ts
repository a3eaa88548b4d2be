/** The drafts a user is a member of, and one draft with the user's part in it. */
import express from "express";
import type { ListedDraft } from "../../shared/draftListing";
import type { Drafts } from "../drafts/Drafts";
import type { IdentityStore } from "../identity/IdentityStore";
import { httpErrors } from "./HttpError";
import { requireMember, requireUser, route } from "./requestContext";

/**
 * `GET /api/drafts` and `GET /api/drafts/:id`. The list gives each draft the user is a member of
 * with the user's role (and state) in it, and the summary the status publisher saved with the draft
 * (title, symbol, progress: agreed of total paragraphs, open proposals, objected paragraphs), so it
 * loads no room; `progress` is null only for a draft not yet summarized (see `StatusPublisher`).
 */
export function draftRoutes(identity: IdentityStore, drafts: Drafts): express.Router {
  const router = express.Router();

  router.get(
    "/api/drafts",
    route(async (request, response) => {
      const user = await requireUser(identity, request);
      const memberships = await identity.membershipsOfUser(user.id);
      const listed: ListedDraft[] = [];
      for (const membership of memberships) {
        const draft = await drafts.get(membership.draftId);
        if (draft) listed.push({ ...draft, role: membership.role, state: membership.state });
      }
      // What a person may read changes when they sign out: never keep it in a cache.
      response.setHeader("Cache-Control", "no-store");
      response.json({ drafts: listed });
    }),
  );

  router.get(
    "/api/drafts/:id",
    route(async (request, response) => {
      const draftId = String(request.params.id);
      const draft = await drafts.get(draftId);
      if (!draft) throw httpErrors.notFound("That draft");
      const { user, membership } = await requireMember(identity, request, draftId);
      response.json({ draft, me: { name: user.name, role: membership.role, state: membership.state } });
    }),
  );

  return router;
}
