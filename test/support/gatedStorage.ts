/** Stores whose commits wait while a gate is shut, as a slow disk would make them: a SQLite store built so, and a gate put on any store. */
import type { Room } from "../../shared/documentLayout";
import { SqliteStorage } from "../../server/storage/SqliteStorage";
import type { Storage, WriteRecord } from "../../server/storage/Storage";

/** SQLite storage whose commits wait while its gate is shut. */
export class GatedStorage extends SqliteStorage {
  private gate: Promise<void> = Promise.resolve();
  private openGate = () => {};

  /** Holds every later commit until `open`. */
  shut(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  /** Lets the held commits and every later one through. */
  open(): void {
    this.openGate();
  }

  override async appendUpdate(draftId: string, room: Room, update: Uint8Array, write?: WriteRecord): Promise<number> {
    await this.gate;
    return super.appendUpdate(draftId, room, update, write);
  }
}

/** A gate on one store's appends; `held` counts the appends waiting at it. */
export interface AppendGate {
  readonly held: number;
  /** Holds every later append until `open`. */
  shut(): void;
  /** Lets the held appends and every later one through. */
  open(): void;
}

/**
 * Holds the appends of any store while its gate is shut, as a slow commit would (the PostgreSQL
 * store cannot be subclassed: it is made by `open`). The store itself is the real one.
 */
export function gateAppends(storage: Storage): AppendGate {
  const append = storage.appendUpdate.bind(storage);
  let gate: Promise<void> = Promise.resolve();
  let openGate = () => {};
  let held = 0;
  storage.appendUpdate = async (...args) => {
    held++;
    try {
      await gate;
    } finally {
      held--;
    }
    return append(...args);
  };
  return {
    get held() {
      return held;
    },
    shut() {
      gate = new Promise((resolve) => (openGate = resolve));
    },
    open() {
      openGate();
    },
  };
}
