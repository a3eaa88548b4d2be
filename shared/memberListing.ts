/** What the members routes answer for each member of a draft: the members panel's contract with the server. */
import type { Role } from "./roles";

/** How many days a sign-in link works: the server's limit, which invitations tell the invited. */
export const INVITATION_TTL_DAYS = 14;

/** One member of a draft, as `GET /api/drafts/:id/members` lists it. */
export interface ListedMember {
  /** The membership's id, which `PATCH` and `DELETE /api/drafts/:id/members/:memberId` name. */
  id: string;
  /** The name the member was invited under. */
  name: string;
  role: Role;
  /** The state a delegation acts for; null for the chair and observers. */
  state: string | null;
  /** When the member was invited. */
  createdAt: string;
  /** When the member used the sign-in link; null while it is unused. */
  signedInAt: string | null;
  /** When the membership was revoked; null while it stands. */
  revokedAt: string | null;
}
