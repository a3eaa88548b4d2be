/**
 * The rows both stores read the same way, with their column lists and their mapping to the
 * `Storage` and `IdentityStore` types: a membership, a member, a credential, a published revision.
 * Rows whose column types differ between SQLite and PostgreSQL (booleans, JSON) stay with their store.
 */
import type { Role } from "../../shared/roles";
import type { Membership } from "../identity/IdentityStore";
import type { StoredRevision } from "./Storage";

/** A row of `memberships`. */
export interface MembershipRow {
  id: string;
  draft_id: string;
  user_id: string;
  role: string;
  state: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** A membership with its user's name and last sign-in, as the members list reads it. */
export interface MemberRow extends MembershipRow {
  name: string;
  signed_in_at: string | null;
}

/** A row of `credentials`. */
export interface CredentialRow {
  hash: string;
  kind: string;
  user_id: string;
  membership_id: string | null;
  created_at: string;
  expires_at: string | null;
  used_at: string | null;
}

/** The columns of `memberships` a `MembershipRow` holds. */
export const MEMBERSHIP_COLUMNS = "id, draft_id, user_id, role, state, created_at, revoked_at";

/** A membership row as the identity store gives it. */
export function toMembership(row: MembershipRow): Membership {
  return {
    id: row.id,
    draftId: row.draft_id,
    userId: row.user_id,
    role: row.role as Role,
    state: row.state,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** A row of `revisions` without its snapshots. */
export interface RevisionRow {
  draft_id: string;
  id: string;
  ordinal: number;
  label: string;
  symbol: string | null;
  date: string;
  note: string | null;
  published_at: string;
  published_by: string | null;
  text_sha256: string;
}

/** The columns of `revisions` a `RevisionRow` holds. */
export const REVISION_COLUMNS = "draft_id, id, ordinal, label, symbol, date, note, published_at, published_by, text_sha256";

/** The columns of `drafts` both stores read. */
export const DRAFT_COLUMNS = "id, title, created_at, observers_read_floor, symbol, progress, observers_read_contributions";

/** The columns of `audit` both stores read. */
export const AUDIT_COLUMNS = "seq, room, principal, user_id, at, touched, words";

/** A revision row as `listRevisions` gives it. */
export function toRevisionListing(row: RevisionRow): Omit<StoredRevision, "text" | "floor"> & { textSha256: string } {
  return {
    draftId: row.draft_id,
    id: row.id,
    ordinal: row.ordinal,
    label: row.label,
    symbol: row.symbol,
    date: row.date,
    note: row.note,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    textSha256: row.text_sha256,
  };
}

/** A stored blob's bytes, without copying them. */
export const bytesOf = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
