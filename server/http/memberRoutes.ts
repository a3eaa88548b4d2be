/**
 * The administration of a draft's members, by its chair or an organizer (the secretariat): list
 * (with names and when each signed in), invite, change a role, revoke. A change closes the member's
 * open sockets at once, so the new rights apply from the next connection.
 */
import express from "express";
import { MEMBER_ROUTE, MEMBERS_ROUTE } from "../../shared/appPaths";
import { CloseCode } from "../../shared/closeCodes";
import type { ListedMember } from "../../shared/memberListing";
import type { Drafts } from "../drafts/Drafts";
import type { IdentityStore, Membership } from "../identity/IdentityStore";
import { checkRoleAndState, inviteMember, MemberRefusal } from "../identity/invitations";
import type { LiveConnections } from "../sync/LiveConnections";
import { refusal } from "../../shared/refusals";
import { httpErrors, refusalsAreBadRequests } from "./HttpError";
import { readBody } from "./readBody";
import { requireMemberAdministrator, route } from "./requestContext";

/** The member administration routes. */
export function memberRoutes(identity: IdentityStore, drafts: Drafts, live: LiveConnections): express.Router {
  const router = express.Router();

  /** The draft's id once it exists and the requester may administer its members. */
  async function administered(request: express.Request): Promise<string> {
    const draftId = String(request.params.id);
    await requireMemberAdministrator(identity, request, draftId);
    if (!(await drafts.get(draftId))) throw httpErrors.notFound("draft-not-found");
    return draftId;
  }

  /** The draft's member named in the path, as the list shows it; 404 when it is of another draft. */
  async function listedMember(draftId: string, memberId: string): Promise<ListedMember> {
    const member = (await identity.membersOfDraft(draftId)).find((candidate) => candidate.id === memberId);
    if (!member) throw httpErrors.notFound("member-not-found");
    return member;
  }

  async function existingMember(draftId: string, request: express.Request): Promise<Membership> {
    const existing = await identity.getMembership(String(request.params.memberId));
    if (!existing || existing.draftId !== draftId) throw httpErrors.notFound("member-not-found");
    return existing;
  }

  router.get(
    MEMBERS_ROUTE,
    route(async (request, response) => {
      const draftId = await administered(request);
      response.setHeader("Cache-Control", "no-store");
      response.json({ members: await identity.membersOfDraft(draftId) });
    }),
  );

  router.post(
    MEMBERS_ROUTE,
    route(async (request, response) => {
      const draftId = await administered(request);
      const body = readBody(request, "invite");
      const invitation = await refusalsAreBadRequests([MemberRefusal], () => inviteMember(identity, { draftId, ...body }));
      response.setHeader("Cache-Control", "no-store");
      response.status(201).json({ ...invitation, member: await listedMember(draftId, invitation.membership.id) });
    }),
  );

  router.patch(
    MEMBER_ROUTE,
    route(async (request, response) => {
      const draftId = await administered(request);
      const body = readBody(request, "roleChange");
      const { role, state } = await refusalsAreBadRequests([MemberRefusal], () => checkRoleAndState(body.role, body.state));
      const existing = await existingMember(draftId, request);
      if (existing.revokedAt) throw httpErrors.badRequest(refusal("member-revoked"), "That member was revoked; invite them again instead.");
      const changed = await identity.changeRole(existing.id, role, state);
      live.closeMembership(existing.id, CloseCode.accessRevoked);
      response.json({ member: changed, listed: await listedMember(draftId, existing.id) });
    }),
  );

  router.delete(
    MEMBER_ROUTE,
    route(async (request, response) => {
      const draftId = await administered(request);
      const existing = await existingMember(draftId, request);
      const revoked = await identity.revokeMembership(existing.id);
      live.closeMembership(existing.id, CloseCode.accessRevoked);
      response.json({ member: revoked, listed: await listedMember(draftId, existing.id) });
    }),
  );

  return router;
}
