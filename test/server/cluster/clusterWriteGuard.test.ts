/**
 * Invariant 2 across processes (issue 16, acceptance 1's second half): the write-guard table
 * (`test/support/writeGuardTable.ts`) over two servers of a cluster, one PostgreSQL and one Redis,
 * with every attacker and writer on one server and the watchers on the other. Refused writes are
 * looked for, after both servers are closed, by a fresh reader on a fresh server of the cluster.
 */
import * as Y from "yjs";
import type { Room } from "../../../shared/documentLayout";
import { clusterEngines, openClusterServer } from "../../support/cluster";
import { connectStockClient } from "../../support/stockClient";
import { describeWriteGuardTable } from "../../support/writeGuardTable";

describeWriteGuardTable("the write guard across two servers of a cluster, for every role, root and key", async () => {
  const engines = await clusterEngines();
  const writers = await openClusterServer(engines);
  const watchers = await openClusterServer(engines);
  return {
    writers,
    watchers,
    async closeAndReread(draftId, rooms, chairToken) {
      await Promise.all([writers.close(), watchers.close()]);
      const fresh = await openClusterServer(engines);
      try {
        const docs = new Map<Room, Y.Doc>();
        for (const room of rooms) {
          const reader = await connectStockClient(fresh, draftId, { room, token: chairToken });
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc));
          reader.destroy();
          docs.set(room, doc);
        }
        return docs;
      } finally {
        await fresh.close();
      }
    },
  };
});
