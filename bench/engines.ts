/**
 * The database engines of the cluster and commit-cost scenarios: one PostgreSQL and one Redis,
 * started by the bench in temporary folders (through the same jest-free code the tests use) and
 * stopped after. Both run on the server core, like Concord: everything the server side needs
 * shares one core, so a configuration with more processes gets no more CPU than one without.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { postgresUrl, startPostgresEngine, type PostgresEngine } from "../test/support/postgresEngine";
import { startRedisEngine, type RedisEngine } from "../test/support/redisEngine";
import { serverCorePrefix } from "./pinning";
import { cpuSeconds, treeCpuSeconds } from "./processStats";

/**
 * PostgreSQL as deployed, not as tested: fsync and synchronous_commit stay on (the defaults), so a
 * commit waits for its WAL to reach the disk. Only the connection cap is raised, for two processes' pools.
 */
const BENCH_POSTGRES_SETTINGS = ["max_connections=200"];

/** The running engines. */
export interface BenchEngines {
  /** A new, empty database for one server's run, dropped by `dropDatabase`. */
  freshDatabase(): Promise<string>;
  dropDatabase(url: string): Promise<void>;
  redisUrl: string;
  /** CPU seconds used so far by PostgreSQL (its postmaster and every backend). */
  postgresCpuSeconds(): number;
  /** CPU seconds used so far by Redis. */
  redisCpuSeconds(): number;
  stop(): Promise<void>;
}

/** Runs one statement in the cluster's `postgres` database. */
async function administer(engine: PostgresEngine, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl(engine.socketDir, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts PostgreSQL and Redis on the server core. */
export async function startBenchEngines(): Promise<BenchEngines> {
  const prefix = serverCorePrefix();
  const postgres = startPostgresEngine({ settings: BENCH_POSTGRES_SETTINGS, prefix });
  let redis: RedisEngine;
  try {
    redis = await startRedisEngine({ prefix });
  } catch (error) {
    postgres.stop();
    throw error;
  }
  const databases = new Map<string, string>();
  return {
    async freshDatabase() {
      const name = `concord_bench_${randomBytes(6).toString("hex")}`;
      await administer(postgres, `CREATE DATABASE ${name}`);
      const url = postgresUrl(postgres.socketDir, name);
      databases.set(url, name);
      return url;
    },
    async dropDatabase(url) {
      const name = databases.get(url);
      if (name === undefined) throw new RangeError(`Not a database of the bench: ${url}`);
      databases.delete(url);
      // FORCE: a server that died mid-run must not keep the database alive.
      await administer(postgres, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
    redisUrl: redis.url,
    postgresCpuSeconds: () => treeCpuSeconds(postgres.postmasterPid),
    redisCpuSeconds: () => cpuSeconds(redis.child.pid!),
    async stop() {
      await redis.stop();
      postgres.stop();
    },
  };
}
