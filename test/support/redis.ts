/**
 * Redis for tests: a real `redis-server` on a unix socket in a temporary folder, keeping nothing on
 * disk (redisEngine.ts). It starts in milliseconds, so each caller gets a server of its own (no
 * state shared between tests), stopped after the test file; global teardown stops any a dead
 * worker left behind. A test of Redis going away kills it and starts it again on the same socket.
 */
import path from "node:path";
import { startRedisEngine, type RedisEngine } from "./redisEngine";

/** Where a test Redis listens. `url` is what `CONCORD_REDIS_URL` would hold: ioredis reads a path as a socket. */
export interface TestRedis {
  url: string;
  path: string;
  /** Kills the server (SIGKILL, as a crash would) and resolves once it has exited; its socket goes with it. */
  kill(): Promise<void>;
  /** Starts a new, empty server on the same socket and resolves once it accepts connections. */
  restart(): Promise<void>;
}

/** Every server started for this file: the current one of each `TestRedis`. */
const running = new Set<RedisEngine>();

/** Starts a Redis of its own and resolves once its socket accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  let current = await startRedisEngine();
  running.add(current);
  const folder = path.dirname(current.path);
  return {
    url: current.url,
    path: current.path,
    kill: () => current.kill(),
    async restart() {
      await current.kill();
      running.delete(current);
      current = await startRedisEngine({ folder });
      running.add(current);
    },
  };
}

afterAll(async () => {
  for (const redis of Array.from(running)) await redis.stop();
  running.clear();
});
