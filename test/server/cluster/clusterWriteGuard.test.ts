/**
 * Invariant 2 across processes (issue 16, acceptance 1's second half): the write-guard table
 * (`test/support/writeGuardTable.ts`) over two processes of the built server sharing one PostgreSQL
 * and one Redis, with every attacker and writer on one process and the watchers on the other.
 * Refused writes are looked for, once both processes have stopped, by a fresh reader on a fresh process.
 */
import * as Y from "yjs";
import type { Room } from "../../../shared/documentLayout";
import type { ConcordServer } from "../../../server/ConcordServer";
import { PostgresStorage } from "../../../server/storage/PostgresStorage";
import { clusterEngines, openClusterProcess } from "../../support/cluster";
import type { ServerProcess } from "../../support/serverProcess";
import { connectStockClient } from "../../support/stockClient";
import { describeWriteGuardTable } from "../../support/writeGuardTable";

/** Stops a process as an administrator would (SIGTERM: it saves and exits). */
async function stop(member: ServerProcess): Promise<void> {
  member.child.kill("SIGTERM");
  const exit = await member.exited;
  if (exit !== 0) throw new Error(`A cluster process stopped with ${exit}:\n${member.output()}`);
}

describeWriteGuardTable("the write guard across two processes of a cluster, for every role, root and key", async () => {
  const engines = await clusterEngines();
  const storage = await PostgresStorage.open(engines.databaseUrl);
  const [writers, watchers] = await Promise.all([openClusterProcess(engines), openClusterProcess(engines)]);
  return {
    writers,
    watchers,
    storage,
    async closeAndReread(draftId, rooms, chairToken) {
      try {
        await Promise.all([stop(writers), stop(watchers)]);
        const fresh = await openClusterProcess(engines);
        const docs = new Map<Room, Y.Doc>();
        for (const room of rooms) {
          const reader = await connectStockClient({ url: fresh.url } as ConcordServer, draftId, { room, token: chairToken });
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc));
          reader.destroy();
          docs.set(room, doc);
        }
        await stop(fresh);
        return docs;
      } finally {
        await storage.close();
      }
    },
  };
});
