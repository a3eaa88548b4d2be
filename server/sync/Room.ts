/**
 * One live Yjs document of a draft (its `text`, `floor` or `contributions` room) and the clients
 * connected to it. The write path for a client's update is here: check it with the room's guard,
 * apply it, append what changed to the room's store, and relay it to the other clients only once it
 * is committed. The room's link tells the other processes serving it (in cluster mode) and applies
 * what they committed. Joins are answered from a cached encoding of the state, invalidated on every change.
 */
import zlib from "node:zlib";
import { uint32 } from "lib0/random";
import * as Y from "yjs";
import { CloseCode } from "../../shared/closeCodes";
import { Room as RoomNames, type Room as RoomName } from "../../shared/documentLayout";
import { describeServerWrite, describeWrite } from "../audit/describeWrite";
import { ParagraphTexts } from "../audit/ParagraphTexts";
import { SYSTEM_CLOCK, type Clock } from "../clock";
import type { PermittedWrite } from "../guard/checkWrite";
import { WRITE_GUARD, type WriteGuard } from "../guard/WriteGuard";
import { UnseenItemsRefusal } from "../guard/WriteRefusal";
import { Role } from "../../shared/roles";
import { SERVER_PRINCIPAL, type Writer } from "../identity/Writer";
import { ClientIdTakenError } from "../storage/ClientIdTakenError";
import type { Storage, WriteRecord } from "../storage/Storage";
import { LOCAL_PRESENCE, type PresenceLinker } from "./PresenceLink";
import { LOCAL_LINK, type LinkedRoom, type RoomLink, type RoomLinker } from "./RoomLink";
import { RoomPresence } from "./RoomPresence";
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate } from "./syncMessages";

/** A client of a room, as the room sees it. */
export interface RoomPeer {
  /** Who is behind the connection, as the server knows it. */
  readonly writer: Writer;
  send(frame: Uint8Array): void;
  /** Sends a presence frame, unless the peer has fallen behind: presence is the first thing a slow reader goes without. */
  sendPresence(frame: Uint8Array): void;
  close(cause: CloseCode, detail?: string): void;
}

/** Bytes a client holding nothing sends as its state vector. */
const EMPTY_STATE_VECTOR_LENGTH = 1;

/** How many appends a room's log may gather before a compaction is scheduled. */
export const COMPACT_AFTER_APPENDS = 500;

/** The parts a room is given besides its store; the defaults are what a process serving alone runs. */
export interface RoomOptions {
  /** Judges client updates (`WRITE_GUARD`; the benchmark installs its trust-off guard). */
  guard?: WriteGuard;
  /** Tells the other processes serving the room what this one committed, and applies theirs (`LOCAL_LINK`: none). */
  link?: RoomLinker;
  /** Tells the other processes serving the room this process's presence, and shows theirs (`LOCAL_PRESENCE`: none). */
  presenceLink?: PresenceLinker;
  /** Called with the milliseconds from an update's arrival to its commit. */
  onCommitted?: (ms: number) => void;
  /** Called once a client's change to the room is committed (the status publisher listens). */
  onClientChange?: (room: Room) => void;
  /** The server's time, for the write guard's rules about time (the system clock by default). */
  clock?: Clock;
  /**
   * Whether the room compacts its own log (true by default). In cluster mode it does not: the
   * holder of the compaction lease compacts every room's log (`server/cluster/LogCompactor.ts`).
   */
  compactsLog?: boolean;
}

/** The origin of changes the server makes itself: not a client, so every client receives them. */
const SERVER_ORIGIN: RoomPeer = {
  writer: { author: { role: Role.chair }, principal: SERVER_PRINCIPAL, userId: "", userName: "Concord", membershipId: "" },
  send: () => {},
  sendPresence: () => {},
  close: () => {},
};

/** What the write path did with a client's update: `committed` settles once its changes are stored. */
export interface Applied {
  committed: Promise<void>;
}

/** How long a room whose store could not be read waits before reading it again. */
export const REBUILD_RETRY_MS = 1_000;

/** The bytes of an update could not be applied: the room was rebuilt from storage. */
export class BadUpdateError extends Error {
  override readonly name = "BadUpdateError";
}

interface LoadedState {
  doc: Y.Doc;
  rows: number;
  /** The last sequence number loaded (0 for an empty log). */
  through: number;
  /** The sequence numbers of the loaded rows, in order. */
  seqs: number[];
  clientOwners: Map<number, string>;
}

async function loadState(storage: Storage, draftId: string, name: RoomName): Promise<LoadedState> {
  const doc = new Y.Doc();
  const updates = await storage.loadUpdates(draftId, name);
  Y.transact(doc, () => {
    for (const { update } of updates) Y.applyUpdate(doc, update);
  });
  return { doc, rows: updates.length, through: updates.at(-1)?.seq ?? 0, seqs: updates.map(({ seq }) => seq), clientOwners: await storage.loadClientIds(draftId, name) };
}

/** A Yjs client id no principal has used in this room. */
function freshClientId(owners: ReadonlyMap<number, string>): number {
  for (;;) {
    const id = uint32();
    if (!owners.has(id)) return id;
  }
}

/** The origin of changes another process committed: no local client sent them, so every local client receives them. */
const COMMITTED_ELSEWHERE: RoomPeer = { ...SERVER_ORIGIN };

/** A loaded room. Create with `Room.load`. */
export class Room implements LinkedRoom {
  readonly peers = new Set<RoomPeer>();
  private doc!: Y.Doc;
  private link!: RoomLink;
  /** Counts the copies this room has held: a commit started on an earlier copy is not in the current one. */
  private copy = 0;
  private readonly guard: WriteGuard;
  /** The words of the text room's blocks, so the audit can say what each change did to them. */
  private paragraphs: ParagraphTexts | null = null;
  /** Principal owning each Yjs client id seen in this room (invariant 3). */
  private clientOwners = new Map<number, string>();
  private readonly presence = new RoomPresence(this.peers, (clientId) => this.clientOwners.get(clientId));
  private cachedState: Uint8Array | null = null;
  private cachedFullStep2: Uint8Array | null = null;
  private cachedGzip: Buffer | null = null;
  private cachedStateVector: Uint8Array | null = null;
  private cachedEmptyStep2: Uint8Array | null = null;
  private captured: Uint8Array[] = [];
  private relayQueue: Array<{ change: Uint8Array; origin: RoomPeer }> = [];
  private storedRows = 0;
  private appendsSinceCompaction = 0;
  private lastSeq = 0;
  private commitsInFlight = 0;
  /** The commits started and not yet settled: the copy holds their changes before the store does. */
  private readonly pendingCommits = new Set<Promise<void>>();
  private compactionTimer: NodeJS.Timeout | null = null;
  private rebuilding: Promise<void> | null = null;
  /** Set while a server change waits for its state to be stored before it is committed. */
  private holding: Promise<void> | null = null;
  /** The next rebuild sends its clients the whole state (set when the old copy may have hidden a commit). */
  private resendAfterRebuild = false;
  /** What this room committed while it was being rebuilt: relayed already, unlike what others committed meanwhile. */
  private committedDuringRebuild: Set<number> | null = null;
  private destroyed = false;

  private constructor(
    readonly draftId: string,
    readonly name: RoomName,
    private readonly storage: Storage,
    private readonly options: RoomOptions,
  ) {
    this.guard = options.guard ?? WRITE_GUARD;
  }

  /** Loads a room's document from its stored log. */
  static async load(storage: Storage, draftId: string, name: RoomName, options: RoomOptions = {}): Promise<Room> {
    const room = new Room(draftId, name, storage, options);
    const state = await loadState(storage, draftId, name);
    room.attach(state);
    room.link = await (options.link ?? LOCAL_LINK)(room, state.through);
    try {
      await room.presence.linkWith(options.presenceLink ?? LOCAL_PRESENCE, room);
    } catch (error) {
      await room.link.close();
      throw error;
    }
    return room;
  }

  /** Whether the room has no clients and nothing left to commit, so it may be unloaded. */
  get idle(): boolean {
    return this.peers.size === 0 && this.commitsInFlight === 0 && this.rebuilding === null && this.holding === null;
  }

  /** Resolves once a rebuild in progress (after bad bytes), or a held server change, is over. */
  async ready(): Promise<void> {
    while (this.busy) await this.busy;
  }

  /** What a write must wait for before it may be applied; null when it may be applied now. */
  private get busy(): Promise<void> | null {
    return this.rebuilding ?? this.holding;
  }

  /**
   * Brings this copy up to the log's head: what other processes committed that it has not applied
   * yet (nothing, serving alone). A job that decides from the copy (settling a deadline, publishing
   * a status) calls this first, so it never decides from a copy behind the database.
   */
  async catchUp(): Promise<void> {
    await this.ready();
    await this.link.catchUp();
    await this.ready();
  }

  /** The live document, for reading only: every write goes through the write path. */
  get document(): Y.Doc {
    return this.doc;
  }

  /**
   * A change the server makes itself (status, settled silence procedures): applied in one
   * transaction, stored with the server as its principal, and relayed to every client once committed.
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    // Checked again after each wait, so that nothing starts between the wait's end and the change.
    while (this.busy) await this.busy;
    const commits = this.commitServerChange(this.transactAsServer(change));
    // A failed commit has already closed every client and rebuilt the room.
    await Promise.all(commits).catch(() => undefined);
  }

  /**
   * A server change whose outcome must be stored elsewhere before the change itself is committed
   * (a published revision's snapshot). `storeFirst` gets the room's whole state as one update,
   * encoded right after the change's transaction, before anything else can be applied; the room
   * applies nothing else until it settles, so the change is the next thing appended to the log. If
   * `storeFirst` rejects, the change is undone — every client closed and the room rebuilt from
   * storage, as after a failed commit — and the rejection is thrown. A failed commit is thrown too.
   * Resolves to false when the change changed nothing (and `storeFirst` was not called).
   */
  async applyServerChangeStoredFirst(change: (doc: Y.Doc) => void, storeFirst: (state: Uint8Array) => Promise<void>): Promise<boolean> {
    while (this.busy) await this.busy;
    const changed = this.doc;
    const transacted = this.transactAsServer(change);
    if (transacted === null) return false;
    let stored: Promise<void>;
    try {
      stored = storeFirst(Y.encodeStateAsUpdate(this.doc));
    } catch (error) {
      stored = Promise.reject(error);
    }
    const holding = stored.then(
      () => undefined,
      () => undefined,
    );
    this.holding = holding;
    try {
      await stored;
    } catch (error) {
      this.holding = null;
      for (const peer of Array.from(this.peers)) peer.close(CloseCode.storageFailed);
      await this.rebuild();
      throw error;
    }
    this.holding = null;
    // An earlier commit that failed meanwhile rebuilds the room without this change: it is lost.
    if (this.doc !== changed || this.rebuilding) throw new Error(`The room ${this.draftId}/${this.name} was rebuilt before the server's change could be committed`);
    // Appended before any waiting write can be applied: the log keeps the order the document saw.
    await Promise.all(this.commitServerChange(transacted));
    return true;
  }

  /** The principal owning a Yjs client id in this room, as this copy knows it; undefined for an id it has not seen. */
  clientIdOwner(clientId: number): string | undefined {
    return this.clientOwners.get(clientId);
  }

  /** The whole state as one update, cached until the next change. */
  encodedState(): Uint8Array {
    this.cachedState ??= Y.encodeStateAsUpdate(this.doc);
    return this.cachedState;
  }

  /** The whole state gzipped, for a fresh client's snapshot over HTTP; cached until the next change. */
  compressedState(): Buffer {
    this.cachedGzip ??= zlib.gzipSync(this.encodedState());
    return this.cachedGzip;
  }

  /** Adds a client and sends it the server's state vector and everyone's presence. */
  join(peer: RoomPeer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(this.stateVector()));
    this.presence.join(peer);
  }

  /** Removes a client and its presence. */
  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    this.presence.leave(peer);
  }

  /** The state vector, cached until the next change. */
  stateVector(): Uint8Array {
    this.cachedStateVector ??= Y.encodeStateVector(this.doc);
    return this.cachedStateVector;
  }

  /**
   * Answers a client's sync step 1 with what it lacks. The two common joins cost nothing: a fresh
   * client gets the cached full state, and one that loaded the snapshot (so holds everything) gets
   * a cached empty update.
   */
  answerSyncStep1(peer: RoomPeer, stateVector: Uint8Array): void {
    if (stateVector.byteLength <= EMPTY_STATE_VECTOR_LENGTH) {
      this.cachedFullStep2 ??= encodeSyncStep2(this.encodedState());
      peer.send(this.cachedFullStep2);
      return;
    }
    if (Buffer.from(stateVector).equals(Buffer.from(this.stateVector()))) {
      this.cachedEmptyStep2 ??= encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc()));
      peer.send(this.cachedEmptyStep2);
      return;
    }
    peer.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)));
  }

  /**
   * The write path for one client update: check it against the write guard (which throws a
   * `WriteRefusal`), apply it, then append each change with its audit record and relay it to the
   * other clients once committed. Bad bytes rebuild the room from storage and throw.
   */
  async applyClientUpdate(peer: RoomPeer, update: Uint8Array): Promise<Applied> {
    // Checked again after each wait, so that nothing starts between the wait's end and the apply.
    while (this.busy) await this.busy;
    const arrivedAt = performance.now();
    let permitted: PermittedWrite;
    try {
      permitted = this.check(peer, update);
    } catch (error) {
      if (!(error instanceof UnseenItemsRefusal)) throw error;
      // Another process may have committed what the update refers to: catch up, then judge it again.
      await this.link.catchUp();
      while (this.busy) await this.busy;
      permitted = this.check(peer, update);
    }
    if (permitted.footprint.empty) return { committed: this.earlierCommits() };
    this.presence.prove(peer, permitted.footprint.clientIds);
    this.captured = [];
    this.paragraphs?.take();
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      // Yjs may have integrated part of the update before throwing: the document is no longer
      // what was stored, so rebuild it and let none of the captured changes out.
      await this.rebuild();
      throw new BadUpdateError(`Update of ${update.byteLength} bytes could not be applied: ${String(error)}`);
    }
    const store = this.doc.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      // The guard refuses references to unseen items, so leftovers mean the bytes lied about themselves.
      await this.rebuild();
      throw new BadUpdateError(`Update of ${update.byteLength} bytes left items waiting for others`);
    }
    const changes = this.captured;
    this.captured = [];
    if (changes.length === 0) return { committed: this.earlierCommits() };
    for (const clientId of permitted.newClientIds) this.clientOwners.set(clientId, peer.writer.principal);
    const { words, pids } = describeWrite(this.doc, permitted.footprint, this.paragraphs?.take() ?? []);
    const write: WriteRecord = {
      principal: peer.writer.principal,
      userId: peer.writer.userId,
      at: new Date().toISOString(),
      touched: permitted.footprint.touched,
      newClientIds: permitted.newClientIds,
      words,
      pids,
    };
    const earlier = this.earlierCommits();
    const commits = changes.map((change, index) => this.commitAndRelay(change, peer, index === 0 ? write : undefined, arrivedAt));
    return { committed: Promise.all([earlier, ...commits]).then(() => undefined) };
  }

  /**
   * Applies an update another process committed (the link calls this in sequence order) and relays
   * it to every client here. A copy being rebuilt skips it: the rebuilt copy is loaded from the log.
   */
  applyCommitted(update: Uint8Array): void {
    if (this.rebuilding) return;
    this.captured = [];
    try {
      Y.applyUpdate(this.doc, update, COMMITTED_ELSEWHERE);
    } catch (error) {
      // The log's own bytes: this cannot be a client's fault. Load the copy afresh from the log.
      console.error(`A committed update of ${this.draftId}/${this.name} could not be applied:`, error);
      void this.rebuild();
      return;
    }
    const changes = this.captured;
    this.captured = [];
    for (const change of changes) this.relay(change, COMMITTED_ELSEWHERE);
    this.learnClientIds(update);
  }

  /** Relays a presence update from a client to the others, as `RoomPresence` vouches for it. */
  applyAwareness(peer: RoomPeer, update: Uint8Array): void {
    this.presence.apply(peer, update);
  }

  /** Sends a client every presence state, in answer to its query. */
  answerAwarenessQuery(peer: RoomPeer): void {
    this.presence.answerQuery(peer);
  }

  /** Compacts the log if it has more than one row (unless another process compacts it). Safe at any time: the state holds every row through the link's `appliedThrough`. */
  async compact(): Promise<void> {
    if (this.storedRows <= 1 || this.lastSeq === 0 || this.options.compactsLog === false) return;
    const through = this.link.appliedThrough;
    await this.storage.compact(this.draftId, this.name, Y.encodeStateAsUpdate(this.doc), through);
    this.storedRows = 1;
    this.appendsSinceCompaction = 0;
  }

  /** Closes every client and frees the document. */
  destroy(cause: CloseCode = CloseCode.shuttingDown): void {
    this.destroyed = true;
    void this.link.close().catch((error: unknown) => console.error(`Unlinking ${this.draftId}/${this.name} failed:`, error));
    for (const peer of Array.from(this.peers)) peer.close(cause);
    this.peers.clear();
    if (this.compactionTimer) clearTimeout(this.compactionTimer);
    this.paragraphs?.destroy();
    this.presence.destroy();
    this.doc.destroy();
  }

  /** Judges a client's update with the room's guard against the current copy. */
  private check(peer: RoomPeer, update: Uint8Array): PermittedWrite {
    return this.guard.check(this.doc, this.name, peer.writer, update, this.clientOwners, (this.options.clock ?? SYSTEM_CLOCK).now());
  }

  /**
   * Client ids another process's commit used that this copy does not know: their owners are read
   * from the store, so the guard here refuses a squatter at once rather than at the store's claim.
   */
  private learnClientIds(update: Uint8Array): void {
    const { to } = Y.parseUpdateMeta(update);
    if (Array.from(to.keys()).every((clientId) => this.clientOwners.has(clientId))) return;
    const owners = this.clientOwners;
    this.storage.loadClientIds(this.draftId, this.name).then(
      (stored) => {
        for (const [clientId, principal] of stored) if (!owners.has(clientId)) owners.set(clientId, principal);
      },
      (error: unknown) => console.error(`Reading the client ids of ${this.draftId}/${this.name} failed:`, error),
    );
  }

  /** Applies `change` in one transaction as the server; the changes it made and their audit record, or null when it changed nothing. */
  private transactAsServer(change: (doc: Y.Doc) => void): { changes: Uint8Array[]; write: WriteRecord } | null {
    // The server's Yjs client id must be its own (invariant 3), never one a client has used.
    const owner = this.clientOwners.get(this.doc.clientID);
    if (owner !== undefined && owner !== SERVER_PRINCIPAL) this.doc.clientID = freshClientId(this.clientOwners);
    const newClientIds = this.clientOwners.has(this.doc.clientID) ? [] : [this.doc.clientID];
    this.captured = [];
    const transaction = Y.transact(
      this.doc,
      (current) => {
        change(this.doc);
        return current;
      },
      SERVER_ORIGIN,
    );
    const changes = this.captured;
    this.captured = [];
    if (changes.length === 0) return null;
    for (const clientId of newClientIds) this.clientOwners.set(clientId, SERVER_PRINCIPAL);
    const { touched, words, pids } = describeServerWrite(this.doc, transaction);
    return { changes, write: { principal: SERVER_PRINCIPAL, userId: null, at: new Date().toISOString(), touched, newClientIds, words, pids } };
  }

  /** Appends the server's changes (the audit record with the first); each promise settles with its commit. */
  private commitServerChange(transacted: { changes: Uint8Array[]; write: WriteRecord } | null): Array<Promise<void>> {
    if (transacted === null) return [];
    const { changes, write } = transacted;
    return changes.map((captured, index) => this.commitAndRelay(captured, SERVER_ORIGIN, index === 0 ? write : undefined, performance.now()));
  }

  private attach({ doc, rows, clientOwners }: LoadedState): void {
    this.paragraphs?.destroy();
    // Only the text room holds the chair's text.
    this.paragraphs = this.name === RoomNames.text ? new ParagraphTexts(doc) : null;
    this.doc = doc;
    this.copy++;
    this.storedRows = rows;
    this.clientOwners = clientOwners;
    this.cachedState = null;
    this.cachedFullStep2 = null;
    this.cachedGzip = null;
    this.cachedStateVector = null;
    doc.on("update", (change: Uint8Array) => {
      this.cachedState = null;
      this.cachedFullStep2 = null;
      this.cachedGzip = null;
      this.cachedStateVector = null;
      this.captured.push(change);
    });
  }

  /**
   * Settles once every commit now in flight has. An update is applied only where the copy lacks it,
   * so a frame repeating changes the copy holds from a commit still in flight (a client back on a new
   * socket resending what its old one sent) is saved only once that commit is through. A failed one
   * has closed the clients it concerns, so waiting for it to settle is enough.
   */
  private earlierCommits(): Promise<void> {
    return Promise.allSettled(this.pendingCommits).then(() => undefined);
  }

  /** Appends a change; relays it once committed. The promise settles with the commit (rejects if it failed). */
  private commitAndRelay(change: Uint8Array, origin: RoomPeer, write: WriteRecord | undefined, arrivedAt: number): Promise<void> {
    this.commitsInFlight++;
    const copy = this.copy;
    if (!this.guard.relaysOnlyCommitted) this.relay(change, origin);
    const commit = this.storage.appendUpdate(this.draftId, this.name, change, write).then(
      (seq) => {
        this.commitsInFlight--;
        this.options.onCommitted?.(performance.now() - arrivedAt);
        this.lastSeq = Math.max(this.lastSeq, seq);
        this.storedRows++;
        this.appendsSinceCompaction++;
        this.link.committed(seq, change, copy === this.copy);
        this.committedDuringRebuild?.add(seq);
        if (this.guard.relaysOnlyCommitted) this.relay(change, origin);
        if (origin !== SERVER_ORIGIN) this.options.onClientChange?.(this);
        if (this.appendsSinceCompaction >= COMPACT_AFTER_APPENDS && this.options.compactsLog !== false) this.scheduleCompaction();
      },
      (error: unknown) => {
        this.commitsInFlight--;
        if (error instanceof ClientIdTakenError) {
          // Another process gave the id to another principal first (invariant 3): only the squatter
          // is closed; the others never received the change, and the copy is loaded afresh without it
          // (and sent to them whole: the old copy may have taken the owner's commit for the squat's).
          origin.close(CloseCode.clientIdTaken, error.message);
          this.resendAfterRebuild = true;
        } else {
          console.error(`Commit failed in ${this.draftId}/${this.name}:`, error);
          for (const peer of Array.from(this.peers)) peer.close(CloseCode.storageFailed);
        }
        void this.rebuild();
        throw error;
      },
    );
    this.pendingCommits.add(commit);
    const forget = () => void this.pendingCommits.delete(commit);
    commit.then(forget, forget);
    return commit;
  }

  /**
   * Queues a committed change for the other clients. Changes committed together (one group
   * commit) leave as one merged frame per client, so a busy room sends one message per client per
   * commit rather than one per change; a lone change skips its own sender.
   */
  private relay(change: Uint8Array, origin: RoomPeer): void {
    this.relayQueue.push({ change, origin });
    if (this.relayQueue.length > 1) return;
    // Committed changes arrive together after a group commit: a microtask gathers them all. Without
    // commits (the bench's trust-off switch) a tick gathers what that tick applied, for a fair comparison.
    if (!this.guard.relaysOnlyCommitted) setImmediate(() => this.flushRelays());
    else queueMicrotask(() => this.flushRelays());
  }

  private flushRelays(): void {
    const batch = this.relayQueue;
    this.relayQueue = [];
    if (batch.length === 0) return;
    if (batch.length === 1) {
      const frame = encodeUpdate(batch[0]!.change);
      for (const peer of this.peers) if (peer !== batch[0]!.origin) peer.send(frame);
      return;
    }
    // These are the server's own encodings of changes it has applied, never a client's bytes, so
    // merging them is safe (DESIGN.md invariant 6 forbids merging untrusted updates).
    const frame = encodeUpdate(Y.mergeUpdates(batch.map((entry) => entry.change)));
    for (const peer of this.peers) peer.send(frame);
  }

  private scheduleCompaction(): void {
    if (this.compactionTimer) return;
    this.compactionTimer = setTimeout(() => {
      this.compactionTimer = null;
      this.compact().catch((error: unknown) => console.error(`Compaction failed in ${this.draftId}/${this.name}:`, error));
    }, 0);
  }

  /**
   * Replaces the live document by the stored one; clients keep their sockets. While the store cannot
   * be read (the database is down), the room tries again every `REBUILD_RETRY_MS` and writes wait:
   * a copy that is not the log's must never take or hand out anything.
   */
  private rebuild(): Promise<void> {
    this.rebuilding ??= (async () => {
      const old = this.doc;
      const heldThrough = this.link.appliedThrough;
      const committedHere = (this.committedDuringRebuild = new Set());
      await this.link.close();
      const state = await this.loadUntilRead();
      // Destroyed meanwhile (the process is closing): nothing is left to attach the copy to.
      if (state === null || this.destroyed) return;
      this.attach(state);
      this.link = await (this.options.link ?? LOCAL_LINK)(this, state.through);
      old.destroy();
      // What others committed while the copy was rebuilt was never relayed, and a squat refused by the
      // store may have hidden the rightful owner's commit from the old copy: the clients that kept
      // their sockets get the whole state, and take from it what they lack.
      const missed = state.seqs.some((seq) => seq > heldThrough && !committedHere.has(seq));
      if (missed || this.resendAfterRebuild) {
        const frame = encodeUpdate(this.encodedState());
        for (const peer of this.peers) peer.send(frame);
      }
      this.resendAfterRebuild = false;
    })().finally(() => {
      this.rebuilding = null;
      this.committedDuringRebuild = null;
    });
    return this.rebuilding;
  }

  /** The room's stored state, read again after each failure until it is read; null once the room is destroyed. */
  private async loadUntilRead(): Promise<LoadedState | null> {
    for (;;) {
      if (this.destroyed) return null;
      try {
        return await loadState(this.storage, this.draftId, this.name);
      } catch (error) {
        console.error(`Reloading ${this.draftId}/${this.name} from the store failed; trying again in ${REBUILD_RETRY_MS} ms:`, error);
        // Unref'd: a room waiting for its store does not keep a closing process alive.
        await new Promise((resolve) => setTimeout(resolve, REBUILD_RETRY_MS).unref());
      }
    }
  }
}
