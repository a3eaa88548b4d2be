/**
 * The embedded store: SQLite through better-sqlite3 in WAL mode. Appends that arrive in the same
 * tick are committed together in one transaction (group commit), and each append resolves only
 * after its transaction has committed.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Room } from "../../shared/documentLayout";
import type { DraftRecord, Storage, StoredUpdate } from "./Storage";

/** File name of the database inside the data folder. */
export const SQLITE_FILE_NAME = "concord.sqlite";

const SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS drafts (
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
  CREATE INDEX IF NOT EXISTS updates_by_room ON updates (draft_id, room, seq);
`;

interface PendingAppend {
  draftId: string;
  room: Room;
  update: Uint8Array;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

interface DraftRow {
  id: string;
  title: string;
  created_at: string;
}

function toRecord(row: DraftRow): DraftRecord {
  return { id: row.id, title: row.title, createdAt: row.created_at };
}

/** The SQLite implementation of `Storage`, under one data folder. */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly statements;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
    this.db.pragma("journal_mode = WAL");
    // NORMAL keeps every committed transaction across a crash of the process (the WAL is in the OS
    // page cache); only a power loss could drop the last commits, never corrupt the file.
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.exec(SCHEMA_SQL);
    this.statements = {
      insertDraft: this.db.prepare("INSERT INTO drafts (id, title, created_at) VALUES (?, ?, ?)"),
      getDraft: this.db.prepare<[string], DraftRow>("SELECT id, title, created_at FROM drafts WHERE id = ?"),
      listDrafts: this.db.prepare<[], DraftRow>("SELECT id, title, created_at FROM drafts ORDER BY created_at, id"),
      insertUpdate: this.db.prepare("INSERT INTO updates (draft_id, room, data) VALUES (?, ?, ?)"),
      insertUpdateAt: this.db.prepare("INSERT INTO updates (seq, draft_id, room, data) VALUES (?, ?, ?, ?)"),
      loadUpdates: this.db.prepare<[string, string], { seq: number; data: Buffer }>(
        "SELECT seq, data FROM updates WHERE draft_id = ? AND room = ? ORDER BY seq",
      ),
      deleteThrough: this.db.prepare("DELETE FROM updates WHERE draft_id = ? AND room = ? AND seq <= ?"),
    };
  }

  async createDraft(draft: DraftRecord, initialUpdates: ReadonlyMap<Room, Uint8Array>): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertDraft.run(draft.id, draft.title, draft.createdAt);
      for (const [room, update] of initialUpdates) {
        this.statements.insertUpdate.run(draft.id, room, Buffer.from(update));
      }
    })();
  }

  async getDraft(id: string): Promise<DraftRecord | null> {
    const row = this.statements.getDraft.get(id);
    return row ? toRecord(row) : null;
  }

  async listDrafts(): Promise<DraftRecord[]> {
    return this.statements.listDrafts.all().map(toRecord);
  }

  appendUpdate(draftId: string, room: Room, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ draftId, room, update, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async loadUpdates(draftId: string, room: Room): Promise<StoredUpdate[]> {
    this.flush();
    return this.statements.loadUpdates
      .all(draftId, room)
      .map((row) => ({ seq: row.seq, update: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength) }));
  }

  async compact(draftId: string, room: Room, merged: Uint8Array, throughSeq: number): Promise<void> {
    this.flush();
    this.db.transaction(() => {
      this.statements.deleteThrough.run(draftId, room, throughSeq);
      // The merged state takes the place of the last update it replaces, so the log keeps its order.
      this.statements.insertUpdateAt.run(throughSeq, draftId, room, Buffer.from(merged));
    })();
  }

  async close(): Promise<void> {
    this.flush();
    this.db.close();
  }

  /** Commits every pending append in one transaction, then settles their promises in order. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let seqs: number[];
    try {
      seqs = this.db.transaction(() =>
        batch.map(
          (item) =>
            Number(this.statements.insertUpdate.run(item.draftId, item.room, Buffer.from(item.update)).lastInsertRowid),
        ),
      )();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => item.resolve(seqs[index]!));
  }
}
