/**
 * A room's presence in cluster mode (issue 16, DESIGN.md section 8): over Redis only, never into the
 * database. What this process's clients change goes out on the room's presence channel once per tick,
 * already checked and stamped here; what the others publish is kept beside this process's own
 * states (`RoomPresence.heard`). A process that begins to listen, or gets its line to Redis back,
 * asks the others for everything present, so a client joining here sees clients of every process
 * (and, after a reconnect, says again what is present here).
 * Observer counts cross too, one per process, renewed while non-zero and forgotten when not renewed
 * within y-protocols' outdated timeout, as clients' own states are: a dead process's count vanishes.
 */
import { randomUUID } from "node:crypto";
import { outdatedTimeout } from "y-protocols/awareness";
import { log, LogEvent } from "../log";
import type { PresenceLink, PresenceLinker, SharedPresence, VouchedPresence } from "../sync/PresenceLink";
import type { Room as RoomName } from "../../shared/documentLayout";
import type { RedisBus } from "./RedisBus";
import { decodePresenceMessage, encodePresenceMessage, type PresenceMessage } from "./presenceMessages";
import { presenceChannel } from "./redisChannels";

/** How often a process says again how many observers it has, as a client renews its own state: half the outdated timeout. */
export const OBSERVER_COUNT_RENEW_MS = outdatedTimeout / 2;

/** How often counts not renewed in time are looked for, as y-protocols looks for outdated states. */
const OBSERVER_COUNT_CHECK_MS = outdatedTimeout / 10;

/** Another process's observer count, and when it was last heard. */
interface HeardCount {
  count: number;
  heardAt: number;
}

class ClusterPresence implements PresenceLink {
  private readonly channel: string;
  /** The observer count of each other process serving the room. */
  private readonly countsElsewhere = new Map<string, HeardCount>();
  private lastCountSent = 0;
  private unsubscribe: (() => Promise<void>) | null = null;
  private forgetReconnect: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly room: { draftId: string; name: RoomName },
    private readonly presence: SharedPresence,
    private readonly bus: RedisBus,
    /** This process, as its messages name it. */
    private readonly processId: string,
  ) {
    this.channel = presenceChannel(room.draftId, room.name);
  }

  /** Listens to the room's presence channel, then asks the others what is present. */
  async open(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(this.channel, this.heard);
    // What was published while the line was down is lost both ways: say again what is here, and ask again what is there.
    // ioredis has sent its SUBSCRIBE again before it reports ready, so the answers are heard.
    this.forgetReconnect = this.bus.onReconnect(() => {
      this.announce();
      this.send({ kind: "query", from: this.processId });
    });
    this.timer = setInterval(this.check, OBSERVER_COUNT_CHECK_MS);
    this.timer.unref();
    this.send({ kind: "query", from: this.processId });
  }

  publish(entries: readonly VouchedPresence[]): void {
    this.send({ kind: "states", from: this.processId, entries: Array.from(entries) });
  }

  observersChanged(count: number): void {
    this.sendCount(count);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.forgetReconnect?.();
    await this.unsubscribe?.();
  }

  /** Publishes everything present here: every state this process's clients hold, and its observer count. */
  private announce(): void {
    const entries = this.presence.vouched();
    if (entries.length > 0) this.publish(entries);
    if (this.presence.localObservers > 0) this.sendCount(this.presence.localObservers);
  }

  private sendCount(count: number): void {
    this.lastCountSent = Date.now();
    this.send({ kind: "observers", from: this.processId, count });
  }

  /** Publishes a message; presence lost on the way is renewed by its clients, so a failure is only logged. */
  private send(message: PresenceMessage): void {
    if (this.closed) return;
    this.bus.publish(this.channel, encodePresenceMessage(message)).catch((error: unknown) =>
      log.warn(LogEvent.crashAvoided, { during: "publishing presence", draftId: this.room.draftId, room: this.room.name, kind: message.kind, error }),
    );
  }

  private readonly heard = (bytes: Uint8Array): void => {
    if (this.closed) return;
    let message: PresenceMessage;
    try {
      message = decodePresenceMessage(bytes);
    } catch (error) {
      log.warn(LogEvent.crashAvoided, { during: "reading presence from another process", draftId: this.room.draftId, room: this.room.name, error });
      return;
    }
    // Redis hands a process its own messages too.
    if (message.from === this.processId) return;
    try {
      this.take(message);
    } catch (error) {
      // Thrown inside Redis's event handler, it would end the process: log it and go on.
      log.warn(LogEvent.crashAvoided, { during: "applying presence from another process", draftId: this.room.draftId, room: this.room.name, kind: message.kind, error });
    }
  };

  /** Acts on another process's message. */
  private take(message: PresenceMessage): void {
    switch (message.kind) {
      case "states":
        this.presence.heard(message.entries);
        return;
      case "query":
        this.announce();
        return;
      case "observers":
        if (message.count > 0) this.countsElsewhere.set(message.from, { count: message.count, heardAt: Date.now() });
        else this.countsElsewhere.delete(message.from);
        this.showCountsElsewhere();
        return;
    }
  }

  /** Renews this process's observer count when due, and forgets counts not renewed in time. */
  private readonly check = (): void => {
    const now = Date.now();
    const observers = this.presence.localObservers;
    if (observers > 0 && now - this.lastCountSent >= OBSERVER_COUNT_RENEW_MS) this.sendCount(observers);
    let forgot = false;
    for (const [sender, { heardAt }] of this.countsElsewhere) {
      if (now - heardAt < outdatedTimeout) continue;
      this.countsElsewhere.delete(sender);
      forgot = true;
    }
    if (forgot) this.showCountsElsewhere();
  };

  private showCountsElsewhere(): void {
    let total = 0;
    for (const { count } of this.countsElsewhere.values()) total += count;
    this.presence.observedElsewhere(total);
  }
}

/** Links the presence of each room of this process to the other processes, over the cluster's line to Redis. */
export function clusterPresence(bus: RedisBus): PresenceLinker {
  const processId = randomUUID();
  return async (room, presence) => {
    const link = new ClusterPresence(room, presence, bus, processId);
    await link.open();
    return link;
  };
}
