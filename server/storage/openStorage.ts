/**
 * The one place that chooses the store: PostgreSQL when the configuration names a database
 * (`CONCORD_DATABASE_URL`), else SQLite in the data folder. Opening brings the schema up to date.
 */
import pg from "pg";
import type { ServerConfig } from "../config";
import { PostgresStorage } from "./PostgresStorage";
import { SqliteStorage } from "./SqliteStorage";
import type { Migrated, Storage } from "./Storage";

/** A store opened for a configuration, with what a person is told about it. */
export interface OpenedStorage {
  storage: Storage;
  /** Where it keeps everything, for messages: the data folder, or the database (never its password). */
  where: string;
  /** What opening did to its schema. */
  migrated: Migrated;
}

/** The database a URL names and the host (or socket folder) it is on, without user or password. */
function describeDatabase(url: string): string {
  // A client that never connects parses the URL exactly as the pool will.
  const { database, host, port } = new pg.Client({ connectionString: url });
  return `PostgreSQL database ${database ?? "(default)"} on ${host.startsWith("/") ? host : `${host}:${port}`}`;
}

/** Opens the configured store and migrates it. */
export async function openStorage(config: Pick<ServerConfig, "dataDir" | "databaseUrl">): Promise<OpenedStorage> {
  if (config.databaseUrl !== null) {
    const storage = await PostgresStorage.open(config.databaseUrl);
    return { storage, where: describeDatabase(config.databaseUrl), migrated: storage.migrated };
  }
  const storage = new SqliteStorage(config.dataDir);
  return { storage, where: config.dataDir, migrated: storage.migrated };
}
