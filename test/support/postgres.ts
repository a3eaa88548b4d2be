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
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { engineFolder, isRoot, recordStop, sharedEnginesDir } from "./testEngines";

/** A running cluster: the folder of its unix socket, and how to stop it. */
interface Cluster {
  socketDir: string;
  stop(): void;
}

/** The user that owns the cluster when the tests run as root (Debian's package creates it). */
const CLUSTER_OWNER = "postgres";

/** The folder of PostgreSQL's programs: `CONCORD_POSTGRES_BIN`, else Debian's newest `/usr/lib/postgresql/<version>/bin`. */
export function postgresBinDir(): string {
  if (process.env.CONCORD_POSTGRES_BIN) return process.env.CONCORD_POSTGRES_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((version) => fs.existsSync(path.join(root, version, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) throw new Error(`No PostgreSQL under ${root}: \`npm test\` installs Debian's postgresql (tools/installTestDeps.mjs), or set CONCORD_POSTGRES_BIN`);
  return path.join(root, newest, "bin");
}

/** The argv that runs one of PostgreSQL's programs as the cluster's owner. */
function asOwner(program: string, args: string[]): string[] {
  const file = path.join(postgresBinDir(), program);
  return isRoot() ? ["runuser", "-u", CLUSTER_OWNER, "--", file, ...args] : [file, ...args];
}

function run([command, ...args]: string[]): void {
  execFileSync(command!, args, { stdio: ["ignore", "ignore", "pipe"] });
}

/** Creates a cluster in a new folder and starts it on a unix socket there; no TCP port is opened. */
function startCluster(): Cluster {
  const folder = engineFolder("postgres");
  if (isRoot()) execFileSync("chown", [CLUSTER_OWNER, folder]);
  const dataDir = path.join(folder, "data");
  // Trust on a socket only this folder holds; no fsync: the machine never crashes under a test,
  // and a test that kills a process kills Concord's, never PostgreSQL.
  run(asOwner("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]));
  const settings = ["listen_addresses=''", `unix_socket_directories='${folder}'`, "fsync=off", "full_page_writes=off", "shared_buffers=32MB", "max_connections=200"];
  const stopArgv = asOwner("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
  const record = recordStop("postgres", stopArgv);
  run(asOwner("pg_ctl", ["-D", dataDir, "-l", path.join(folder, "server.log"), "-w", "-o", settings.map((setting) => `-c ${setting}`).join(" "), "start"]));
  return {
    socketDir: folder,
    stop() {
      run(stopArgv);
      record.forget();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
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
let ownCluster: Cluster | null = null;

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

/** A connection URL of database `name` on the cluster listening in `socketDir`, with `search_path` set to `schema`. */
function connectionUrl(socketDir: string, name: string, schema?: string): string {
  const options = schema === undefined ? "" : `&options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return `postgresql://postgres@/${name}?host=${encodeURIComponent(socketDir)}${options}`;
}

/** Runs statements in one database of the cluster, on a connection of their own. */
async function administer(database: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: connectionUrl(await clusterSocketDir(), database) });
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
  return connectionUrl(await clusterSocketDir(), database, schema);
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
