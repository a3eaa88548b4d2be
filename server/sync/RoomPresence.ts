/**
 * A room's presence (y-protocols awareness) as the server vouches for it. A connection speaks only
 * for client ids it has proven: the first it announces, and those its own accepted updates used, up
 * to `MAX_PRESENCE_CLIENTS_PER_CONNECTION`; never for the server's own entry, an id another
 * connection speaks for, or one another principal (the server included) wrote with or spoke for.
 * States are stamped with the identity the server knows; observers are counted, not shown.
 * Changes are relayed once per tick: each peer gets one frame with the latest state of every client
 * id that changed in the tick, whoever sent it, so a room of N carets costs N frames a tick, not N².
 */
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { Role } from "../../shared/roles";
import type { RoomPeer } from "./Room";
import { MAX_PRESENCE_CLIENTS_PER_CONNECTION } from "./socketLimits";
import { stampAwareness } from "./stampAwareness";
import { encodeAwareness } from "./syncMessages";

/** The presence of one room: join and leave with the room's peers, apply what they send. */
export class RoomPresence {
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
  /** Client ids changed since the last relay, each with the peer that changed it (null: the server). */
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
    this.spokenFor.delete(peer);
    this.proven.delete(peer);
    if (peer.writer.author.role === Role.observer) this.countObservers(-1);
    for (const clientId of spoken) this.speakers.delete(clientId);
    const present = Array.from(spoken).filter((clientId) => this.awareness.getStates().has(clientId));
    if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, peer);
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

  /** Stops the awareness timers; changes not yet relayed are dropped with the room. */
  destroy(): void {
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

  /** Publishes how many observers follow the room, as the server's own presence state. */
  private countObservers(delta: number): void {
    this.observers += delta;
    this.awareness.setLocalState(this.observers > 0 ? { observers: this.observers } : null);
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
  };
}
