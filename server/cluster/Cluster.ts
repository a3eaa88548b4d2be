/**
 * What one process of a cluster shares with the others (DESIGN.md section 8, cluster mode): its line
 * to Redis, the doorbell on it, and the database that orders every room's log and holds the leases.
 * A server without one serves alone (SQLite, or PostgreSQL with the sole-server lock).
 */
import type { PostgresStorage } from "../storage/PostgresStorage";
import { HeadWatch } from "./HeadWatch";
import { RedisBus } from "./RedisBus";
import { RoomDoorbell } from "./RoomDoorbell";
import { log, LogEvent } from "../log";

/** How often a loaded room reads its head from the database, in case a ring was lost. */
export const HEAD_CHECK_MS = 2_000;

/** Where the cluster's engines are: `CONCORD_REDIS_URL` and `CONCORD_DATABASE_URL`. */
export interface ClusterOptions {
  redisUrl: string;
  databaseUrl: string;
  /** How often a loaded room reads its head from the database in case a ring was lost (`HEAD_CHECK_MS`). */
  headCheckMs?: number;
}

/** One process's membership of a cluster. */
export class Cluster {
  readonly doorbell: RoomDoorbell;
  /** Reads the loaded rooms' heads from the database every `headCheckMs`. */
  readonly heads: HeadWatch;

  private constructor(
    readonly bus: RedisBus,
    readonly storage: PostgresStorage,
    readonly databaseUrl: string,
    headCheckMs: number,
  ) {
    this.doorbell = new RoomDoorbell(bus, (channel, error) => log.warn(LogEvent.crashAvoided, { during: "reading a ring", channel, error }));
    this.heads = new HeadWatch(storage, headCheckMs);
    // What was rung while the line was down is lost: every loaded room reads its head again.
    bus.onReconnect(() => void this.heads.checkNow());
  }

  /** Connects to Redis; throws when it is not reachable. `storage` is the database the processes share. */
  static async open(options: ClusterOptions, storage: PostgresStorage): Promise<Cluster> {
    return new Cluster(await RedisBus.open(options.redisUrl), storage, options.databaseUrl, options.headCheckMs ?? HEAD_CHECK_MS);
  }

  /** Leaves the cluster: stops the head checks and closes the line to Redis. */
  async close(): Promise<void> {
    this.heads.stop();
    await this.bus.close();
  }
}
