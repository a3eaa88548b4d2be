/**
 * The SQLite store commits a tick's appends together. Asking whether a room has anything stored (the
 * status publisher does after every change) must answer from the pending appends without
 * committing them early, which would split every group commit in two.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { Room } from "../../../shared/documentLayout";
import { SQLITE_FILE_NAME, SqliteStorage } from "../../../server/storage/SqliteStorage";
import { onTestEnd } from "../../support/cleanup";
import { tempDataDir } from "../../support/testServer";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("SQLite group commit", () => {
  it("answers whether a room has updates from a pending append without committing the group early", async () => {
    const dataDir = tempDataDir();
    const storage = new SqliteStorage(dataDir);
    onTestEnd(() => storage.close());
    await storage.createDraft({ id: "draft00001", title: "Group", createdAt: "2026-11-23T09:00:00.000Z", observersReadFloor: false, observersReadContributions: false, symbol: null, progress: null }, new Map([[Room.text, bytes("initial")]]));
    const reader = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    onTestEnd(() => reader.close());
    const stored = () => (reader.prepare("SELECT count(*) AS n FROM updates").get() as { n: number }).n;

    const appends = [storage.appendUpdate("draft00001", Room.floor, bytes("a stance")), storage.appendUpdate("draft00001", Room.text, bytes("an edit"))];
    expect(await storage.hasUpdates("draft00001", Room.floor)).toBe(true);
    expect(await storage.hasUpdates("draft00001", Room.text)).toBe(true);
    expect(stored()).toBe(1);

    const [floorSeq, textSeq] = await Promise.all(appends);
    expect(textSeq).toBe(floorSeq! + 1);
    expect(stored()).toBe(3);
  });
});
