/**
 * The PostgreSQL schema, as numbered migrations. `concord_migrations` records each one applied, so
 * a database made by an older Concord is brought up to date in place, and an advisory lock lets
 * several processes start at once: one migrates, the others wait and then find nothing to do.
 */
import type pg from "pg";
import type { Migrated } from "./Storage";

/** The advisory lock key held while migrating ("conc" in ASCII; a JavaScript number, so well below 2^53); advisory keys are per database. */
export const MIGRATION_LOCK_KEY = 0x636f6e63;

/** The advisory lock key a process serving the database alone holds (see `PostgresStorage.claimSoleServer`). */
export const SOLE_SERVER_LOCK_KEY = MIGRATION_LOCK_KEY + 1;

// Keys and times that are sorted use the "C" collation, so they sort by their bytes whatever the
// database's locale, as they do in SQLite.
const MIGRATIONS: readonly string[] = [
  // 1: drafts and each room's update log. A room's head row holds its last sequence number; an
  // append locks it, so the database orders a room's appends and numbers them without gaps.
  `CREATE TABLE drafts (
     id TEXT COLLATE "C" PRIMARY KEY,
     title TEXT NOT NULL,
     created_at TEXT COLLATE "C" NOT NULL,
     observers_read_floor BOOLEAN NOT NULL DEFAULT false,
     symbol TEXT,
     progress JSONB
   );
   CREATE TABLE room_heads (
     draft_id TEXT COLLATE "C" NOT NULL REFERENCES drafts(id),
     room TEXT COLLATE "C" NOT NULL,
     head BIGINT NOT NULL,
     PRIMARY KEY (draft_id, room)
   );
   CREATE TABLE updates (
     draft_id TEXT COLLATE "C" NOT NULL,
     room TEXT COLLATE "C" NOT NULL,
     seq BIGINT NOT NULL,
     data BYTEA NOT NULL,
     PRIMARY KEY (draft_id, room, seq),
     FOREIGN KEY (draft_id, room) REFERENCES room_heads (draft_id, room)
   );
   CREATE TABLE client_ids (
     draft_id TEXT COLLATE "C" NOT NULL,
     room TEXT COLLATE "C" NOT NULL,
     client_id BIGINT NOT NULL,
     principal TEXT NOT NULL,
     PRIMARY KEY (draft_id, room, client_id)
   );`,
  // 2: people, their memberships and credentials; `position` keeps the order memberships were made in.
  `CREATE TABLE users (
     id TEXT COLLATE "C" PRIMARY KEY,
     name TEXT NOT NULL,
     created_at TEXT COLLATE "C" NOT NULL,
     organizer BOOLEAN NOT NULL DEFAULT false
   );
   CREATE TABLE memberships (
     position BIGINT GENERATED ALWAYS AS IDENTITY,
     id TEXT COLLATE "C" PRIMARY KEY,
     draft_id TEXT COLLATE "C" NOT NULL REFERENCES drafts(id),
     user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
     role TEXT NOT NULL,
     state TEXT,
     created_at TEXT COLLATE "C" NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX memberships_by_user ON memberships (user_id, draft_id);
   CREATE INDEX memberships_by_draft ON memberships (draft_id, created_at);
   CREATE TABLE credentials (
     hash TEXT COLLATE "C" PRIMARY KEY,
     kind TEXT NOT NULL,
     user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
     membership_id TEXT COLLATE "C" REFERENCES memberships(id),
     created_at TEXT NOT NULL,
     expires_at TEXT,
     used_at TEXT
   );
   CREATE INDEX credentials_by_membership ON credentials (membership_id);`,
  // 3: the audit log, with what each write said and the paragraphs each entry is about, so one
  // paragraph's history outlives the compacted update log.
  `CREATE TABLE audit (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     draft_id TEXT COLLATE "C" NOT NULL,
     room TEXT COLLATE "C" NOT NULL,
     principal TEXT COLLATE "C" NOT NULL,
     user_id TEXT,
     at TEXT NOT NULL,
     touched JSONB NOT NULL,
     words JSONB
   );
   CREATE INDEX audit_by_draft ON audit (draft_id, seq);
   CREATE INDEX audit_by_principal ON audit (draft_id, principal, seq);
   CREATE TABLE audit_pids (
     draft_id TEXT COLLATE "C" NOT NULL,
     pid TEXT COLLATE "C" NOT NULL,
     audit_seq BIGINT NOT NULL REFERENCES audit(seq),
     PRIMARY KEY (draft_id, pid, audit_seq)
   );`,
  // 4: deadlines the server must meet (silence procedures), so a restart finds them without loading every draft.
  `CREATE TABLE deadlines (
     draft_id TEXT COLLATE "C" NOT NULL REFERENCES drafts(id),
     key TEXT COLLATE "C" NOT NULL,
     due_at TEXT COLLATE "C" NOT NULL,
     PRIMARY KEY (draft_id, key)
   );
   CREATE INDEX deadlines_by_time ON deadlines (due_at);`,
  // 5: published revisions, each both rooms' whole state, stored once; triggers refuse any change,
  // deletion or truncation, so not even a bug in the server can rewrite a revision.
  `CREATE TABLE revisions (
     draft_id TEXT COLLATE "C" NOT NULL REFERENCES drafts(id),
     id TEXT COLLATE "C" NOT NULL,
     ordinal INTEGER NOT NULL,
     label TEXT NOT NULL,
     symbol TEXT,
     date TEXT NOT NULL,
     note TEXT,
     published_at TEXT NOT NULL,
     published_by TEXT,
     text_state BYTEA NOT NULL,
     floor_state BYTEA NOT NULL,
     text_sha256 TEXT NOT NULL,
     PRIMARY KEY (draft_id, id),
     UNIQUE (draft_id, ordinal)
   );
   CREATE FUNCTION revisions_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION 'a published revision never changes'; END IF;
       RAISE EXCEPTION 'a published revision is never deleted';
     END $$;
   CREATE TRIGGER revisions_never_change BEFORE UPDATE OR DELETE ON revisions
     FOR EACH ROW EXECUTE FUNCTION revisions_never_change();
   CREATE TRIGGER revisions_never_truncated BEFORE TRUNCATE ON revisions
     FOR EACH STATEMENT EXECUTE FUNCTION revisions_never_change();`,
  // 6: whether observers read a draft's written contributions (the `contributions` room).
  `ALTER TABLE drafts ADD COLUMN observers_read_contributions BOOLEAN NOT NULL DEFAULT false;`,
];

/** The newest schema version, which `migrate` brings a database to. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings a database up to the newest schema, one transaction per migration, under an advisory lock. */
export async function migrate(pool: pg.Pool): Promise<Migrated> {
  const client = await pool.connect();
  try {
    // A session lock, released in `finally` or when the connection dies with its process.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query("CREATE TABLE IF NOT EXISTS concord_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      const { rows } = await client.query<{ done: number }>("SELECT coalesce(max(version), 0)::int AS done FROM concord_migrations");
      const from = rows[0]!.done;
      for (let version = from + 1; version <= MIGRATIONS.length; version++) {
        await client.query("BEGIN");
        try {
          await client.query(MIGRATIONS[version - 1]!);
          await client.query("INSERT INTO concord_migrations (version) VALUES ($1)", [version]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      }
      return { from, to: Math.max(from, MIGRATIONS.length) };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
