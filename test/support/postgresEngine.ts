/**
 * A throwaway PostgreSQL: Debian's own binaries run a real cluster in a new folder, listening only
 * on a unix socket there. The tests' cluster (postgres.ts) and the benchmark's (bench/engines.ts)
 * both start theirs here, so this file imports nothing of jest.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { engineFolder, isRoot, recordStop } from "./testEngines";

/** The user that owns the cluster when the caller runs as root (Debian's package creates it). */
const CLUSTER_OWNER = "postgres";

/** The file in the data folder whose first line is the postmaster's process id. */
const POSTMASTER_PID_FILE = "postmaster.pid";

/** How to start a cluster. */
export interface PostgresEngineOptions {
  /** Settings beyond where it listens (`name=value`, passed as `-c`), e.g. `fsync=off` for tests. */
  settings?: readonly string[];
  /** Words put before every program the cluster runs as, e.g. `taskset -c 0` to pin it and its backends. */
  prefix?: readonly string[];
}

/** A running cluster. */
export interface PostgresEngine {
  /** The folder of its unix socket. */
  socketDir: string;
  /** The process id of the postmaster, parent of every backend. */
  postmasterPid: number;
  stop(): void;
}

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
function asOwner(program: string, args: string[], prefix: readonly string[] = []): string[] {
  const file = path.join(postgresBinDir(), program);
  return [...prefix, ...(isRoot() ? ["runuser", "-u", CLUSTER_OWNER, "--", file, ...args] : [file, ...args])];
}

function run([command, ...args]: string[]): void {
  execFileSync(command!, args, { stdio: ["ignore", "ignore", "pipe"] });
}

/** The connection URL of database `name` on the cluster listening in `socketDir`, with `search_path` set to `schema` when given. */
export function postgresUrl(socketDir: string, name: string, schema?: string): string {
  const options = schema === undefined ? "" : `&options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return `postgresql://postgres@/${name}?host=${encodeURIComponent(socketDir)}${options}`;
}

/**
 * Creates a cluster in a new folder (in a test run's engines folder when there is one, so global
 * teardown stops it even after a crash) and starts it on a unix socket there; no TCP port is opened.
 */
export function startPostgresEngine({ settings = [], prefix = [] }: PostgresEngineOptions = {}): PostgresEngine {
  const folder = engineFolder("postgres");
  if (isRoot()) execFileSync("chown", [CLUSTER_OWNER, folder]);
  const dataDir = path.join(folder, "data");
  // Trust on a socket only this folder holds. --no-sync: a lost new cluster is simply made again.
  run(asOwner("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]));
  const all = ["listen_addresses=''", `unix_socket_directories='${folder}'`, ...settings];
  const stopArgv = asOwner("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
  const record = recordStop("postgres", stopArgv);
  run(asOwner("pg_ctl", ["-D", dataDir, "-l", path.join(folder, "server.log"), "-w", "-o", all.map((setting) => `-c ${setting}`).join(" "), "start"], prefix));
  const postmasterPid = Number(fs.readFileSync(path.join(dataDir, POSTMASTER_PID_FILE), "utf8").split("\n")[0]);
  return {
    socketDir: folder,
    postmasterPid,
    stop() {
      run(stopArgv);
      record.forget();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
