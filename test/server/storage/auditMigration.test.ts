/** A data folder from before the audit kept words is brought up to date in place, and its old entries still read. */
import path from "node:path";
import Database from "better-sqlite3";
import * as Y from "yjs";
import { Room } from "../../../shared/documentLayout";
import { SQLITE_FILE_NAME, SqliteStorage } from "../../../server/storage/SqliteStorage";
import { tempDataDir } from "../../support/testServer";

const at = "2026-11-23T09:00:00.000Z";

describe("the audit's storage migration", () => {
  it("adds the words to an older database, keeps its entries, and filters new ones by paragraph", async () => {
    const dataDir = tempDataDir();
    const draft = { id: "olddraft01", title: "Old", createdAt: at, observersReadFloor: false, observersReadContributions: false, symbol: null, progress: null };
    const first = new SqliteStorage(dataDir);
    await first.createDraft(draft, new Map([[Room.text, Y.encodeStateAsUpdate(new Y.Doc())]]));
    await first.close();
    // Back to the schema of the previous Concord (user_version 4), with one entry as it wrote them.
    const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
    db.exec(
      "ALTER TABLE drafts DROP COLUMN observers_read_contributions; DROP TABLE revisions; DROP INDEX credentials_by_membership; ALTER TABLE users DROP COLUMN organizer; " +
        "DROP INDEX audit_by_principal; DROP TABLE audit_pids; ALTER TABLE audit DROP COLUMN words; PRAGMA user_version = 4;",
    );
    db.prepare("INSERT INTO audit (draft_id, room, principal, user_id, at, touched) VALUES (?, ?, ?, ?, ?, ?)").run(draft.id, Room.text, "chair", "u1", at, JSON.stringify([{ root: "content", key: null }]));
    db.close();

    const storage = new SqliteStorage(dataDir);
    try {
      const words = { paragraphs: [{ pid: "p3", start: 0, rest: 0, before: "open", after: "free and open" }] };
      await storage.appendUpdate(draft.id, Room.text, Y.encodeStateAsUpdate(new Y.Doc()), { principal: "chair", userId: "u1", at, touched: [{ root: "content", key: null }], newClientIds: [], words, pids: ["p3"] });
      const entries = await storage.readAudit(draft.id, { limit: 10 });
      expect(entries.map((entry) => entry.words)).toEqual([words, null]);
      expect((await storage.readAudit(draft.id, { limit: 10, pid: "p3" })).map((entry) => entry.words)).toEqual([words]);
      expect(await storage.readAudit(draft.id, { limit: 10, pid: "p3", principal: "state:CUB" })).toEqual([]);
    } finally {
      await storage.close();
    }
  });
});
