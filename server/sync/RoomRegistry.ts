/**
 * The rooms loaded in this process: a room is loaded from storage when its first client arrives
 * and unloaded (after compacting its log) once it has been idle for a while.
 */
import type { Room as RoomName } from "../../shared/documentLayout";
import type { Storage } from "../storage/Storage";
import { Room, type RoomOptions } from "./Room";

/** How long a room without clients stays loaded, so a reconnect does not reload it. */
export const ROOM_IDLE_UNLOAD_MS = 30_000;

/** Loads rooms lazily and unloads them when idle. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly storage: Storage,
    private readonly idleUnloadMs = ROOM_IDLE_UNLOAD_MS,
    private readonly roomOptions: RoomOptions = {},
  ) {}

  /** The room, loading it on first use; null when the draft does not exist. */
  async open(draftId: string, name: RoomName): Promise<Room | null> {
    const key = `${draftId}/${name}`;
    this.cancelUnload(key);
    let loading = this.rooms.get(key);
    if (!loading) {
      if (!(await this.storage.getDraft(draftId))) return null;
      // Another client may have started loading while the draft was looked up.
      loading = this.rooms.get(key) ?? Room.load(this.storage, draftId, name, this.roomOptions);
      this.rooms.set(key, loading);
      loading.catch(() => this.rooms.delete(key));
    }
    return loading;
  }

  /** The room if it is loaded now, without loading it. */
  async loaded(draftId: string, name: RoomName): Promise<Room | null> {
    const loading = this.rooms.get(`${draftId}/${name}`);
    return loading ? loading.catch(() => null) : null;
  }

  /** Called when a client leaves: schedules the unload of a room left without clients. */
  released(room: Room): void {
    if (!room.idle) return;
    const key = `${room.draftId}/${room.name}`;
    this.cancelUnload(key);
    const timer = setTimeout(() => void this.unload(key, room), this.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(key, timer);
  }

  /** Number of rooms loaded now. */
  get size(): number {
    return this.rooms.size;
  }

  /** Compacts and unloads every room, closing their clients. */
  async closeAll(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = await Promise.allSettled(this.rooms.values());
    this.rooms.clear();
    for (const result of rooms) {
      if (result.status !== "fulfilled") continue;
      await result.value.compact().catch(() => undefined);
      result.value.destroy();
    }
  }

  private cancelUnload(key: string): void {
    const timer = this.unloadTimers.get(key);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(key);
  }

  private async unload(key: string, room: Room): Promise<void> {
    this.unloadTimers.delete(key);
    if (!room.idle || (await this.rooms.get(key)) !== room) return;
    this.rooms.delete(key);
    await room.compact().catch((error: unknown) => console.error(`Compaction failed for ${key}:`, error));
    room.destroy();
  }
}
