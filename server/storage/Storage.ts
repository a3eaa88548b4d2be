/**
 * Where drafts, their Yjs updates and their audit log live. One interface, so the embedded SQLite
 * store and a PostgreSQL store are interchangeable; every call is async for the sake of the latter.
 */
import type { Progress } from "../../schemas/records";
import type { AuditWords } from "../../shared/audit/auditWords";
import type { Room } from "../../shared/documentLayout";
import type { IdentityStore } from "../identity/IdentityStore";

/** A draft as the drafts list shows it. */
export interface DraftRecord {
  id: string;
  /** The title in the draft's `meta`, as last summarized (the title it was created with until then). */
  title: string;
  createdAt: string;
  /** The draft's policy: whether observers may read the `floor` room (stances and comments). */
  observersReadFloor: boolean;
  /** The draft's policy: whether observers may read the `contributions` room (written contributions). */
  observersReadContributions: boolean;
  /** The symbol in the draft's `meta` (A/AC.292/2025/CRP.1), as last summarized; null when it has none. */
  symbol: string | null;
  /** The progress last published in the draft's `status`; null until it is first summarized. */
  progress: Progress | null;
}

/**
 * What the drafts list needs from a draft's `text` room, saved with the draft whenever the server
 * publishes the room's status, so the list never has to load a room.
 */
export interface DraftSummary {
  /** Null when `meta` has no title: the draft keeps the one it has. */
  title: string | null;
  symbol: string | null;
  progress: Progress;
}

/** One stored update of a room, in commit order. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** A root and top-level key an update wrote or deleted (key null in `content`). */
export interface Touched {
  root: string;
  key: string | null;
}

/** Who made an accepted write, recorded with it in the same commit (invariant 5). */
export interface WriteRecord {
  /** `chair`, `state:CUB`, or `server`. */
  principal: string;
  userId: string | null;
  at: string;
  touched: Touched[];
  /** Yjs client ids this write used for the first time: from now on they are the principal's. */
  newClientIds: number[];
  /** What the write said: changed paragraphs' words, records' contents (absent for the server's own writes). */
  words?: AuditWords;
  /** The paragraphs the write is about, for reading one paragraph's history. */
  pids?: string[];
}

/** One entry of a draft's audit log. */
export interface AuditEntry extends Omit<WriteRecord, "newClientIds" | "words" | "pids"> {
  seq: number;
  room: Room;
  /** Null for entries stored before the audit kept words, and for the server's own writes. */
  words: AuditWords | null;
}

/** Which audit entries to read: a page of them, optionally only one principal's or one paragraph's. */
export interface AuditQuery {
  /** Only entries older than this sequence number. */
  before?: number;
  /** Only entries newer than this sequence number. */
  after?: number;
  /** Oldest first (a paragraph's history reads forward); newest first otherwise. */
  oldestFirst?: boolean;
  limit: number;
  /** Only this principal's entries (`chair`, `state:CUB`). */
  principal?: string;
  /** Only entries about this paragraph. */
  pid?: string;
}

/** Something the server must do at a time: settle silence procedure `key` of a draft. */
export interface Deadline {
  draftId: string;
  key: string;
  /** ISO date-time. */
  dueAt: string;
}

/** A published revision as stored: its listing and the whole state of both rooms, never changed. */
export interface StoredRevision {
  draftId: string;
  /** The id of its `decisions["revision:<id>"]` record. */
  id: string;
  ordinal: number;
  label: string;
  symbol: string | null;
  date: string;
  note: string | null;
  publishedAt: string;
  /** The user who published it. */
  publishedBy: string | null;
  /** `Y.encodeStateAsUpdate` of the `text` room just after the revision record was committed. */
  text: Uint8Array;
  /** The same of the `floor` room (stances, comments, contacts). */
  floor: Uint8Array;
}

/** What opening a store did to its schema: the version it found and the one it left. */
export interface Migrated {
  from: number;
  to: number;
}

/** Durable home of drafts, their update logs and everything about who may use them. */
export interface Storage {
  readonly identity: IdentityStore;
  /**
   * Records a new draft and the first update of each room, in one commit, with the Yjs client ids
   * that wrote them claimed for the server (`serverClientIds`), so no member can write with them.
   */
  createDraft(draft: DraftRecord, initialUpdates: ReadonlyMap<Room, Uint8Array>, serverClientIds?: ReadonlyMap<Room, readonly number[]>): Promise<void>;
  getDraft(id: string): Promise<DraftRecord | null>;
  listDrafts(): Promise<DraftRecord[]>;
  /** Saves what the drafts list shows of a draft's `text` room (see `DraftSummary`). */
  saveSummary(draftId: string, summary: DraftSummary): Promise<void>;
  /** Sets whether the draft's observers may read its `floor` room (stances and comments). */
  setObserversReadFloor(draftId: string, allowed: boolean): Promise<void>;
  /** Sets whether the draft's observers may read its `contributions` room (written contributions). */
  setObserversReadContributions(draftId: string, allowed: boolean): Promise<void>;
  /**
   * Appends an update to a room's log, with who wrote it when it came from a client; resolves with
   * the update's sequence number once both are committed, so they survive a crash. Sequence numbers
   * increase in commit order within a room. A store that several processes share rejects with
   * `ClientIdTakenError`, storing nothing of the append, when one of `write.newClientIds` already
   * belongs to another principal; the embedded store relies on the room's own check (its one process
   * knows every owner) and keeps the first owner of an id.
   */
  appendUpdate(draftId: string, room: Room, update: Uint8Array, write?: WriteRecord): Promise<number>;
  /** Whether a room has anything stored (a draft's `floor` is empty until someone writes to it). */
  hasUpdates(draftId: string, room: Room): Promise<boolean>;
  /**
   * A room's updates in sequence order: all of them, or those after `afterSeq` (a process that has
   * applied up to `afterSeq` fills a gap with these; after compaction the merged state stands at
   * the last sequence number it replaced, so nothing before it is missed).
   */
  loadUpdates(draftId: string, room: Room, afterSeq?: number): Promise<StoredUpdate[]>;
  /** The principal owning each Yjs client id seen in a room. */
  loadClientIds(draftId: string, room: Room): Promise<Map<number, string>>;
  /** Audit entries of a draft, newest first (or oldest first), as `query` selects them. */
  readAudit(draftId: string, query: AuditQuery): Promise<AuditEntry[]>;
  /** Replaces every update up to `throughSeq` by `merged`, which must hold all of them. */
  compact(draftId: string, room: Room, merged: Uint8Array, throughSeq: number): Promise<void>;
  /** Records (or, with `dueAt` null, forgets) a deadline; the same key replaces the old time. */
  setDeadline(draftId: string, key: string, dueAt: string | null): Promise<void>;
  /** Every recorded deadline, earliest first. */
  listDeadlines(): Promise<Deadline[]>;
  /**
   * Stores a published revision; refuses (throws) a second one with the same id or ordinal. Nothing
   * ever updates or deletes it, compaction included.
   */
  saveRevision(revision: StoredRevision): Promise<void>;
  /** A draft's published revisions, oldest first, without their snapshots' bytes. */
  listRevisions(draftId: string): Promise<Array<Omit<StoredRevision, "text" | "floor"> & { textSha256: string }>>;
  /** One published revision with its snapshots; null when there is none by that id. */
  readRevision(draftId: string, id: string): Promise<StoredRevision | null>;
  /** Commits what is pending and releases the store. */
  close(): Promise<void>;
}
