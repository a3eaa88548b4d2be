/**
 * The parts of cluster mode that load the engines' clients: joining (the PostgreSQL store checked,
 * Redis connected) and the leased jobs. `startConcordServer` imports this module only when cluster
 * mode is asked for, so a process serving alone never loads Redis's client nor PostgreSQL's driver.
 */
import { PostgresStorage } from "../storage/PostgresStorage";
import type { Storage } from "../storage/Storage";
import { Cluster, type ClusterOptions } from "./Cluster";

export { ClusterJobs } from "./ClusterJobs";

/** Joins the cluster `options` names over `storage`, which must be the PostgreSQL store; throws when Redis is not reachable. */
export async function joinCluster(options: ClusterOptions, storage: Storage): Promise<Cluster> {
  if (!(storage instanceof PostgresStorage)) throw new RangeError("Cluster mode needs the PostgreSQL store: the processes share its log");
  return Cluster.open(options, storage);
}
