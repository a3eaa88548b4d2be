/**
 * Redis for tests: a real `redis-server` on a unix socket in a temporary folder, keeping nothing on
 * disk. It starts in milliseconds, so each caller gets a server of its own (no state shared between
 * tests), stopped after the test file; global teardown stops any a dead worker left behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { engineFolder, recordStop } from "./testEngines";

/** Where a test Redis listens. `url` is what `CONCORD_REDIS_URL` would hold: ioredis reads a path as a socket. */
export interface TestRedis {
  url: string;
  path: string;
}

/** Debian's server program: `CONCORD_REDIS_SERVER`, else `/usr/bin/redis-server`. */
const REDIS_SERVER = process.env.CONCORD_REDIS_SERVER || "/usr/bin/redis-server";

const running: Array<{ child: ChildProcess; folder: string; forget(): void }> = [];

/** Starts a Redis of its own and resolves once its socket accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  if (!fs.existsSync(REDIS_SERVER)) throw new Error(`No ${REDIS_SERVER}: \`npm test\` installs Debian's redis-server (tools/installTestDeps.mjs)`);
  const folder = engineFolder("redis");
  const socket = path.join(folder, "redis.sock");
  const child = spawn(REDIS_SERVER, ["--port", "0", "--unixsocket", socket, "--unixsocketperm", "700", "--dir", folder, "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const record = recordStop("redis", ["kill", "-9", String(child.pid)]);
  running.push({ child, folder, forget: record.forget });
  for (let waited = 0; !fs.existsSync(socket); waited += 10) {
    if (child.exitCode !== null || waited > 10_000) throw new Error(`redis-server did not start: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { url: socket, path: socket };
}

afterAll(async () => {
  for (const { child, folder, forget } of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }
    forget();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
