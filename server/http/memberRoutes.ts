/**
 * The chair's administration of a draft's members: list, invite, change a role, revoke. A change
 * closes the member's open sockets at once, so the new rights apply from the next connection.
 */
import Ajv from "ajv";
import express from "express";
import { CloseCode } from "../../shared/closeCodes";
import type { IdentityStore } from "../identity/IdentityStore";
import { checkRoleAndState, inviteMember } from "../identity/invitations";
import type { LiveConnections } from "../sync/LiveConnections";
import { httpErrors } from "./HttpError";
import { requireChair, route } from "./requestContext";

const ajv = new Ajv({ strict: true });

/** Body of `POST /api/drafts/:id/members`. */
const validateInvite = ajv.compile<{ role: string; state?: string | null; name?: string }>({
  type: "object",
  properties: {
    role: { type: "string", maxLength: 20 },
    state: { type: ["string", "null"], maxLength: 3 },
    name: { type: "string", maxLength: 120 },
  },
  required: ["role"],
  additionalProperties: false,
});

/** Body of `PATCH /api/drafts/:id/members/:memberId`. */
const validateRoleChange = ajv.compile<{ role: string; state?: string | null }>({
  type: "object",
  properties: { role: { type: "string", maxLength: 20 }, state: { type: ["string", "null"], maxLength: 3 } },
  required: ["role"],
  additionalProperties: false,
});

function bodyError(validate: { errors?: Array<{ instancePath: string; message?: string }> | null }): Error {
  const first = validate.errors?.[0];
  return httpErrors.badRequest(`${first?.instancePath || "body"} ${first?.message ?? "is invalid"}`);
}

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
      if (!validateInvite(request.body)) throw bodyError(validateInvite);
      const invitation = await inviteMember(identity, { draftId, ...request.body });
      response.status(201).json(invitation);
    }),
  );

  router.patch(
    "/api/drafts/:id/members/:memberId",
    route(async (request, response) => {
      const draftId = String(request.params.id);
      await requireChair(identity, request, draftId);
      if (!validateRoleChange(request.body)) throw bodyError(validateRoleChange);
      const { role, state } = checkRoleAndState(request.body.role, request.body.state);
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
