/**
 * What one process of a cluster shares with the others (DESIGN.md section 8, cluster mode): its line
 * to Redis, the doorbell on it, and the database that orders every room's log and holds the leases.
 * A server without one serves alone (SQLite, or PostgreSQL with the sole-server lock).
 */
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

  private constructor(
    readonly bus: RedisBus,
    readonly databaseUrl: string,
    readonly headCheckMs: number,
  ) {
    this.doorbell = new RoomDoorbell(bus, (channel, error) => log.warn(LogEvent.crashAvoided, { during: "reading a ring", channel, error }));
  }

  /** Connects to Redis; throws when it is not reachable. */
  static async open(options: ClusterOptions): Promise<Cluster> {
    return new Cluster(await RedisBus.open(options.redisUrl), options.databaseUrl, options.headCheckMs ?? HEAD_CHECK_MS);
  }

  /** Leaves the cluster: closes the line to Redis. */
  async close(): Promise<void> {
    await this.bus.close();
  }
}
