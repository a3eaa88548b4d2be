/** The SQLite implementation of `IdentityStore`, sharing the database of `SqliteStorage`. */
import type Database from "better-sqlite3";
import type { ListedMember } from "../../shared/memberListing";
import type { Role } from "../../shared/roles";
import type { Credential, IdentityStore, Membership, User } from "../identity/IdentityStore";
import { newId } from "../identity/secrets";
import { MEMBERSHIP_COLUMNS, toMembership, type CredentialRow, type MemberRow, type MembershipRow } from "./storedRows";

interface UserRow {
  id: string;
  name: string;
  created_at: string;
  organizer: number;
}

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, createdAt: row.created_at, organizer: row.organizer === 1 };
}

/** Users, memberships and credentials in SQLite. */
export class SqliteIdentityStore implements IdentityStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insertUser: db.prepare("INSERT INTO users (id, name, created_at, organizer) VALUES (?, ?, ?, ?)"),
      getUser: db.prepare<[string], UserRow>("SELECT id, name, created_at, organizer FROM users WHERE id = ?"),
      anyOrganizer: db.prepare<[], { id: string }>("SELECT id FROM users WHERE organizer = 1 LIMIT 1"),
      // A member signed in when the invitation of their membership was used (one per membership).
      membersOfDraft: db.prepare<[string], MemberRow>(
        `SELECT m.id, m.draft_id, m.user_id, m.role, m.state, m.created_at, m.revoked_at, u.name,
           (SELECT MAX(c.used_at) FROM credentials c WHERE c.membership_id = m.id AND c.kind = 'invitation') AS signed_in_at
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.draft_id = ? ORDER BY m.created_at, m.rowid`,
      ),
      insertMembership: db.prepare(
        "INSERT INTO memberships (id, draft_id, user_id, role, state, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      getMembership: db.prepare<[string], MembershipRow>(`SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE id = ?`),
      activeMembership: db.prepare<[string, string], MembershipRow>(
        `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE user_id = ? AND draft_id = ? AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      ),
      ofUser: db.prepare<[string], MembershipRow>(
        `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at`,
      ),
      ofDraft: db.prepare<[string], MembershipRow>(`SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE draft_id = ? ORDER BY created_at`),
      revoke: db.prepare("UPDATE memberships SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
      changeRole: db.prepare("UPDATE memberships SET role = ?, state = ? WHERE id = ?"),
      insertCredential: db.prepare(
        "INSERT INTO credentials (hash, kind, user_id, membership_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      findCredential: db.prepare<[string], CredentialRow>(
        "SELECT hash, kind, user_id, membership_id, created_at, expires_at, used_at FROM credentials WHERE hash = ?",
      ),
      useCredential: db.prepare("UPDATE credentials SET used_at = ? WHERE hash = ? AND used_at IS NULL"),
      endSession: db.prepare("UPDATE credentials SET expires_at = ? WHERE hash = ? AND kind = 'session'"),
    };
  }

  async createUser(name: string, { organizer = false }: { organizer?: boolean } = {}): Promise<User> {
    const user = { id: newId(), name, createdAt: new Date().toISOString(), organizer };
    this.statements.insertUser.run(user.id, user.name, user.createdAt, organizer ? 1 : 0);
    return user;
  }

  async getUser(id: string): Promise<User | null> {
    const row = this.statements.getUser.get(id);
    return row ? toUser(row) : null;
  }

  async hasOrganizer(): Promise<boolean> {
    return this.statements.anyOrganizer.get() !== undefined;
  }

  async membersOfDraft(draftId: string): Promise<ListedMember[]> {
    return this.statements.membersOfDraft.all(draftId).map((row) => {
      const { id, role, state, createdAt, revokedAt } = toMembership(row);
      return { id, name: row.name, role, state, createdAt, signedInAt: row.signed_in_at, revokedAt };
    });
  }

  async addMembership(membership: Pick<Membership, "draftId" | "userId" | "role" | "state">): Promise<Membership> {
    const row: Membership = { ...membership, id: newId(), createdAt: new Date().toISOString(), revokedAt: null };
    this.statements.insertMembership.run(row.id, row.draftId, row.userId, row.role, row.state, row.createdAt);
    return row;
  }

  async getMembership(id: string): Promise<Membership | null> {
    const row = this.statements.getMembership.get(id);
    return row ? toMembership(row) : null;
  }

  async activeMembership(userId: string, draftId: string): Promise<Membership | null> {
    const row = this.statements.activeMembership.get(userId, draftId);
    return row ? toMembership(row) : null;
  }

  async membershipsOfUser(userId: string): Promise<Membership[]> {
    return this.statements.ofUser.all(userId).map(toMembership);
  }

  async membershipsOfDraft(draftId: string): Promise<Membership[]> {
    return this.statements.ofDraft.all(draftId).map(toMembership);
  }

  async revokeMembership(id: string): Promise<Membership | null> {
    this.statements.revoke.run(new Date().toISOString(), id);
    return this.getMembership(id);
  }

  async changeRole(id: string, role: Role, state: string | null): Promise<Membership | null> {
    this.statements.changeRole.run(role, state, id);
    return this.getMembership(id);
  }

  async storeCredential(credential: Omit<Credential, "usedAt">): Promise<void> {
    this.statements.insertCredential.run(
      credential.hash,
      credential.kind,
      credential.userId,
      credential.membershipId,
      credential.createdAt,
      credential.expiresAt,
    );
  }

  async findCredential(hash: string): Promise<Credential | null> {
    const row = this.statements.findCredential.get(hash);
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
    return this.statements.useCredential.run(new Date().toISOString(), hash).changes === 1;
  }

  async endSession(hash: string): Promise<void> {
    this.statements.endSession.run(new Date().toISOString(), hash);
  }
}
