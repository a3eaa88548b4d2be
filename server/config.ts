/** The server's configuration, read from the environment once at start. */
import path from "node:path";
import { DEFAULT_HTTP_LIMITS } from "./http/httpLimits";

/** Settings a deployment may change, with their defaults. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The address people reach the server at, for the links it prints (`CONCORD_PUBLIC_URL`). */
  publicUrl: string | null;
  /** Connections one address may hold open (`CONCORD_MAX_CONNECTIONS_PER_ADDRESS`; 0 for no cap). */
  maxConnectionsPerAddress: number;
  /** Reverse proxies whose `X-Forwarded-For` names the client (`CONCORD_TRUSTED_PROXIES`, comma-separated IPs). */
  trustedProxies: string[];
  /** The PostgreSQL database to store everything in (`CONCORD_DATABASE_URL`); null: SQLite in `dataDir`. */
  databaseUrl: string | null;
  /** The Redis through which the processes of a cluster tell each other what changed (`CONCORD_REDIS_URL`); with `databaseUrl`, cluster mode. */
  redisUrl: string | null;
  /** Bench only (`CONCORD_BENCH_TRUST_OFF=1`): rooms get the trust-off guard (no checks, relay before commit). */
  benchTrustOff: boolean;
  /** Bench only (`CONCORD_BENCH_COMMIT_LOG=file`): where to write arrival-to-commit times at shutdown. */
  benchCommitLog: string | null;
}

/** Defaults of `PORT`, `HOST` and `CONCORD_DATA_DIR`. */
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "0.0.0.0";
export const DEFAULT_DATA_DIR = "./data";

/**
 * Reads `PORT`, `HOST`, `CONCORD_DATA_DIR`, `CONCORD_PUBLIC_URL`, `CONCORD_MAX_CONNECTIONS_PER_ADDRESS`,
 * `CONCORD_TRUSTED_PROXIES`, `CONCORD_DATABASE_URL` and `CONCORD_REDIS_URL`; throws a RangeError naming a bad value.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === "" ? DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`PORT must be 0–65535, not ${env.PORT}`);
  const cap = env.CONCORD_MAX_CONNECTIONS_PER_ADDRESS;
  const maxConnectionsPerAddress = cap === undefined || cap === "" ? DEFAULT_HTTP_LIMITS.maxConnectionsPerAddress : Number(cap);
  if (!Number.isInteger(maxConnectionsPerAddress) || maxConnectionsPerAddress < 0) {
    throw new RangeError(`CONCORD_MAX_CONNECTIONS_PER_ADDRESS must be a whole number (0 for no cap), not ${cap}`);
  }
  const publicUrl = env.CONCORD_PUBLIC_URL ? env.CONCORD_PUBLIC_URL.replace(/\/+$/, "") : null;
  if (publicUrl !== null && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new RangeError(`CONCORD_PUBLIC_URL must be an http(s) address, not ${env.CONCORD_PUBLIC_URL}`);
  const databaseUrl = env.CONCORD_DATABASE_URL || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new RangeError("CONCORD_DATABASE_URL must be a postgresql:// URL");
  const redisUrl = env.CONCORD_REDIS_URL || null;
  if (redisUrl !== null && databaseUrl === null) throw new RangeError("CONCORD_REDIS_URL needs CONCORD_DATABASE_URL: processes that share Redis share one PostgreSQL database");
  return {
    port,
    host: env.HOST || DEFAULT_HOST,
    dataDir: path.resolve(env.CONCORD_DATA_DIR || DEFAULT_DATA_DIR),
    publicUrl,
    maxConnectionsPerAddress,
    trustedProxies: (env.CONCORD_TRUSTED_PROXIES ?? "").split(",").map((address) => address.trim()).filter(Boolean),
    databaseUrl,
    redisUrl,
    benchTrustOff: env.CONCORD_BENCH_TRUST_OFF === "1",
    benchCommitLog: env.CONCORD_BENCH_COMMIT_LOG || null,
  };
}

/**
 * The address sign-in links begin with: `CONCORD_PUBLIC_URL` when set, else where a running server
 * listens (`listening`), else where the configured `HOST` and `PORT` put it. Null when no address
 * can be known: `PORT=0` picks a free port only when the server starts.
 */
export function publicBaseUrl(config: ServerConfig, listening?: string): string | null {
  if (config.publicUrl) return config.publicUrl;
  if (listening) return listening;
  if (config.port === 0) return null;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  return `http://${host.includes(":") ? `[${host}]` : host}:${config.port}`;
}
