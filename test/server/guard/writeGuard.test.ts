/**
 * Invariant 2 on one server: the write-guard table (`test/support/writeGuardTable.ts`) with the
 * attackers, writers and watchers on one server over SQLite, and the refused writes looked for in
 * the database after the server is closed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { startConcordServer } from "../../../server/ConcordServer";
import { SqliteStorage } from "../../../server/storage/SqliteStorage";
import { describeWriteGuardTable } from "../../support/writeGuardTable";

describeWriteGuardTable("the write guard, for every role, root and key", async () => {
  // Not `tempDataDir()`: it is removed after the first test, and the reread would find an empty database.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-guard-"));
  const server = await startConcordServer({ dataDir, port: 0 });
  return {
    writers: server,
    watchers: server,
    storage: server.storage,
    async closeAndReread(draftId, rooms) {
      await server.close();
      const storage = new SqliteStorage(dataDir);
      try {
        const docs = new Map<(typeof rooms)[number], Y.Doc>();
        for (const room of rooms) {
          const doc = new Y.Doc();
          for (const { update } of await storage.loadUpdates(draftId, room)) Y.applyUpdate(doc, update);
          docs.set(room, doc);
        }
        return docs;
      } finally {
        await storage.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
});
