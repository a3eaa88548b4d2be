/** The PostgreSQL implementation of `IdentityStore`, over the pool of `PostgresStorage`. */
import type pg from "pg";
import type { ListedMember } from "../../shared/memberListing";
import type { Role } from "../../shared/roles";
import type { Credential, IdentityStore, Membership, User } from "../identity/IdentityStore";
import { newId } from "../identity/secrets";
import { MEMBERSHIP_COLUMNS, toMembership, type CredentialRow, type MemberRow, type MembershipRow } from "./storedRows";

interface UserRow {
  id: string;
  name: string;
  created_at: string;
  organizer: boolean;
}

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, createdAt: row.created_at, organizer: row.organizer };
}

/** Users, memberships and credentials in PostgreSQL. */
export class PostgresIdentityStore implements IdentityStore {
  constructor(private readonly pool: pg.Pool) {}

  async createUser(name: string, { organizer = false }: { organizer?: boolean } = {}): Promise<User> {
    const user = { id: newId(), name, createdAt: new Date().toISOString(), organizer };
    await this.pool.query("INSERT INTO users (id, name, created_at, organizer) VALUES ($1, $2, $3, $4)", [user.id, user.name, user.createdAt, organizer]);
    return user;
  }

  async getUser(id: string): Promise<User | null> {
    const { rows } = await this.pool.query<UserRow>("SELECT id, name, created_at, organizer FROM users WHERE id = $1", [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async hasOrganizer(): Promise<boolean> {
    const { rows } = await this.pool.query("SELECT 1 FROM users WHERE organizer LIMIT 1");
    return rows.length > 0;
  }

  async membersOfDraft(draftId: string): Promise<ListedMember[]> {
    // A member signed in when the invitation of their membership was used (one per membership).
    const { rows } = await this.pool.query<MemberRow>(
      `SELECT m.id, m.draft_id, m.user_id, m.role, m.state, m.created_at, m.revoked_at, u.name,
         (SELECT MAX(c.used_at) FROM credentials c WHERE c.membership_id = m.id AND c.kind = 'invitation') AS signed_in_at
       FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.draft_id = $1 ORDER BY m.created_at, m.position`,
      [draftId],
    );
    return rows.map((row) => {
      const { id, role, state, createdAt, revokedAt } = toMembership(row);
      return { id, name: row.name, role, state, createdAt, signedInAt: row.signed_in_at, revokedAt };
    });
  }

  async addMembership(membership: Pick<Membership, "draftId" | "userId" | "role" | "state">): Promise<Membership> {
    const row: Membership = { ...membership, id: newId(), createdAt: new Date().toISOString(), revokedAt: null };
    await this.pool.query("INSERT INTO memberships (id, draft_id, user_id, role, state, created_at) VALUES ($1, $2, $3, $4, $5, $6)", [
      row.id,
      row.draftId,
      row.userId,
      row.role,
      row.state,
      row.createdAt,
    ]);
    return row;
  }

  async getMembership(id: string): Promise<Membership | null> {
    return this.oneMembership(`SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE id = $1`, [id]);
  }

  async activeMembership(userId: string, draftId: string): Promise<Membership | null> {
    return this.oneMembership(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE user_id = $1 AND draft_id = $2 AND revoked_at IS NULL ORDER BY created_at DESC, position DESC LIMIT 1`,
      [userId, draftId],
    );
  }

  async membershipsOfUser(userId: string): Promise<Membership[]> {
    const { rows } = await this.pool.query<MembershipRow>(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at, position`,
      [userId],
    );
    return rows.map(toMembership);
  }

  async membershipsOfDraft(draftId: string): Promise<Membership[]> {
    const { rows } = await this.pool.query<MembershipRow>(`SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE draft_id = $1 ORDER BY created_at, position`, [draftId]);
    return rows.map(toMembership);
  }

  async revokeMembership(id: string): Promise<Membership | null> {
    await this.pool.query("UPDATE memberships SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", [new Date().toISOString(), id]);
    return this.getMembership(id);
  }

  async changeRole(id: string, role: Role, state: string | null): Promise<Membership | null> {
    return this.oneMembership(`UPDATE memberships SET role = $1, state = $2 WHERE id = $3 RETURNING ${MEMBERSHIP_COLUMNS}`, [role, state, id]);
  }

  async storeCredential(credential: Omit<Credential, "usedAt">): Promise<void> {
    await this.pool.query("INSERT INTO credentials (hash, kind, user_id, membership_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)", [
      credential.hash,
      credential.kind,
      credential.userId,
      credential.membershipId,
      credential.createdAt,
      credential.expiresAt,
    ]);
  }

  async findCredential(hash: string): Promise<Credential | null> {
    const { rows } = await this.pool.query<CredentialRow>(
      "SELECT hash, kind, user_id, membership_id, created_at, expires_at, used_at FROM credentials WHERE hash = $1",
      [hash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      hash: row.hash,
      kind: row.kind as Credential["kind"],
      userId: row.user_id,
      membershipId: row.membership_id,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
    };
  }

  async useCredential(hash: string): Promise<boolean> {
    // The row's lock makes this a single use even when two processes redeem the same link at once.
    const { rowCount } = await this.pool.query("UPDATE credentials SET used_at = $1 WHERE hash = $2 AND used_at IS NULL", [new Date().toISOString(), hash]);
    return rowCount === 1;
  }

  async endSession(hash: string): Promise<void> {
    await this.pool.query("UPDATE credentials SET expires_at = $1 WHERE hash = $2 AND kind = 'session'", [new Date().toISOString(), hash]);
  }

  private async oneMembership(sql: string, values: unknown[]): Promise<Membership | null> {
    const { rows } = await this.pool.query<MembershipRow>(sql, values);
    return rows[0] ? toMembership(rows[0]) : null;
  }
}
