/** Members for tests: invitations made straight in a running server's store. */
import type { ConcordServer } from "../../server/ConcordServer";
import { inviteMember, inviteOrganizer, type Invitation } from "../../server/identity/invitations";
import { Role } from "../../shared/roles";

/** Invites a member with `role` (and `state` for a delegation). */
export function invite(server: ConcordServer, draftId: string, role: Role, state?: string): Promise<Invitation> {
  return inviteMember(server.storage.identity, { draftId, role, state });
}

/** A fresh chair's token for a draft. */
export async function chairToken(server: ConcordServer, draftId: string): Promise<string> {
  return (await invite(server, draftId, Role.chair)).token;
}

/** A new organizer (secretariat) account on a running server, with its sign-in path and token. */
export function organizer(server: ConcordServer, name = "Secretariat") {
  return inviteOrganizer(server.storage.identity, name);
}
