/**
 * Who is asking: a request (HTTP or socket upgrade) carries a secret in the session cookie, an
 * `Authorization: Bearer` header, or `?token=` on the socket URL; the store knows its hash.
 */
import type { IncomingMessage } from "node:http";
import { CredentialKind, type IdentityStore, type User } from "./IdentityStore";
import { hashSecret } from "./secrets";

/** Name of the session cookie a sign-in sets. */
export const SESSION_COOKIE = "concord_session";

/** Query parameter a script may carry its token in, on the sync socket. */
export const TOKEN_PARAM = "token";

/** How long a session lasts. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The value of cookie `name` in a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** The session secret in a request's cookie, if any (what signing out ends). */
export function sessionSecret(request: IncomingMessage): string | null {
  return cookieValue(request.headers.cookie, SESSION_COOKIE);
}

/** The secret a request presents, if any: bearer header, then `?token=`, then the session cookie. */
export function presentedSecret(request: IncomingMessage): string | null {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith("Bearer ")) return authorization.slice("Bearer ".length).trim() || null;
  const token = new URL(request.url ?? "/", "http://localhost").searchParams.get(TOKEN_PARAM);
  if (token) return token;
  return sessionSecret(request);
}

/** The user behind a request's session or token; null when there is none or it has expired. */
export async function authenticate(identity: IdentityStore, request: IncomingMessage): Promise<User | null> {
  const secret = presentedSecret(request);
  if (!secret) return null;
  const credential = await identity.findCredential(hashSecret(secret));
  if (!credential || credential.kind === CredentialKind.invitation) return null;
  if (credential.expiresAt && Date.parse(credential.expiresAt) <= Date.now()) return null;
  return identity.getUser(credential.userId);
}
