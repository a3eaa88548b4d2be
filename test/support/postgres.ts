/**
 * PostgreSQL for tests: Debian's own binaries run a real cluster in a temporary folder, listening
 * only on a unix socket there, and each caller gets a fresh database of it.
 *
 * One cluster serves the whole jest run. initdb and start take about 1.5 s, more on a loaded
 * machine, and a cluster per test file would pay that in every file that needs one. So the first
 * file that asks starts the cluster in the run's engines folder (under a lock, as another worker
 * may ask at the same moment), the others wait for it, and global teardown stops it. Files still
 * share no state: each has a database of its own (CREATE DATABASE), and each store a schema in it.
 * Without jest's global setup (no engines folder), a file starts its own cluster and stops it after its tests.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { postgresUrl, startPostgresEngine, type PostgresEngine } from "./postgresEngine";
import { sharedEnginesDir } from "./testEngines";

/** No fsync: the machine never crashes under a test, and a test that kills a process kills Concord's, never PostgreSQL. */
const TEST_SETTINGS = ["fsync=off", "full_page_writes=off", "shared_buffers=32MB", "max_connections=200"];

/** Creates a cluster in a new folder and starts it with the tests' settings. */
function startCluster(): PostgresEngine {
  return startPostgresEngine({ settings: TEST_SETTINGS });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The run's shared cluster: started by whichever worker takes the lock first; the others wait for its socket. */
async function sharedCluster(enginesDir: string): Promise<string> {
  const ready = path.join(enginesDir, "postgres.ready");
  const failed = path.join(enginesDir, "postgres.failed");
  try {
    fs.mkdirSync(path.join(enginesDir, "postgres.lock"));
  } catch {
    for (let waited = 0; waited < 120_000; waited += 50) {
      if (fs.existsSync(ready)) return fs.readFileSync(ready, "utf8");
      if (fs.existsSync(failed)) throw new Error(`The run's PostgreSQL did not start: ${fs.readFileSync(failed, "utf8")}`);
      await sleep(50);
    }
    throw new Error("The run's PostgreSQL did not start within 120 s");
  }
  try {
    // Global teardown stops it through the recorded stop command.
    const { socketDir } = startCluster();
    fs.writeFileSync(`${ready}.tmp`, socketDir);
    fs.renameSync(`${ready}.tmp`, ready);
    return socketDir;
  } catch (error) {
    fs.writeFileSync(failed, String(error instanceof Error && "stderr" in error ? `${error.message}\n${String(error.stderr)}` : error));
    throw error;
  }
}

let socketDirOfFile: Promise<string> | null = null;
let ownCluster: PostgresEngine | null = null;

/** The socket folder of this file's cluster, starting it (or the run's) on first use. */
function clusterSocketDir(): Promise<string> {
  socketDirOfFile ??= (async () => {
    const shared = sharedEnginesDir();
    if (shared) return sharedCluster(shared);
    ownCluster = startCluster();
    return ownCluster.socketDir;
  })();
  return socketDirOfFile;
}

/** Runs statements in one database of the cluster, on a connection of their own. */
async function administer(database: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl(await clusterSocketDir(), database) });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

let databaseOfFile: Promise<string> | null = null;

/** This test file's own database, created on first use (files never share one) and dropped after the file. */
function fileDatabase(): Promise<string> {
  databaseOfFile ??= (async () => {
    const name = `concord_${randomBytes(6).toString("hex")}`;
    // FILE_COPY: copying the template file by file is quicker than writing it all through the WAL.
    await administer("postgres", `CREATE DATABASE ${name} STRATEGY = FILE_COPY`);
    return name;
  })();
  return databaseOfFile;
}

/**
 * The connection URL of a new, empty store: a schema of its own (as `search_path`) in this test
 * file's database, so every call starts from nothing at the cost of a CREATE SCHEMA rather than
 * the half second of a CREATE DATABASE (`postgresql://postgres@/concord_…?host=/tmp/…&options=…`).
 */
export async function freshPostgresUrl(): Promise<string> {
  const database = await fileDatabase();
  const schema = `store_${randomBytes(6).toString("hex")}`;
  await administer(database, `CREATE SCHEMA ${schema}`);
  return postgresUrl(await clusterSocketDir(), database, schema);
}

/**
 * Makes the database of `url` (a `freshPostgresUrl`) unavailable, as when PostgreSQL is down for its
 * clients: it refuses new connections and its open ones are ended. Resolves with what brings it back.
 * Every store of the test file shares the database, so the test brings it back before it ends.
 */
export async function takeDatabaseDown(url: string): Promise<() => Promise<void>> {
  const name = /^postgresql:\/\/[^/]*\/([^?]+)/.exec(url)?.[1];
  if (name === undefined || name !== (await fileDatabase())) throw new RangeError(`${url} is not a database of this test file`);
  await administer(
    "postgres",
    `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`,
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`,
  );
  return () => administer("postgres", `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
}

afterAll(async () => {
  if (databaseOfFile !== null) {
    // FORCE: a pool that a failed test left open must not keep the database alive.
    await administer("postgres", `DROP DATABASE IF EXISTS ${await databaseOfFile} WITH (FORCE)`);
  }
  ownCluster?.stop();
});
