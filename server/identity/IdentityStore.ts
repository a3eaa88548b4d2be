/**
 * People and what they may open: users, their memberships in drafts (with a role, and a state for
 * delegations) and their credentials (sign-in links, sessions, script tokens), stored by hash only.
 */
import type { ListedMember } from "../../shared/memberListing";
import type { Role } from "../../shared/roles";

/** A person (or a script) using Concord. */
export interface User {
  id: string;
  name: string;
  createdAt: string;
  /** An organizer (the secretariat) creates drafts and administers the members of every draft. */
  organizer: boolean;
}

/** A user's part in one draft. Several users may act for one state. */
export interface Membership {
  id: string;
  draftId: string;
  userId: string;
  role: Role;
  /** The state a delegation acts for; null for the chair and observers. */
  state: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** Kinds of credential. */
export const CredentialKind = {
  /** A single-use sign-in link. */
  invitation: "invitation",
  /** The cookie a sign-in sets. */
  session: "session",
  /** A bearer token for scripts. */
  token: "token",
} as const;
export type CredentialKind = (typeof CredentialKind)[keyof typeof CredentialKind];

/** A stored credential: the secret itself is never stored, only its hash. */
export interface Credential {
  hash: string;
  kind: CredentialKind;
  userId: string;
  /** For an invitation: the membership it signs in to. */
  membershipId: string | null;
  createdAt: string;
  expiresAt: string | null;
  usedAt: string | null;
}

/** Durable home of users, memberships and credentials. */
export interface IdentityStore {
  createUser(name: string, options?: { organizer?: boolean }): Promise<User>;
  getUser(id: string): Promise<User | null>;
  /** Whether any organizer account exists. */
  hasOrganizer(): Promise<boolean>;
  addMembership(membership: Pick<Membership, "draftId" | "userId" | "role" | "state">): Promise<Membership>;
  getMembership(id: string): Promise<Membership | null>;
  /** The user's unrevoked membership in a draft. */
  activeMembership(userId: string, draftId: string): Promise<Membership | null>;
  /** A user's unrevoked memberships, across drafts. */
  membershipsOfUser(userId: string): Promise<Membership[]>;
  /** Every membership of a draft, revoked ones included. */
  membershipsOfDraft(draftId: string): Promise<Membership[]>;
  /** Every member of a draft with the name and the time they signed in, revoked ones included. */
  membersOfDraft(draftId: string): Promise<ListedMember[]>;
  /** Revokes a membership; resolves with it, or null when there is none. */
  revokeMembership(id: string): Promise<Membership | null>;
  /** Gives a membership another role (and state); resolves with it, or null when there is none. */
  changeRole(id: string, role: Role, state: string | null): Promise<Membership | null>;
  storeCredential(credential: Omit<Credential, "usedAt">): Promise<void>;
  findCredential(hash: string): Promise<Credential | null>;
  /** Marks a single-use credential used; false when it already was. */
  useCredential(hash: string): Promise<boolean>;
  /** Ends a session at once (signing out); other kinds of credential are left alone. */
  endSession(hash: string): Promise<void>;
}
