/**
 * The store that several processes share: PostgreSQL through a `pg` pool. The database orders each
 * room's appends: a commit locks the room's head row and numbers its updates after it, without
 * gaps, and the update, its audit entry and its client-id claims commit in one transaction. Appends
 * to one room that wait while its previous commit is in flight are committed together (group
 * commit); each resolves only after COMMIT.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import type { Progress } from "../../schemas/records";
import { SERVER_PRINCIPAL } from "../../shared/audit/auditEntry";
import type { Room } from "../../shared/documentLayout";
import { ClientIdTakenError } from "./ClientIdTakenError";
import { PostgresIdentityStore } from "./PostgresIdentityStore";
import { migrate, SOLE_SERVER_LOCK_KEY } from "./postgresMigrations";
import { AUDIT_COLUMNS, bytesOf, DRAFT_COLUMNS, REVISION_COLUMNS, toRevisionListing, type RevisionRow } from "./storedRows";
import type { AuditEntry, AuditQuery, Deadline, DraftRecord, DraftSummary, Migrated, Storage, StoredRevision, StoredUpdate, WriteRecord } from "./Storage";

interface PendingAppend {
  update: Uint8Array;
  write: WriteRecord | undefined;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/** A room's appends waiting for their commit, and whether a commit is in flight. */
interface RoomQueue {
  draftId: string;
  room: Room;
  pending: PendingAppend[];
  flushing: Promise<void> | null;
  /** Settles (never rejects) with the last append made so far: a room's appends settle in order. */
  lastAppend: Promise<unknown>;
}

interface DraftRow {
  id: string;
  title: string;
  created_at: string;
  observers_read_floor: boolean;
  observers_read_contributions: boolean;
  symbol: string | null;
  progress: Progress | null;
}

interface AuditRow {
  seq: number;
  room: string;
  principal: string;
  user_id: string | null;
  at: string;
  touched: AuditEntry["touched"];
  words: AuditEntry["words"];
}

/** Sequence numbers are BIGINT, which `pg` returns as strings; ours stay far below 2^53. */
const BIGINT_AS_NUMBER: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

// The statements of an append, prepared once per connection (`name`).
const LOCK_HEAD = {
  name: "concord_lock_head",
  // Creates the head of a room's first append; either way the row stays locked until COMMIT.
  text: `INSERT INTO room_heads (draft_id, room, head) VALUES ($1, $2, 0)
         ON CONFLICT (draft_id, room) DO UPDATE SET head = room_heads.head RETURNING head`,
};
const READ_HEAD = { name: "concord_read_head", text: "SELECT head FROM room_heads WHERE draft_id = $1 AND room = $2" };
const READ_HEADS = { name: "concord_read_heads", text: "SELECT draft_id, room, head FROM room_heads WHERE draft_id = ANY($1)" };
const SET_HEAD = { name: "concord_set_head", text: "UPDATE room_heads SET head = $3 WHERE draft_id = $1 AND room = $2" };
const INSERT_UPDATE = { name: "concord_insert_update", text: "INSERT INTO updates (draft_id, room, seq, data) VALUES ($1, $2, $3, $4)" };
const INSERT_AUDIT = {
  name: "concord_insert_audit",
  text: `WITH entry AS (
           INSERT INTO audit (draft_id, room, principal, user_id, at, touched, words) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq
         )
         INSERT INTO audit_pids (draft_id, pid, audit_seq) SELECT DISTINCT $1, pid, entry.seq FROM entry, unnest($8::text[]) AS pid`,
};
const CLAIM_CLIENT_IDS = {
  name: "concord_claim_client_ids",
  text: `INSERT INTO client_ids (draft_id, room, client_id, principal) SELECT $1, $2, id, $4 FROM unnest($3::bigint[]) AS id
         ON CONFLICT (draft_id, room, client_id) DO NOTHING`,
};
const CLIENT_ID_OWNERS = {
  name: "concord_client_id_owners",
  text: "SELECT client_id, principal FROM client_ids WHERE draft_id = $1 AND room = $2 AND client_id = ANY($3::bigint[]) AND principal <> $4 LIMIT 1",
};

/** How long a process whose server lock went with a broken connection waits before taking it again. */
const RETAKE_LOCK_MS = 1_000;

const bufferOf = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function toRecord(row: DraftRow): DraftRecord {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    observersReadFloor: row.observers_read_floor,
    observersReadContributions: row.observers_read_contributions,
    symbol: row.symbol,
    progress: row.progress,
  };
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return { seq: row.seq, room: row.room as Room, principal: row.principal, userId: row.user_id, at: row.at, touched: row.touched, words: row.words };
}


/** The PostgreSQL implementation of `Storage`; `open` connects and migrates. */
export class PostgresStorage implements Storage {
  readonly identity: PostgresIdentityStore;
  private readonly queues = new Map<string, RoomQueue>();
  private closed = false;
  /** The connection holding the sole server's lock, kept until `close`. */
  private serverLock: pg.PoolClient | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    /** The schema versions before and after this open's migrations. */
    readonly migrated: Migrated,
  ) {
    this.identity = new PostgresIdentityStore(pool);
  }

  /** Connects to the database (`postgresql://…` or `pg` pool options) and brings its schema up to date. */
  static async open(connection: string | pg.PoolConfig): Promise<PostgresStorage> {
    const pool = new pg.Pool({ ...(typeof connection === "string" ? { connectionString: connection } : connection), types: BIGINT_AS_NUMBER });
    // An idle connection that breaks has no caller to tell: the pool drops it and opens another when needed.
    pool.on("error", (error) => console.error("A PostgreSQL connection broke:", error.message));
    try {
      return new PostgresStorage(pool, await migrate(pool));
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  async createDraft(draft: DraftRecord, initialUpdates: ReadonlyMap<Room, Uint8Array>, serverClientIds: ReadonlyMap<Room, readonly number[]> = new Map()): Promise<void> {
    await this.transaction(async (client) => {
      await client.query("INSERT INTO drafts (id, title, created_at, observers_read_floor, symbol, progress, observers_read_contributions) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
        draft.id,
        draft.title,
        draft.createdAt,
        draft.observersReadFloor,
        draft.symbol,
        draft.progress === null ? null : JSON.stringify(draft.progress),
        draft.observersReadContributions,
      ]);
      for (const [room, update] of initialUpdates) {
        await client.query("INSERT INTO room_heads (draft_id, room, head) VALUES ($1, $2, 1)", [draft.id, room]);
        await client.query({ ...INSERT_UPDATE, values: [draft.id, room, 1, bufferOf(update)] });
      }
      for (const [room, clientIds] of serverClientIds) await client.query({ ...CLAIM_CLIENT_IDS, values: [draft.id, room, clientIds, SERVER_PRINCIPAL] });
    });
  }

  async getDraft(id: string): Promise<DraftRecord | null> {
    const { rows } = await this.pool.query<DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM drafts WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async listDrafts(): Promise<DraftRecord[]> {
    const { rows } = await this.pool.query<DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM drafts ORDER BY created_at, id`);
    return rows.map(toRecord);
  }

  async saveSummary(draftId: string, summary: DraftSummary): Promise<void> {
    // Only a summary that differs is written: a status publication that changes nothing listed costs no write.
    await this.pool.query(
      `UPDATE drafts SET title = coalesce($2, title), symbol = $3, progress = $4::jsonb
       WHERE id = $1 AND (title IS DISTINCT FROM coalesce($2, title) OR symbol IS DISTINCT FROM $3 OR progress IS DISTINCT FROM $4::jsonb)`,
      [draftId, summary.title, summary.symbol, JSON.stringify(summary.progress)],
    );
  }

  async setObserversReadFloor(draftId: string, allowed: boolean): Promise<void> {
    await this.pool.query("UPDATE drafts SET observers_read_floor = $1 WHERE id = $2", [allowed, draftId]);
  }

  async setObserversReadContributions(draftId: string, allowed: boolean): Promise<void> {
    await this.pool.query("UPDATE drafts SET observers_read_contributions = $1 WHERE id = $2", [allowed, draftId]);
  }

  appendUpdate(draftId: string, room: Room, update: Uint8Array, write?: WriteRecord): Promise<number> {
    if (this.closed) return Promise.reject(new Error(`The store is closed: no append to ${draftId}/${room}`));
    const key = `${draftId}\u0000${room}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = { draftId, room, pending: [], flushing: null, lastAppend: Promise.resolve() };
      this.queues.set(key, queue);
    }
    const settled = new Promise<number>((resolve, reject) => queue.pending.push({ update, write, resolve, reject }));
    queue.lastAppend = settled.catch(() => undefined);
    this.startDraining(key, queue);
    return settled;
  }

  async hasUpdates(draftId: string, room: Room): Promise<boolean> {
    await this.settled();
    const { rows } = await this.pool.query("SELECT 1 FROM updates WHERE draft_id = $1 AND room = $2 LIMIT 1", [draftId, room]);
    return rows.length > 0;
  }

  async loadUpdates(draftId: string, room: Room, afterSeq = 0): Promise<StoredUpdate[]> {
    await this.settled();
    const { rows } = await this.pool.query<{ seq: number; data: Buffer }>("SELECT seq, data FROM updates WHERE draft_id = $1 AND room = $2 AND seq > $3 ORDER BY seq", [
      draftId,
      room,
      afterSeq,
    ]);
    return rows.map((row) => ({ seq: row.seq, update: bytesOf(row.data) }));
  }

  async loadClientIds(draftId: string, room: Room): Promise<Map<number, string>> {
    await this.settled();
    const { rows } = await this.pool.query<{ client_id: number; principal: string }>("SELECT client_id, principal FROM client_ids WHERE draft_id = $1 AND room = $2", [
      draftId,
      room,
    ]);
    return new Map(rows.map((row) => [row.client_id, row.principal]));
  }

  async readAudit(draftId: string, query: AuditQuery): Promise<AuditEntry[]> {
    await this.settled();
    const values: unknown[] = [draftId, query.before ?? Number.MAX_SAFE_INTEGER, query.limit, query.after ?? 0];
    const filters = ["draft_id = $1", "seq < $2", "seq > $4"];
    if (query.principal !== undefined) filters.push(`principal = $${values.push(query.principal)}`);
    if (query.pid !== undefined) filters.push(`seq IN (SELECT audit_seq FROM audit_pids WHERE draft_id = $1 AND pid = $${values.push(query.pid)})`);
    const { rows } = await this.pool.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit WHERE ${filters.join(" AND ")} ORDER BY seq ${query.oldestFirst ? "ASC" : "DESC"} LIMIT $3`, values);
    return rows.map(toAuditEntry);
  }

  async compact(draftId: string, room: Room, merged: Uint8Array, throughSeq: number): Promise<void> {
    await this.settled();
    await this.transaction(async (client) => {
      // The head's lock orders this with the room's appends and with another process's compaction.
      await client.query("SELECT head FROM room_heads WHERE draft_id = $1 AND room = $2 FOR UPDATE", [draftId, room]);
      await client.query("DELETE FROM updates WHERE draft_id = $1 AND room = $2 AND seq <= $3", [draftId, room, throughSeq]);
      // The merged state takes the place of the last update it replaces, so the log keeps its order.
      await client.query({ ...INSERT_UPDATE, values: [draftId, room, throughSeq, bufferOf(merged)] });
    });
  }

  async setDeadline(draftId: string, key: string, dueAt: string | null): Promise<void> {
    if (dueAt === null) await this.pool.query("DELETE FROM deadlines WHERE draft_id = $1 AND key = $2", [draftId, key]);
    else
      await this.pool.query("INSERT INTO deadlines (draft_id, key, due_at) VALUES ($1, $2, $3) ON CONFLICT (draft_id, key) DO UPDATE SET due_at = excluded.due_at", [
        draftId,
        key,
        dueAt,
      ]);
  }

  async listDeadlines(): Promise<Deadline[]> {
    const { rows } = await this.pool.query<{ draft_id: string; key: string; due_at: string }>("SELECT draft_id, key, due_at FROM deadlines ORDER BY due_at, draft_id, key");
    return rows.map((row) => ({ draftId: row.draft_id, key: row.key, dueAt: row.due_at }));
  }

  async saveRevision(revision: StoredRevision): Promise<void> {
    await this.settled();
    const textSha256 = createHash("sha256").update(revision.text).digest("hex");
    await this.pool.query(`INSERT INTO revisions (${REVISION_COLUMNS}, text_state, floor_state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [
      revision.draftId,
      revision.id,
      revision.ordinal,
      revision.label,
      revision.symbol,
      revision.date,
      revision.note,
      revision.publishedAt,
      revision.publishedBy,
      textSha256,
      bufferOf(revision.text),
      bufferOf(revision.floor),
    ]);
  }

  async listRevisions(draftId: string): Promise<Array<Omit<StoredRevision, "text" | "floor"> & { textSha256: string }>> {
    const { rows } = await this.pool.query<RevisionRow>(`SELECT ${REVISION_COLUMNS} FROM revisions WHERE draft_id = $1 ORDER BY ordinal`, [draftId]);
    return rows.map(toRevisionListing);
  }

  async readRevision(draftId: string, id: string): Promise<StoredRevision | null> {
    const { rows } = await this.pool.query<RevisionRow & { text_state: Buffer; floor_state: Buffer }>(
      `SELECT ${REVISION_COLUMNS}, text_state, floor_state FROM revisions WHERE draft_id = $1 AND id = $2`,
      [draftId, id],
    );
    const row = rows[0];
    if (!row) return null;
    const { textSha256: _hash, ...listing } = toRevisionListing(row);
    return { ...listing, text: bytesOf(row.text_state), floor: bytesOf(row.floor_state) };
  }

  /**
   * Takes the lock that one process serving this database holds until it closes the store; false
   * when another process holds it. Until processes tell each other what changed (through Redis),
   * a second process serving the same drafts would keep copies that drift apart, so it must refuse.
   */
  async claimSoleServer(): Promise<boolean> {
    return this.holdServerLock("pg_try_advisory_lock");
  }

  /**
   * Takes the same lock shared, as one of several processes of a cluster (which tell each other what
   * changed through Redis); false when a process serving alone holds it, which must not meet them.
   */
  async joinCluster(): Promise<boolean> {
    return this.holdServerLock("pg_try_advisory_lock_shared");
  }

  /** The last sequence number of a room's log (0 when nothing is stored): a process behind it catches up. */
  async roomHead(draftId: string, room: Room): Promise<number> {
    const { rows } = await this.pool.query<{ head: number }>({ ...READ_HEAD, values: [draftId, room] });
    return rows[0]?.head ?? 0;
  }

  /**
   * The rooms whose log holds about `minRows` rows or more, for the cluster's compaction. A room's
   * rows after its first are gapless up to its head, so the count is read from two indexed numbers
   * per room, without counting rows.
   */
  async longLogs(minRows: number): Promise<Array<{ draftId: string; room: Room }>> {
    const { rows } = await this.pool.query<{ draft_id: string; room: Room }>(
      `SELECT h.draft_id, h.room FROM room_heads h
       WHERE h.head - (SELECT min(u.seq) FROM updates u WHERE u.draft_id = h.draft_id AND u.room = h.room) + 1 >= $1
       ORDER BY h.draft_id, h.room`,
      [minRows],
    );
    return rows.map((row) => ({ draftId: row.draft_id, room: row.room }));
  }

  /** The heads of every room of `draftIds` that has a log, in one query (a cluster process's periodic check). */
  async roomHeads(draftIds: readonly string[]): Promise<Array<{ draftId: string; room: Room; head: number }>> {
    const { rows } = await this.pool.query<{ draft_id: string; room: Room; head: number }>({ ...READ_HEADS, values: [draftIds] });
    return rows.map((row) => ({ draftId: row.draft_id, room: row.room, head: row.head }));
  }

  private async holdServerLock(how: "pg_try_advisory_lock" | "pg_try_advisory_lock_shared"): Promise<boolean> {
    if (this.serverLock) return true;
    const client = await this.pool.connect();
    const { rows } = await client.query<{ held: boolean }>(`SELECT ${how}($1) AS held`, [SOLE_SERVER_LOCK_KEY]);
    if (!rows[0]!.held) {
      client.release();
      return false;
    }
    // Its connection may break (the database restarted, say): the lock goes with it, and this process
    // takes it again once the database is back, so a process serving alone cannot start meanwhile unseen.
    client.on("error", (error) => {
      console.error("The connection holding the server's lock broke:", error.message);
      if (this.serverLock !== client) return;
      this.serverLock = null;
      client.release(error);
      this.takeServerLockAgain(how);
    });
    this.serverLock = client;
    return true;
  }

  /** Takes the server's lock again after its connection broke, every `RETAKE_LOCK_MS` until the database answers. */
  private takeServerLockAgain(how: "pg_try_advisory_lock" | "pg_try_advisory_lock_shared"): void {
    if (this.closed) return;
    setTimeout(() => {
      if (this.closed) return;
      this.holdServerLock(how).then(
        (held) => {
          if (!held) console.error("Another process took the server's lock while this one's connection to the database was broken: they must not serve together");
        },
        () => this.takeServerLockAgain(how),
      );
    }, RETAKE_LOCK_MS).unref();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.settled();
    // Closing the connection ends its session, and the session's advisory lock with it.
    this.serverLock?.release(true);
    await this.pool.end();
  }

  /** Resolves once every append made so far has committed or failed (not those made meanwhile). */
  private async settled(): Promise<void> {
    await Promise.all(Array.from(this.queues.values(), (queue) => queue.lastAppend));
  }

  /** Starts committing a room's appends unless that is under way; a microtask later, so appends made in the same turn leave in the first commit. */
  private startDraining(key: string, queue: RoomQueue): void {
    if (queue.flushing) return;
    queue.flushing = Promise.resolve()
      .then(() => this.drain(queue))
      .finally(() => {
        queue.flushing = null;
        // An append made while the last batch settled, after `drain` looked, starts the next one.
        if (queue.pending.length > 0) this.startDraining(key, queue);
        else this.queues.delete(key);
      });
  }

  /** Commits a room's pending appends, a batch per transaction, until none is left. */
  private async drain(queue: RoomQueue): Promise<void> {
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0);
      let outcomes: Array<number | ClientIdTakenError>;
      try {
        outcomes = await this.transaction((client) => this.commitBatch(client, queue.draftId, queue.room, batch));
      } catch (error) {
        for (const item of batch) item.reject(error);
        continue;
      }
      batch.forEach((item, index) => {
        const outcome = outcomes[index]!;
        if (typeof outcome === "number") item.resolve(outcome);
        else item.reject(outcome);
      });
    }
  }

  /**
   * Writes a batch of one room's appends inside the caller's transaction: numbers them after the
   * locked head, in order; an append claiming another principal's client id is left out whole (its
   * own savepoint) and the others go on. Returns each append's sequence number or refusal.
   */
  private async commitBatch(client: pg.PoolClient, draftId: string, room: Room, batch: PendingAppend[]): Promise<Array<number | ClientIdTakenError>> {
    let head = (await client.query<{ head: number }>({ ...LOCK_HEAD, values: [draftId, room] })).rows[0]!.head;
    const outcomes: Array<number | ClientIdTakenError> = [];
    for (const item of batch) {
      const write = item.write;
      if (write && write.newClientIds.length > 0) {
        const refusal = await this.claimClientIds(client, draftId, room, write);
        if (refusal) {
          outcomes.push(refusal);
          continue;
        }
      }
      head += 1;
      await client.query({ ...INSERT_UPDATE, values: [draftId, room, head, bufferOf(item.update)] });
      if (write) {
        const words = write.words ? JSON.stringify(write.words) : null;
        await client.query({ ...INSERT_AUDIT, values: [draftId, room, write.principal, write.userId, write.at, JSON.stringify(write.touched), words, write.pids ?? []] });
      }
      outcomes.push(head);
    }
    await client.query({ ...SET_HEAD, values: [draftId, room, head] });
    return outcomes;
  }

  /**
   * Claims a write's new client ids; a refusal when one is another principal's, having undone the
   * claim. The insert waits for any transaction claiming the same id, and the read after it sees
   * that one's commit, so of two processes claiming one id at once, exactly one wins.
   */
  private async claimClientIds(client: pg.PoolClient, draftId: string, room: Room, write: WriteRecord): Promise<ClientIdTakenError | null> {
    await client.query("SAVEPOINT claim");
    await client.query({ ...CLAIM_CLIENT_IDS, values: [draftId, room, write.newClientIds, write.principal] });
    const taken = (await client.query<{ client_id: number; principal: string }>({ ...CLIENT_ID_OWNERS, values: [draftId, room, write.newClientIds, write.principal] })).rows[0];
    if (taken) {
      await client.query("ROLLBACK TO SAVEPOINT claim");
      return new ClientIdTakenError(draftId, room, taken.client_id, taken.principal, write.principal);
    }
    await client.query("RELEASE SAVEPOINT claim");
    return null;
  }

  /** Runs `work` in a transaction on one connection; rolls back when it throws. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
      throw error;
    } finally {
      // A connection that could not even roll back is closed rather than given to the next caller.
      client.release(broken);
    }
  }
}
