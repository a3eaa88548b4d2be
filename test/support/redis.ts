/**
 * Redis for tests: a real `redis-server` on a unix socket in a temporary folder, keeping nothing on
 * disk (redisEngine.ts). It starts in milliseconds, so each caller gets a server of its own (no
 * state shared between tests), stopped after the test file; global teardown stops any a dead
 * worker left behind.
 */
import { startRedisEngine, type RedisEngine } from "./redisEngine";

/** Where a test Redis listens. `url` is what `CONCORD_REDIS_URL` would hold: ioredis reads a path as a socket. */
export interface TestRedis {
  url: string;
  path: string;
}

const running: RedisEngine[] = [];

/** Starts a Redis of its own and resolves once its socket accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  const redis = await startRedisEngine();
  running.push(redis);
  return { url: redis.url, path: redis.path };
}

afterAll(async () => {
  for (const redis of running.splice(0)) await redis.stop();
});
