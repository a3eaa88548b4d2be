/**
 * Who is behind a connection, as the server knows it from the membership: the role and state that
 * decide what may be written, and the principal that owns Yjs client ids and signs the audit log.
 */
import { statePrincipal } from "../../shared/audit/auditEntry";
import { Role, type Author } from "../../shared/roles";
import type { Membership, User } from "./IdentityStore";

export { SERVER_PRINCIPAL } from "../../shared/audit/auditEntry";

/** A connected member. */
export interface Writer {
  author: Author;
  /** `chair`, `state:CUB`, or `observer:<membership id>`: users acting for one state share a principal. */
  principal: string;
  userId: string;
  userName: string;
  membershipId: string;
}

/** The writer a membership makes of a user. */
export function writerOf(user: User, membership: Membership): Writer {
  const base = { userId: user.id, userName: user.name, membershipId: membership.id };
  switch (membership.role) {
    case Role.chair:
      return { ...base, author: { role: Role.chair }, principal: Role.chair };
    case Role.delegation:
      if (!membership.state) throw new RangeError(`Delegation membership ${membership.id} has no state`);
      return { ...base, author: { role: Role.delegation, state: membership.state }, principal: statePrincipal(membership.state) };
    case Role.observer:
      return { ...base, author: { role: Role.observer }, principal: `observer:${membership.id}` };
    default:
      throw new RangeError(`Unknown role ${String(membership.role)}`);
  }
}

/**
 * Whether `membership`, as stored now, still makes the writer a connection was admitted as: not
 * revoked, with the same role and state. A connection it no longer makes must close.
 */
export function stillAdmits(membership: Membership | null, writer: Writer): boolean {
  if (!membership || membership.revokedAt !== null || membership.id !== writer.membershipId) return false;
  const state = writer.author.role === Role.delegation ? writer.author.state : null;
  return membership.role === writer.author.role && membership.state === state;
}
