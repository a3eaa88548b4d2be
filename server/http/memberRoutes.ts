/**
 * The chair's administration of a draft's members: list, invite, change a role, revoke. A change
 * closes the member's open sockets at once, so the new rights apply from the next connection.
 */
import express from "express";
import { CloseCode } from "../../shared/closeCodes";
import type { IdentityStore } from "../identity/IdentityStore";
import { checkRoleAndState, inviteMember, MemberRefusal } from "../identity/invitations";
import type { LiveConnections } from "../sync/LiveConnections";
import { httpErrors, refusalsAreBadRequests } from "./HttpError";
import { readBody } from "./readBody";
import { requireChair, route } from "./requestContext";

/** The member administration routes. */
export function memberRoutes(identity: IdentityStore, live: LiveConnections): express.Router {
  const router = express.Router();

  router.get(
    "/api/drafts/:id/members",
    route(async (request, response) => {
      const draftId = String(request.params.id);
      await requireChair(identity, request, draftId);
      response.json({ members: await identity.membershipsOfDraft(draftId) });
    }),
  );

  router.post(
    "/api/drafts/:id/members",
    route(async (request, response) => {
      const draftId = String(request.params.id);
      await requireChair(identity, request, draftId);
      const body = readBody(request, "invite");
      const invitation = await refusalsAreBadRequests([MemberRefusal], () => inviteMember(identity, { draftId, ...body }));
      response.status(201).json(invitation);
    }),
  );

  router.patch(
    "/api/drafts/:id/members/:memberId",
    route(async (request, response) => {
      const draftId = String(request.params.id);
      await requireChair(identity, request, draftId);
      const body = readBody(request, "roleChange");
      const { role, state } = await refusalsAreBadRequests([MemberRefusal], () => checkRoleAndState(body.role, body.state));
      const existing = await identity.getMembership(String(request.params.memberId));
      if (!existing || existing.draftId !== draftId) throw httpErrors.notFound("That member");
      const changed = await identity.changeRole(existing.id, role, state);
      live.closeMembership(existing.id, CloseCode.accessRevoked);
      response.json({ member: changed });
    }),
  );

  router.delete(
    "/api/drafts/:id/members/:memberId",
    route(async (request, response) => {
      const draftId = String(request.params.id);
      await requireChair(identity, request, draftId);
      const existing = await identity.getMembership(String(request.params.memberId));
      if (!existing || existing.draftId !== draftId) throw httpErrors.notFound("That member");
      const revoked = await identity.revokeMembership(existing.id);
      live.closeMembership(existing.id, CloseCode.accessRevoked);
      response.json({ member: revoked });
    }),
  );

  return router;
}
