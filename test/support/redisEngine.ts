/**
 * A throwaway Redis: Debian's `redis-server` on a unix socket in a new folder, keeping nothing on
 * disk. The tests' servers (redis.ts) and the benchmark's (bench/engines.ts) both start theirs
 * here, so this file imports nothing of jest.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { engineFolder, recordStop } from "./testEngines";

/** Debian's server program: `CONCORD_REDIS_SERVER`, else `/usr/bin/redis-server`. */
const REDIS_SERVER = process.env.CONCORD_REDIS_SERVER || "/usr/bin/redis-server";

/** Longest wait for a new server's socket to appear. */
const START_DEADLINE_MS = 10_000;

/** A running Redis. `url` is what `CONCORD_REDIS_URL` would hold: ioredis reads a path as a socket. */
export interface RedisEngine {
  url: string;
  path: string;
  child: ChildProcess;
  /** Kills the server (SIGKILL, as a crash would) and resolves once it has exited; its folder stays, for a new server on the same socket. */
  kill(): Promise<void>;
  /** Kills the server (it keeps nothing) and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts a Redis of its own and resolves once its socket accepts connections; `prefix` (e.g.
 * `taskset -c 0`) goes before the program. Given the `folder` of a killed server, the new one
 * listens on the same socket.
 */
export async function startRedisEngine({ prefix = [], folder = engineFolder("redis") }: { prefix?: readonly string[]; folder?: string } = {}): Promise<RedisEngine> {
  if (!fs.existsSync(REDIS_SERVER)) throw new Error(`No ${REDIS_SERVER}: \`npm test\` installs Debian's redis-server (tools/installTestDeps.mjs)`);
  const socket = path.join(folder, "redis.sock");
  // A killed server leaves its socket file behind, which would pass for the new one's.
  fs.rmSync(socket, { force: true });
  const argv = [...prefix, REDIS_SERVER, "--port", "0", "--unixsocket", socket, "--unixsocketperm", "700", "--dir", folder, "--save", "", "--appendonly", "no"];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const record = recordStop("redis", ["kill", "-9", String(child.pid)]);
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }
    record.forget();
  };
  const stop = async () => {
    await kill();
    fs.rmSync(folder, { recursive: true, force: true });
  };
  for (let waited = 0; !fs.existsSync(socket); waited += 10) {
    if (child.exitCode !== null || waited > START_DEADLINE_MS) {
      await stop();
      throw new Error(`redis-server did not start: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { url: socket, path: socket, child, kill, stop };
}
