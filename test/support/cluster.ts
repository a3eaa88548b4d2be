/**
 * Cluster mode for tests (issue 16): Concord servers over one real PostgreSQL database and one real
 * Redis — in this process (`startTestCluster`), or as separate processes of the built server that a
 * test may kill (`startClusterProcess`). Nothing is mocked.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ConcordServer, ServerOptions } from "../../server/ConcordServer";
import { PostgresStorage } from "../../server/storage/PostgresStorage";
import { freshPostgresUrl } from "./postgres";
import { startRedis } from "./redis";
import { startServerProcess, type ServerProcess } from "./serverProcess";
import { startTestServer, tempDataDir } from "./testServer";

/** Where a test cluster's engines are, and how often its rooms check their heads (`HEAD_CHECK_MS` unless given). */
export interface ClusterEngines {
  databaseUrl: string;
  redisUrl: string;
  headCheckMs?: number;
}

/** A fresh database and a Redis of its own. */
export async function clusterEngines(): Promise<ClusterEngines> {
  const [databaseUrl, redis] = await Promise.all([freshPostgresUrl(), startRedis()]);
  return { databaseUrl, redisUrl: redis.url };
}

/** One more server of a cluster, in this process, with a store (a pool) of its own; closed after the test. */
export async function startClusterServer(engines: ClusterEngines, options: ServerOptions = {}): Promise<ConcordServer> {
  const storage = await PostgresStorage.open(engines.databaseUrl);
  if (!(await storage.joinCluster())) throw new Error("A process serving the database alone holds it");
  return startTestServer({ ...options, storage, cluster: engines });
}

/** `count` servers over fresh engines, in this process. */
export async function startTestCluster(count = 2, options: ServerOptions = {}): Promise<{ engines: ClusterEngines; servers: ConcordServer[] }> {
  const engines = await clusterEngines();
  const servers: ConcordServer[] = [];
  for (let index = 0; index < count; index++) servers.push(await startClusterServer(engines, options));
  return { engines, servers };
}

/** One process of a cluster: the built server's `serve`, killed after the test if still running. */
export function startClusterProcess(engines: ClusterEngines, extraEnv: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  return startServerProcess(tempDataDir(), "serve", clusterEnv(engines, extraEnv));
}

/** Data folders of the processes a file's tests share, removed after its last test. */
const fileFolders: string[] = [];

afterAll(() => {
  for (const folder of fileFolders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** One process of a cluster that a file's tests share (`beforeAll`): killed after the file's tests if still running. */
export function openClusterProcess(engines: ClusterEngines, extraEnv: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-cluster-"));
  fileFolders.push(dataDir);
  return startServerProcess(dataDir, "serve", clusterEnv(engines, extraEnv), "file");
}

function clusterEnv(engines: ClusterEngines, extraEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { CONCORD_DATABASE_URL: engines.databaseUrl, CONCORD_REDIS_URL: engines.redisUrl, ...extraEnv };
}
