/** The drafts a user is a member of, and one draft with the user's part in it. */
import express from "express";
import type { Drafts } from "../drafts/Drafts";
import type { IdentityStore } from "../identity/IdentityStore";
import { httpErrors } from "./HttpError";
import { requireMember, requireUser, route } from "./requestContext";

/** `GET /api/drafts` and `GET /api/drafts/:id`. */
export function draftRoutes(identity: IdentityStore, drafts: Drafts): express.Router {
  const router = express.Router();

  router.get(
    "/api/drafts",
    route(async (request, response) => {
      const user = await requireUser(identity, request);
      const memberships = await identity.membershipsOfUser(user.id);
      const listed = [];
      for (const membership of memberships) {
        const draft = await drafts.get(membership.draftId);
        if (draft) listed.push({ ...draft, role: membership.role, state: membership.state });
      }
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
