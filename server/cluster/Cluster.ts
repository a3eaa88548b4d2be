/**
 * What one process of a cluster shares with the others (DESIGN.md section 8, cluster mode): its line
 * to Redis, the doorbell on it, and the database that orders every room's log and holds the leases.
 * A server without one serves alone (SQLite, or PostgreSQL with the sole-server lock).
 */
import { RedisBus } from "./RedisBus";
import { RoomDoorbell } from "./RoomDoorbell";
import { log, LogEvent } from "../log";

/** Where the cluster's engines are: `CONCORD_REDIS_URL` and `CONCORD_DATABASE_URL`. */
export interface ClusterOptions {
  redisUrl: string;
  databaseUrl: string;
}

/** One process's membership of a cluster. */
export class Cluster {
  readonly doorbell: RoomDoorbell;

  private constructor(
    readonly bus: RedisBus,
    readonly databaseUrl: string,
  ) {
    this.doorbell = new RoomDoorbell(bus, (channel, error) => log.warn(LogEvent.crashAvoided, { during: "reading a ring", channel, error }));
  }

  /** Connects to Redis; throws when it is not reachable. */
  static async open(options: ClusterOptions): Promise<Cluster> {
    return new Cluster(await RedisBus.open(options.redisUrl), options.databaseUrl);
  }

  /** Leaves the cluster: closes the line to Redis. */
  async close(): Promise<void> {
    await this.bus.close();
  }
}
