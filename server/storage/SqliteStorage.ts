/**
 * The embedded store: SQLite through better-sqlite3 in WAL mode. Appends that arrive in the same
 * tick are committed together in one transaction (group commit), and each append resolves only
 * after its transaction has committed.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Progress } from "../../schemas/records";
import { SERVER_PRINCIPAL } from "../../shared/audit/auditEntry";
import type { Room } from "../../shared/documentLayout";
import { SqliteIdentityStore } from "./SqliteIdentityStore";
import { migrate } from "./sqliteMigrations";
import { AUDIT_COLUMNS, bytesOf, DRAFT_COLUMNS, REVISION_COLUMNS, toRevisionListing, type RevisionRow } from "./storedRows";
import type { AuditEntry, AuditQuery, Deadline, DraftRecord, DraftSummary, Migrated, Storage, StoredRevision, StoredUpdate, WriteRecord } from "./Storage";

/** File name of the database inside the data folder. */
export const SQLITE_FILE_NAME = "concord.sqlite";

interface PendingAppend {
  draftId: string;
  room: Room;
  update: Uint8Array;
  write: WriteRecord | undefined;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

interface DraftRow {
  id: string;
  title: string;
  created_at: string;
  observers_read_floor: number;
  observers_read_contributions: number;
  symbol: string | null;
  progress: string | null;
}

interface AuditRow {
  seq: number;
  room: string;
  principal: string;
  user_id: string | null;
  at: string;
  touched: string;
  words: string | null;
}




function toRecord(row: DraftRow): DraftRecord {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    observersReadFloor: row.observers_read_floor === 1,
    observersReadContributions: row.observers_read_contributions === 1,
    symbol: row.symbol,
    progress: row.progress === null ? null : (JSON.parse(row.progress) as Progress),
  };
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    room: row.room as Room,
    principal: row.principal,
    userId: row.user_id,
    at: row.at,
    touched: JSON.parse(row.touched) as AuditEntry["touched"],
    words: row.words === null ? null : (JSON.parse(row.words) as AuditEntry["words"]),
  };
}


/** The statement reading audit entries, with the filters and order a query uses (one statement per combination). */
function auditSelect(oldestFirst: boolean, byPrincipal: boolean, byPid: boolean): string {
  const filters = [
    "draft_id = @draftId",
    "seq < @before",
    "seq > @after",
    ...(byPrincipal ? ["principal = @principal"] : []),
    ...(byPid ? ["seq IN (SELECT audit_seq FROM audit_pids WHERE draft_id = @draftId AND pid = @pid)"] : []),
  ];
  return `SELECT ${AUDIT_COLUMNS} FROM audit WHERE ${filters.join(" AND ")} ORDER BY seq ${oldestFirst ? "ASC" : "DESC"} LIMIT @limit`;
}

/** The SQLite implementation of `Storage`, under one data folder. */
export class SqliteStorage implements Storage {
  readonly identity: SqliteIdentityStore;
  /** The schema versions before and after this open's migrations. */
  readonly migrated: Migrated;
  private readonly db: Database.Database;
  private pending: PendingAppend[] = [];
  /** The rooms (`draftId` and room name) with an append in `pending`, so that asking costs no scan of the batch. */
  private pendingRooms = new Set<string>();
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
    this.migrated = migrate(this.db);
    this.identity = new SqliteIdentityStore(this.db);
    this.statements = {
      insertDraft: this.db.prepare(
        "INSERT INTO drafts (id, title, created_at, observers_read_floor, symbol, progress, observers_read_contributions) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      getDraft: this.db.prepare<[string], DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM drafts WHERE id = ?`),
      listDrafts: this.db.prepare<[], DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM drafts ORDER BY created_at, id`),
      // Only a summary that differs is written: a status publication that changes nothing listed costs no write.
      saveSummary: this.db.prepare<{ id: string; title: string | null; symbol: string | null; progress: string }>(
        `UPDATE drafts SET title = coalesce(@title, title), symbol = @symbol, progress = @progress
         WHERE id = @id AND (title IS NOT coalesce(@title, title) OR symbol IS NOT @symbol OR progress IS NOT @progress)`,
      ),
      setObserversReadFloor: this.db.prepare("UPDATE drafts SET observers_read_floor = ? WHERE id = ?"),
      setObserversReadContributions: this.db.prepare("UPDATE drafts SET observers_read_contributions = ? WHERE id = ?"),
      insertAudit: this.db.prepare("INSERT INTO audit (draft_id, room, principal, user_id, at, touched, words) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      insertAuditPid: this.db.prepare("INSERT OR IGNORE INTO audit_pids (draft_id, pid, audit_seq) VALUES (?, ?, ?)"),
      readAudit: [false, true].flatMap((oldestFirst) =>
        [false, true].flatMap((byPrincipal) =>
          [false, true].map((byPid) =>
            this.db.prepare<[{ draftId: string; before: number; after: number; limit: number; principal?: string; pid?: string }], AuditRow>(auditSelect(oldestFirst, byPrincipal, byPid)),
          ),
        ),
      ),
      insertClientId: this.db.prepare("INSERT OR IGNORE INTO client_ids (draft_id, room, client_id, principal) VALUES (?, ?, ?, ?)"),
      loadClientIds: this.db.prepare<[string, string], { client_id: number; principal: string }>(
        "SELECT client_id, principal FROM client_ids WHERE draft_id = ? AND room = ?",
      ),
      insertUpdate: this.db.prepare("INSERT INTO updates (draft_id, room, data) VALUES (?, ?, ?)"),
      insertUpdateAt: this.db.prepare("INSERT INTO updates (seq, draft_id, room, data) VALUES (?, ?, ?, ?)"),
      loadUpdates: this.db.prepare<[string, string, number], { seq: number; data: Buffer }>(
        "SELECT seq, data FROM updates WHERE draft_id = ? AND room = ? AND seq > ? ORDER BY seq",
      ),
      hasUpdates: this.db.prepare<[string, string], { found: number }>("SELECT 1 AS found FROM updates WHERE draft_id = ? AND room = ? LIMIT 1"),
      deleteThrough: this.db.prepare("DELETE FROM updates WHERE draft_id = ? AND room = ? AND seq <= ?"),
      upsertDeadline: this.db.prepare(
        "INSERT INTO deadlines (draft_id, key, due_at) VALUES (?, ?, ?) ON CONFLICT (draft_id, key) DO UPDATE SET due_at = excluded.due_at",
      ),
      deleteDeadline: this.db.prepare("DELETE FROM deadlines WHERE draft_id = ? AND key = ?"),
      listDeadlines: this.db.prepare<[], { draft_id: string; key: string; due_at: string }>("SELECT draft_id, key, due_at FROM deadlines ORDER BY due_at, draft_id, key"),
      insertRevision: this.db.prepare(
        `INSERT INTO revisions (${REVISION_COLUMNS}, text_state, floor_state) VALUES (@draftId, @id, @ordinal, @label, @symbol, @date, @note, @publishedAt, @publishedBy, @textSha256, @text, @floor)`,
      ),
      listRevisions: this.db.prepare<[string], RevisionRow>(`SELECT ${REVISION_COLUMNS} FROM revisions WHERE draft_id = ? ORDER BY ordinal`),
      readRevision: this.db.prepare<[string, string], RevisionRow & { text_state: Buffer; floor_state: Buffer }>(
        `SELECT ${REVISION_COLUMNS}, text_state, floor_state FROM revisions WHERE draft_id = ? AND id = ?`,
      ),
    };
  }

  async createDraft(draft: DraftRecord, initialUpdates: ReadonlyMap<Room, Uint8Array>, serverClientIds: ReadonlyMap<Room, readonly number[]> = new Map()): Promise<void> {
    this.db.transaction(() => {
      const progress = draft.progress === null ? null : JSON.stringify(draft.progress);
      this.statements.insertDraft.run(draft.id, draft.title, draft.createdAt, draft.observersReadFloor ? 1 : 0, draft.symbol, progress, draft.observersReadContributions ? 1 : 0);
      for (const [room, update] of initialUpdates) {
        this.statements.insertUpdate.run(draft.id, room, Buffer.from(update));
      }
      for (const [room, clientIds] of serverClientIds) {
        for (const clientId of clientIds) this.statements.insertClientId.run(draft.id, room, clientId, SERVER_PRINCIPAL);
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

  async saveSummary(draftId: string, summary: DraftSummary): Promise<void> {
    this.statements.saveSummary.run({ id: draftId, title: summary.title, symbol: summary.symbol, progress: JSON.stringify(summary.progress) });
  }

  async setObserversReadFloor(draftId: string, allowed: boolean): Promise<void> {
    this.statements.setObserversReadFloor.run(allowed ? 1 : 0, draftId);
  }

  async setObserversReadContributions(draftId: string, allowed: boolean): Promise<void> {
    this.statements.setObserversReadContributions.run(allowed ? 1 : 0, draftId);
  }

  appendUpdate(draftId: string, room: Room, update: Uint8Array, write?: WriteRecord): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ draftId, room, update, write, resolve, reject });
      this.pendingRooms.add(roomKey(draftId, room));
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async hasUpdates(draftId: string, room: Room): Promise<boolean> {
    // An append waiting for its group commit counts without committing the group early: the status
    // publisher asks this after every change, and flushing here split each group commit in two.
    if (this.pendingRooms.has(roomKey(draftId, room))) return true;
    return this.statements.hasUpdates.get(draftId, room) !== undefined;
  }

  async loadUpdates(draftId: string, room: Room, afterSeq = 0): Promise<StoredUpdate[]> {
    this.flush();
    return this.statements.loadUpdates
      .all(draftId, room, afterSeq)
      .map((row) => ({ seq: row.seq, update: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength) }));
  }

  async loadClientIds(draftId: string, room: Room): Promise<Map<number, string>> {
    this.flush();
    return new Map(this.statements.loadClientIds.all(draftId, room).map((row) => [row.client_id, row.principal]));
  }

  async readAudit(draftId: string, query: AuditQuery): Promise<AuditEntry[]> {
    this.flush();
    const statement = this.statements.readAudit[(query.oldestFirst ? 4 : 0) + (query.principal === undefined ? 0 : 2) + (query.pid === undefined ? 0 : 1)]!;
    const { principal, pid } = query;
    return statement
      .all({ draftId, before: query.before ?? Number.MAX_SAFE_INTEGER, after: query.after ?? 0, limit: query.limit, ...(principal === undefined ? {} : { principal }), ...(pid === undefined ? {} : { pid }) })
      .map(toAuditEntry);
  }

  async compact(draftId: string, room: Room, merged: Uint8Array, throughSeq: number): Promise<void> {
    this.flush();
    this.db.transaction(() => {
      this.statements.deleteThrough.run(draftId, room, throughSeq);
      // The merged state takes the place of the last update it replaces, so the log keeps its order.
      this.statements.insertUpdateAt.run(throughSeq, draftId, room, Buffer.from(merged));
    })();
  }

  async setDeadline(draftId: string, key: string, dueAt: string | null): Promise<void> {
    if (dueAt === null) this.statements.deleteDeadline.run(draftId, key);
    else this.statements.upsertDeadline.run(draftId, key, dueAt);
  }

  async listDeadlines(): Promise<Deadline[]> {
    return this.statements.listDeadlines.all().map((row) => ({ draftId: row.draft_id, key: row.key, dueAt: row.due_at }));
  }

  async saveRevision(revision: StoredRevision): Promise<void> {
    this.flush();
    const textSha256 = createHash("sha256").update(revision.text).digest("hex");
    this.statements.insertRevision.run({ ...revision, textSha256, text: Buffer.from(revision.text), floor: Buffer.from(revision.floor) });
  }

  async listRevisions(draftId: string): Promise<Array<Omit<StoredRevision, "text" | "floor"> & { textSha256: string }>> {
    return this.statements.listRevisions.all(draftId).map(toRevisionListing);
  }

  async readRevision(draftId: string, id: string): Promise<StoredRevision | null> {
    const row = this.statements.readRevision.get(draftId, id);
    if (!row) return null;
    const { textSha256: _hash, ...listing } = toRevisionListing(row);
    return { ...listing, text: bytesOf(row.text_state), floor: bytesOf(row.floor_state) };
  }

  async close(): Promise<void> {
    this.flush();
    this.db.close();
  }

  /** Writes one append, with its audit entry and client id claims, inside the caller's transaction. */
  private insertAppend(item: PendingAppend): number {
    const seq = Number(this.statements.insertUpdate.run(item.draftId, item.room, Buffer.from(item.update)).lastInsertRowid);
    const write = item.write;
    if (write) {
      const words = write.words ? JSON.stringify(write.words) : null;
      const auditSeq = this.statements.insertAudit.run(item.draftId, item.room, write.principal, write.userId, write.at, JSON.stringify(write.touched), words).lastInsertRowid;
      for (const pid of write.pids ?? []) this.statements.insertAuditPid.run(item.draftId, pid, auditSeq);
      for (const clientId of write.newClientIds) this.statements.insertClientId.run(item.draftId, item.room, clientId, write.principal);
    }
    return seq;
  }

  /** Commits every pending append in one transaction, then settles their promises in order. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.pendingRooms = new Set();
    let seqs: number[];
    try {
      seqs = this.db.transaction(() => batch.map((item) => this.insertAppend(item)))();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => item.resolve(seqs[index]!));
  }
}

/** One key per room of a draft, for `pendingRooms`. */
function roomKey(draftId: string, room: Room): string {
  return `${draftId}\n${room}`;
}
