/**
 * Secrets handed to people (sign-in links, session cookies, script tokens): 256 random bits, so a
 * plain SHA-256 of them is what the store keeps — a stolen database yields no usable secret.
 */
import crypto from "node:crypto";

/** A new secret, URL-safe. */
export function newSecret(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** The stored form of a secret. */
export function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A new random id for users and memberships. */
export function newId(): string {
  return crypto.randomBytes(9).toString("base64url");
}
