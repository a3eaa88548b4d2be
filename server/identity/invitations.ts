/**
 * Inviting members and signing them in. An invitation makes a user with a membership in a draft,
 * a single-use sign-in link and a bearer token for scripts; redeeming the link gives a session.
 */
import { RestLimits } from "../../schemas/generated/rest";
import { INVITATION_TTL_DAYS } from "../../shared/memberListing";
import { isStateCode } from "../../shared/states";
import { Role, isRole } from "../../shared/roles";
import { CredentialKind, type IdentityStore, type Membership, type User } from "./IdentityStore";
import { SESSION_TTL_MS } from "./authenticate";
import { hashSecret, newSecret } from "./secrets";
import { refusal, type Refusal } from "../../shared/refusals";

/** Path of the sign-in links: `/signin/<secret>`. */
export const SIGN_IN_PATH = "/signin";

/** How long a sign-in link stays valid. */
export const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000;

/** Longest name of a member (the invitation body's schema sets it). */
export const MAX_MEMBER_NAME_LENGTH = RestLimits.invite.name.maxLength;

/** A role, state or name the invitation rules refuse, with the refusal the page translates: a route answers it with a 400, the command line prints its English. */
export class MemberRefusal extends Error {
  override readonly name = "MemberRefusal";

  constructor(
    readonly refusal: Refusal,
    message: string,
  ) {
    super(message);
  }
}

/** Whom to invite. */
export interface InvitationRequest {
  draftId: string;
  role: string;
  state?: string | null;
  name?: string;
}

/** What an invitation hands out: the secrets are shown once and never stored. */
export interface Invitation {
  user: User;
  membership: Membership;
  /** `/signin/<secret>`, to be put after the server's URL. */
  signInPath: string;
  /** Bearer token for scripts. */
  token: string;
}

/** Checks role and state together; throws a `MemberRefusal` naming the bad value. */
export function checkRoleAndState(role: unknown, state: unknown): { role: Role; state: string | null } {
  if (!isRole(role)) throw new MemberRefusal(refusal("unknown-role", { role: String(role).slice(0, 40) }), `Unknown role: ${String(role).slice(0, 40)}`);
  if (role === Role.delegation) {
    if (typeof state !== "string" || !isStateCode(state)) throw new MemberRefusal(refusal("delegation-needs-state", { state: String(state).slice(0, 40) }), `A delegation needs a state code, not ${String(state).slice(0, 40)}`);
    return { role, state };
  }
  if (state !== undefined && state !== null && state !== "") throw new MemberRefusal(refusal("state-only-for-delegations"), `Only delegations have a state; a ${role} does not`);
  return { role, state: null };
}

async function issue(identity: IdentityStore, kind: CredentialKind, user: User, ttlMs: number | null, membershipId: string | null) {
  const secret = newSecret();
  const now = Date.now();
  await identity.storeCredential({
    hash: hashSecret(secret),
    kind,
    userId: user.id,
    membershipId,
    createdAt: new Date(now).toISOString(),
    expiresAt: ttlMs === null ? null : new Date(now + ttlMs).toISOString(),
  });
  return secret;
}

/** Invites a new member to a draft. */
export async function inviteMember(identity: IdentityStore, request: InvitationRequest): Promise<Invitation> {
  const { role, state } = checkRoleAndState(request.role, request.state);
  const name = (request.name ?? (state ?? role)).trim();
  if (name.length === 0 || name.length > MAX_MEMBER_NAME_LENGTH) {
    throw new MemberRefusal(refusal("member-name-length", { max: MAX_MEMBER_NAME_LENGTH }), `A member's name must have 1–${MAX_MEMBER_NAME_LENGTH} characters`);
  }
  const user = await identity.createUser(name);
  const membership = await identity.addMembership({ draftId: request.draftId, userId: user.id, role, state });
  const link = await issue(identity, CredentialKind.invitation, user, INVITATION_TTL_MS, membership.id);
  const token = await issue(identity, CredentialKind.token, user, null, null);
  return { user, membership, signInPath: `${SIGN_IN_PATH}/${link}`, token };
}

/** What making an organizer hands out: a sign-in link to the drafts page and a token for scripts, shown once. */
export interface OrganizerInvitation {
  user: User;
  signInPath: string;
  token: string;
}

/** Creates an organizer account (the secretariat), which may create drafts and administer every draft's members. */
export async function inviteOrganizer(identity: IdentityStore, name: string): Promise<OrganizerInvitation> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_MEMBER_NAME_LENGTH) throw new MemberRefusal(refusal("member-name-length", { max: MAX_MEMBER_NAME_LENGTH }), `A member's name must have 1–${MAX_MEMBER_NAME_LENGTH} characters`);
  const user = await identity.createUser(trimmed, { organizer: true });
  const link = await issue(identity, CredentialKind.invitation, user, INVITATION_TTL_MS, null);
  const token = await issue(identity, CredentialKind.token, user, null, null);
  return { user, signInPath: `${SIGN_IN_PATH}/${link}`, token };
}

/** Redeems a sign-in link once: the session secret and the draft it leads to, or null when the link is spent or unknown. */
export async function redeemInvitation(identity: IdentityStore, secret: string): Promise<{ session: string; draftId: string | null; userId: string } | null> {
  const hash = hashSecret(secret);
  const credential = await identity.findCredential(hash);
  if (!credential || credential.kind !== CredentialKind.invitation) return null;
  if (credential.expiresAt && Date.parse(credential.expiresAt) <= Date.now()) return null;
  if (!(await identity.useCredential(hash))) return null;
  const user = await identity.getUser(credential.userId);
  if (!user) return null;
  const membership = credential.membershipId ? await identity.getMembership(credential.membershipId) : null;
  const session = await issue(identity, CredentialKind.session, user, SESSION_TTL_MS, null);
  return { session, draftId: membership?.draftId ?? null, userId: user.id };
}
