/**
 * Redis for tests: a real `redis-server` on a unix socket in a temporary folder, keeping nothing on
 * disk. It starts in milliseconds, so each caller gets a server of its own (no state shared between
 * tests), stopped after the test file; global teardown stops any a dead worker left behind. A test
 * of Redis going away kills it and starts it again on the same socket.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { engineFolder, recordStop } from "./testEngines";

/** Where a test Redis listens. `url` is what `CONCORD_REDIS_URL` would hold: ioredis reads a path as a socket. */
export interface TestRedis {
  url: string;
  path: string;
  /** Kills the server (SIGKILL, as a crash would) and resolves once it has exited; its socket goes with it. */
  kill(): Promise<void>;
  /** Starts a new, empty server on the same socket and resolves once it accepts connections. */
  restart(): Promise<void>;
}

/** Debian's server program: `CONCORD_REDIS_SERVER`, else `/usr/bin/redis-server`. */
const REDIS_SERVER = process.env.CONCORD_REDIS_SERVER || "/usr/bin/redis-server";

/** How long a server may take to open its socket. */
const START_WITHIN_MS = 10_000;

interface Running {
  child: ChildProcess;
  forget(): void;
}

const running = new Set<Running>();
const folders: string[] = [];

/** Runs one server on `socket` in `folder` and resolves once the socket exists. */
async function runServer(folder: string, socket: string): Promise<Running> {
  // A killed server leaves its socket file behind, which would pass for the new one's.
  fs.rmSync(socket, { force: true });
  const child = spawn(REDIS_SERVER, ["--port", "0", "--unixsocket", socket, "--unixsocketperm", "700", "--dir", folder, "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const record = recordStop("redis", ["kill", "-9", String(child.pid)]);
  const server = { child, forget: record.forget };
  running.add(server);
  for (let waited = 0; !fs.existsSync(socket); waited += 10) {
    if (child.exitCode !== null || waited > START_WITHIN_MS) throw new Error(`redis-server did not start: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return server;
}

/** Kills a server and waits for it to exit. */
async function killServer(server: Running): Promise<void> {
  running.delete(server);
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
  server.forget();
}

/** Starts a Redis of its own and resolves once its socket accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  if (!fs.existsSync(REDIS_SERVER)) throw new Error(`No ${REDIS_SERVER}: \`npm test\` installs Debian's redis-server (tools/installTestDeps.mjs)`);
  const folder = engineFolder("redis");
  folders.push(folder);
  const socket = path.join(folder, "redis.sock");
  let current: Running | null = await runServer(folder, socket);
  return {
    url: socket,
    path: socket,
    async kill() {
      if (current) await killServer(current);
      current = null;
    },
    async restart() {
      if (current) await killServer(current);
      current = await runServer(folder, socket);
    },
  };
}

afterAll(async () => {
  for (const server of Array.from(running)) await killServer(server);
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
