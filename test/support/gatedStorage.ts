/** SQLite storage whose commits wait while its gate is shut, as a slow disk would make them. */
import type { Room } from "../../shared/documentLayout";
import { SqliteStorage } from "../../server/storage/SqliteStorage";
import type { WriteRecord } from "../../server/storage/Storage";

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
