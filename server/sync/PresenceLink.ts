/**
 * What a room's presence says to, and hears from, the other processes serving the room — the part
 * a room is given beside its `RoomLink` (`Room.ts`). Presence travels between processes only, never
 * into the database (DESIGN.md section 8). Serving alone there is no one to tell (`LOCAL_PRESENCE`);
 * in cluster mode it goes over Redis (`server/cluster/ClusterPresence.ts`). It is kept apart from the
 * room's link because that link is remade whenever the document is rebuilt, and presence is not.
 */
import type { Room as RoomName } from "../../shared/documentLayout";

/** One client id's presence as the process that speaks for it vouches for it: already checked and stamped. */
export interface VouchedPresence {
  clientId: number;
  /** The y-protocols awareness clock of the state: a state with a lower clock than one held is stale. */
  clock: number;
  /** The stamped state as JSON; `"null"` when the client's presence was removed. */
  json: string;
  /** The principal whose connection speaks for the client id, so no other principal may take it elsewhere. */
  principal: string;
}

/** The side of a room's presence a link needs: how to apply what others vouch for, and what this process vouches for. */
export interface SharedPresence {
  /** Applies presence another process vouched for, and relays it to this process's clients. */
  heard(entries: readonly VouchedPresence[]): void;
  /** Every state this process's own clients hold now, to answer another process that asks. */
  vouched(): VouchedPresence[];
  /** How many observers follow the room on this process. */
  readonly localObservers: number;
  /** How many observers follow the room on the other processes, in all: the count clients see adds them up. */
  observedElsewhere(count: number): void;
}

/** One room's presence link to the other processes. */
export interface PresenceLink {
  /** Tells the others what this process's clients changed in one tick (removals included). */
  publish(entries: readonly VouchedPresence[]): void;
  /** Tells the others how many observers follow the room on this process now. */
  observersChanged(count: number): void;
  /** Stops listening. */
  close(): Promise<void>;
}

/** Links the presence of room `name` of `draftId` to the other processes. */
export type PresenceLinker = (room: { draftId: string; name: RoomName }, presence: SharedPresence) => Promise<PresenceLink>;

/** A link to no one: what a room's presence holds before it is linked, and all it ever holds serving alone. */
export const UNLINKED_PRESENCE: PresenceLink = {
  publish: () => {},
  observersChanged: () => {},
  close: async () => {},
};

/** The presence link of a process serving alone. */
export const LOCAL_PRESENCE: PresenceLinker = async () => UNLINKED_PRESENCE;
