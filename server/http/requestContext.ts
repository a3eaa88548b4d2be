/** Who is asking, for the REST routes: the signed-in user and, per draft, their membership. */
import type express from "express";
import { Role } from "../../shared/roles";
import { authenticate } from "../identity/authenticate";
import type { IdentityStore, Membership, User } from "../identity/IdentityStore";
import { connectionProven } from "./ConnectionGate";
import { httpErrors } from "./HttpError";

/** The user behind a request; throws 401 when there is none. */
export async function requireUser(identity: IdentityStore, request: express.Request): Promise<User> {
  const user = await authenticate(identity, request);
  if (!user) throw httpErrors.unauthenticated();
  connectionProven(request.socket);
  return user;
}

/** The user's membership in a draft; throws 401 or 403. */
export async function requireMember(identity: IdentityStore, request: express.Request, draftId: string): Promise<{ user: User; membership: Membership }> {
  const user = await requireUser(identity, request);
  const membership = await identity.activeMembership(user.id, draftId);
  if (!membership) throw httpErrors.forbidden("not-a-member");
  return { user, membership };
}

/** As `requireMember`, for what only the chair may do. */
export async function requireChair(identity: IdentityStore, request: express.Request, draftId: string): Promise<{ user: User; membership: Membership }> {
  const member = await requireMember(identity, request, draftId);
  if (member.membership.role !== Role.chair) throw httpErrors.forbidden("chair-only");
  return member;
}

/** The signed-in user when an organizer (the secretariat); throws 401 or 403. */
export async function requireOrganizer(identity: IdentityStore, request: express.Request): Promise<User> {
  const user = await requireUser(identity, request);
  if (!user.organizer) throw httpErrors.forbidden("organizer-only");
  return user;
}

/** The user when they may administer a draft's members: its chair, or an organizer; throws 401 or 403. */
export async function requireMemberAdministrator(identity: IdentityStore, request: express.Request, draftId: string): Promise<User> {
  const user = await requireUser(identity, request);
  if (user.organizer) return user;
  const membership = await identity.activeMembership(user.id, draftId);
  if (membership?.role !== Role.chair) throw httpErrors.forbidden("members-admin-only");
  return user;
}

/** Wraps an async route so that its errors reach the error handler. */
export function route(handler: (request: express.Request, response: express.Response) => Promise<void>): express.RequestHandler {
  return (request, response, next) => {
    handler(request, response).catch(next);
  };
}
