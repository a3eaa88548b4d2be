/**
 * A room's presence (y-protocols awareness) as the server vouches for it. A connection speaks only
 * for client ids it has proven: the first it announces, and those its own accepted updates used, up
 * to `MAX_PRESENCE_CLIENTS_PER_CONNECTION`; never for the server's own entry, an id another
 * connection speaks for, or one another principal (the server included) wrote with or spoke for.
 * States are stamped with the identity the server knows; observers are counted, not shown.
 * Changes are relayed once per tick: each peer gets one frame with the latest state of every client
 * id that changed in the tick, whoever sent it, so a room of N carets costs N frames a tick, not N².
 * In cluster mode the same tick's changes from this process's own clients go to the other processes
 * (`PresenceLink`), and what they vouch for is kept here beside the local states, so a client joining
 * here sees everyone; y-protocols drops any state not renewed within its outdated timeout (30 s), so
 * the clients of a process that died vanish without anyone announcing it.
 */
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Room as RoomName } from "../../shared/documentLayout";
import { Role } from "../../shared/roles";
import type { RoomPeer } from "./Room";
import { UNLINKED_PRESENCE, type PresenceLink, type PresenceLinker, type SharedPresence, type VouchedPresence } from "./PresenceLink";
import { MAX_PRESENCE_CLIENTS_PER_CONNECTION } from "./socketLimits";
import { stampAwareness } from "./stampAwareness";
import { encodeAwareness } from "./syncMessages";

/** The origin of presence another process vouched for: no local peer sent it, so every local peer receives it. */
const HEARD_ELSEWHERE = Symbol("presence heard from another process");

/** An awareness update carrying `entries` as they are. */
function encodeEntries(entries: readonly VouchedPresence[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

/** The presence of one room: join and leave with the room's peers, apply what they send. */
export class RoomPresence implements SharedPresence {
  /** Presence lives beside the document, not in it, so a rebuild of the document leaves it alone. */
  private readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  /** Client ids each connection speaks for, kept until it leaves. */
  private readonly spokenFor = new Map<RoomPeer, Set<number>>();
  /** The connection speaking for each client id. */
  private readonly speakers = new Map<number, RoomPeer>();
  /** Client ids each connection's accepted updates used. */
  private readonly proven = new Map<RoomPeer, Set<number>>();
  /**
   * The principal that first spoke for each client id while the room is loaded, so that an id
   * whose connection dropped cannot be taken by another principal before its owner reconnects.
   */
  private readonly presenceOwners = new Map<number, string>();
  /** Observers among the peers, kept as they join and leave so that neither scans the room. */
  private observers = 0;
  /** Observers following the room on the other processes of a cluster. */
  private observersOnOthers = 0;
  private link: PresenceLink = UNLINKED_PRESENCE;
  /** Client ids changed since the last relay, each with the peer here that changed it (null: the server, another process, or a timeout). */
  private changed = new Map<number, RoomPeer | null>();
  private relayScheduled = false;

  constructor(
    private readonly peers: ReadonlySet<RoomPeer>,
    /** The principal that wrote with a client id in this room, if any (invariant 3). */
    private readonly ownerOf: (clientId: number) => string | undefined,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.gather);
  }

  /** Links this presence to the other processes serving `room`; until then, and serving alone, it is this process's only. */
  async linkWith(linker: PresenceLinker, room: { draftId: string; name: RoomName }): Promise<void> {
    this.link = await linker(room, this);
  }

  /** Welcomes a peer already among the room's peers: counts it if it observes, and sends it everyone's presence. */
  join(peer: RoomPeer): void {
    this.spokenFor.set(peer, new Set());
    this.proven.set(peer, new Set());
    if (peer.writer.author.role === Role.observer) this.countObservers(+1);
    const present = Array.from(this.awareness.getStates().keys());
    if (present.length > 0) peer.sendPresence(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)));
  }

  /** Forgets a peer that left the room's peers, and removes the states it spoke for. */
  leave(peer: RoomPeer): void {
    const spoken = this.spokenFor.get(peer);
    if (!spoken) return;
    // Removed while the peer is still known, so the removals count as its own and reach the other processes.
    const present = Array.from(spoken).filter((clientId) => this.awareness.getStates().has(clientId));
    if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, peer);
    this.spokenFor.delete(peer);
    this.proven.delete(peer);
    if (peer.writer.author.role === Role.observer) this.countObservers(-1);
    for (const clientId of spoken) this.speakers.delete(clientId);
  }

  /** Notes the client ids an accepted update of `peer` used: the peer may speak for them. */
  prove(peer: RoomPeer, clientIds: Iterable<number>): void {
    const proven = this.proven.get(peer);
    if (proven) for (const clientId of clientIds) proven.add(clientId);
  }

  /**
   * Applies a presence update from `peer` and relays it, stamped, to the others. Entries the peer
   * may not speak for are dropped without closing it: a stock client echoes everyone's presence.
   */
  apply(peer: RoomPeer, update: Uint8Array): void {
    if (peer.writer.author.role === Role.observer) return;
    const stamped = stampAwareness(update, peer.writer, (clientId, removal) => this.admits(peer, clientId, removal));
    if (stamped) awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, peer);
  }

  /** Sends a peer every presence state, in answer to its query. */
  answerQuery(peer: RoomPeer): void {
    const present = Array.from(this.awareness.getStates().keys());
    peer.sendPresence(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)));
  }

  /**
   * Applies presence another process vouched for. An entry is dropped when a connection here speaks
   * for its client id (it speaks for itself), or when another principal owns the id here.
   */
  heard(entries: readonly VouchedPresence[]): void {
    const kept = entries.filter(({ clientId, principal }) => {
      if (clientId === this.awareness.clientID || this.speakers.has(clientId)) return false;
      const owner = this.ownerOf(clientId) ?? this.presenceOwners.get(clientId);
      return owner === undefined || owner === principal;
    });
    if (kept.length === 0) return;
    for (const { clientId, json, principal } of kept) if (json !== "null" && !this.presenceOwners.has(clientId)) this.presenceOwners.set(clientId, principal);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(kept), HEARD_ELSEWHERE);
  }

  /** Every state this process's own peers speak for, as it vouches for them. */
  vouched(): VouchedPresence[] {
    const states = this.awareness.getStates();
    return Array.from(this.speakers)
      .filter(([clientId]) => states.has(clientId))
      .map(([clientId, peer]) => this.entry(clientId, peer));
  }

  /** Observers among this process's peers. */
  get localObservers(): number {
    return this.observers;
  }

  /** Notes how many observers the other processes count, and shows the sum. */
  observedElsewhere(count: number): void {
    if (count === this.observersOnOthers) return;
    this.observersOnOthers = count;
    this.showObservers();
  }

  /**
   * Stops the awareness timers and unlinks. What the room's last peers changed (their removals, as
   * the room closes them) still goes to the other processes, so their clients do not wait for the timeout.
   */
  destroy(): void {
    this.relay();
    this.link.close().catch((error: unknown) => console.error("Unlinking a room's presence failed:", error));
    this.link = UNLINKED_PRESENCE;
    this.changed.clear();
    this.awareness.destroy();
  }

  /** Whether `peer` may set (or, with `removal`, clear) the state of `clientId`; claims it when it may. */
  private admits(peer: RoomPeer, clientId: number, removal: boolean): boolean {
    if (clientId === this.awareness.clientID) return false;
    const speaker = this.speakers.get(clientId);
    if (speaker !== undefined) return speaker === peer;
    // A stock client echoes others' departures: clearing a state no one speaks for claims nothing.
    if (removal) return false;
    const owner = this.ownerOf(clientId) ?? this.presenceOwners.get(clientId);
    if (owner !== undefined && owner !== peer.writer.principal) return false;
    const spoken = this.spokenFor.get(peer);
    if (!spoken || spoken.size >= MAX_PRESENCE_CLIENTS_PER_CONNECTION) return false;
    // The first id a connection announces is its own (the stock provider announces doc.clientID
    // before any update); any further one must have been used in the connection's own updates.
    if (spoken.size > 0 && !this.proven.get(peer)?.has(clientId)) return false;
    spoken.add(clientId);
    this.speakers.set(clientId, peer);
    this.presenceOwners.set(clientId, peer.writer.principal);
    return true;
  }

  /** Counts an observer in or out, and tells the other processes. */
  private countObservers(delta: number): void {
    this.observers += delta;
    this.link.observersChanged(this.observers);
    this.showObservers();
  }

  /**
   * Publishes how many observers follow the room, on every process, as the server's own presence
   * state. Clients read one count (the last entry with one), so each process shows the sum rather
   * than each relaying its own.
   */
  private showObservers(): void {
    const total = this.observers + this.observersOnOthers;
    if (total === 0 && this.awareness.getLocalState() === null) return;
    this.awareness.setLocalState(total > 0 ? { observers: total } : null);
  }

  /** The state of `clientId` as this process vouches for it, spoken for by `peer`. */
  private entry(clientId: number, peer: RoomPeer): VouchedPresence {
    const state: unknown = this.awareness.getStates().get(clientId) ?? null;
    return { clientId, clock: this.awareness.meta.get(clientId)?.clock ?? 0, json: JSON.stringify(state), principal: peer.writer.principal };
  }

  /** Notes what an applied update changed; the relay goes out once the tick's other frames are in. */
  private readonly gather = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const from = this.spokenFor.has(origin as RoomPeer) ? (origin as RoomPeer) : null;
    for (const clientId of [...added, ...updated, ...removed]) this.changed.set(clientId, from);
    if (this.relayScheduled) return;
    this.relayScheduled = true;
    // setImmediate, not a microtask: the frames of every socket read in this poll phase land first.
    setImmediate(this.relay);
  };

  /**
   * Sends every peer one frame with the latest state of each client id changed since the last
   * relay. One encoding serves the whole room: a sender gets its own entries back only when others
   * changed in the same tick, and drops them by their clock (y-protocols ignores a clock it holds).
   */
  private readonly relay = (): void => {
    this.relayScheduled = false;
    const changed = this.changed;
    if (changed.size === 0) return;
    this.changed = new Map();
    const senders = new Set(changed.values());
    const lone = senders.size === 1 ? Array.from(senders)[0]! : null;
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, Array.from(changed.keys())));
    for (const peer of this.peers) if (peer !== lone) peer.sendPresence(frame);
    // Only what this process's own peers changed leaves it: it has vouched for that, and for nothing else.
    const own = Array.from(changed).flatMap(([clientId, from]) => (from === null ? [] : [this.entry(clientId, from)]));
    if (own.length > 0) this.link.publish(own);
  };
}
