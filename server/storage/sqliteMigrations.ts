/**
 * The SQLite schema, as numbered migrations applied in order at open. `PRAGMA user_version` records
 * how many have run, so a data folder from an older Concord is brought up to date in place.
 */
import type Database from "better-sqlite3";
import type { Migrated } from "./Storage";

const MIGRATIONS: readonly string[] = [
  // 1: drafts and their update logs.
  `CREATE TABLE IF NOT EXISTS drafts (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE IF NOT EXISTS updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     draft_id TEXT NOT NULL REFERENCES drafts(id),
     room TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX IF NOT EXISTS updates_by_room ON updates (draft_id, room, seq);`,
  // 2: people, their memberships and credentials; Yjs client ids by principal; the audit log.
  `ALTER TABLE drafts ADD COLUMN observers_read_floor INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE users (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE memberships (
     id TEXT PRIMARY KEY,
     draft_id TEXT NOT NULL REFERENCES drafts(id),
     user_id TEXT NOT NULL REFERENCES users(id),
     role TEXT NOT NULL,
     state TEXT,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX memberships_by_user ON memberships (user_id, draft_id);
   CREATE TABLE credentials (
     hash TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     user_id TEXT NOT NULL REFERENCES users(id),
     membership_id TEXT REFERENCES memberships(id),
     created_at TEXT NOT NULL,
     expires_at TEXT,
     used_at TEXT
   );
   CREATE TABLE client_ids (
     draft_id TEXT NOT NULL,
     room TEXT NOT NULL,
     client_id INTEGER NOT NULL,
     principal TEXT NOT NULL,
     PRIMARY KEY (draft_id, room, client_id)
   );
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     draft_id TEXT NOT NULL,
     room TEXT NOT NULL,
     principal TEXT NOT NULL,
     user_id TEXT,
     at TEXT NOT NULL,
     touched TEXT NOT NULL
   );
   CREATE INDEX audit_by_draft ON audit (draft_id, seq);`,
  // 3: deadlines the server must meet (silence procedures), so a restart finds them without loading every draft.
  `CREATE TABLE deadlines (
     draft_id TEXT NOT NULL REFERENCES drafts(id),
     key TEXT NOT NULL,
     due_at TEXT NOT NULL,
     PRIMARY KEY (draft_id, key)
   );
   CREATE INDEX deadlines_by_time ON deadlines (due_at);`,
  // 4: what the drafts list shows of a draft's text room (symbol, progress as JSON), so listing
  // drafts loads no room; null until the server first summarizes the draft.
  `ALTER TABLE drafts ADD COLUMN symbol TEXT;
   ALTER TABLE drafts ADD COLUMN progress TEXT;`,
  // 5: what each audited write said (changed paragraphs' words, records' contents, as JSON), and
  // the paragraphs each entry is about, so one paragraph's history outlives the compacted update log.
  `ALTER TABLE audit ADD COLUMN words TEXT;
   CREATE TABLE audit_pids (
     draft_id TEXT NOT NULL,
     pid TEXT NOT NULL,
     audit_seq INTEGER NOT NULL REFERENCES audit(seq),
     PRIMARY KEY (draft_id, pid, audit_seq)
   );
   CREATE INDEX audit_by_principal ON audit (draft_id, principal, seq);`,
  // 6: organizers (the secretariat), who may create drafts and administer every draft's members;
  // invitations found by membership, for the members list's sign-in times.
  `ALTER TABLE users ADD COLUMN organizer INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX credentials_by_membership ON credentials (membership_id);`,
  // 7: published revisions, each both rooms' whole state, stored once; triggers refuse any change
  // or deletion, so not even a bug in the server can rewrite a revision.
  `CREATE TABLE revisions (
     draft_id TEXT NOT NULL REFERENCES drafts(id),
     id TEXT NOT NULL,
     ordinal INTEGER NOT NULL,
     label TEXT NOT NULL,
     symbol TEXT,
     date TEXT NOT NULL,
     note TEXT,
     published_at TEXT NOT NULL,
     published_by TEXT,
     text_state BLOB NOT NULL,
     floor_state BLOB NOT NULL,
     text_sha256 TEXT NOT NULL,
     PRIMARY KEY (draft_id, id),
     UNIQUE (draft_id, ordinal)
   );
   CREATE TRIGGER revisions_never_change BEFORE UPDATE ON revisions
     BEGIN SELECT RAISE(ABORT, 'a published revision never changes'); END;
   CREATE TRIGGER revisions_never_go BEFORE DELETE ON revisions
     BEGIN SELECT RAISE(ABORT, 'a published revision is never deleted'); END;`,
  // 8: whether observers read a draft's written contributions (the `contributions` room).
  `ALTER TABLE drafts ADD COLUMN observers_read_contributions INTEGER NOT NULL DEFAULT 0;`,
];

/** Brings a database up to the newest schema, one transaction per migration; says from which version to which. */
export function migrate(db: Database.Database): Migrated {
  const done = db.pragma("user_version", { simple: true }) as number;
  MIGRATIONS.forEach((sql, index) => {
    if (index < done) return;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${index + 1}`);
    })();
  });
  return { from: done, to: Math.max(done, MIGRATIONS.length) };
}
