/**
 * The one place that chooses the store: PostgreSQL when the configuration names a database
 * (`CONCORD_DATABASE_URL`), else SQLite in the data folder. Opening brings the schema up to date.
 * The PostgreSQL store and its driver are loaded only when a database is named, so a process
 * serving SQLite never holds them in memory.
 */
import type { ServerConfig } from "../config";
import type { PostgresStorage } from "./PostgresStorage";
import { SqliteStorage } from "./SqliteStorage";
import type { Migrated, Storage } from "./Storage";

/** A store opened for a configuration, with what a person is told about it. */
export interface OpenedStorage {
  storage: Storage;
  /** The same store when it is PostgreSQL, for what only PostgreSQL does (the server locks); null for SQLite. */
  postgres: PostgresStorage | null;
  /** Where it keeps everything, for messages: the data folder, or the database (never its password). */
  where: string;
  /** What opening did to its schema. */
  migrated: Migrated;
}

/** The database a URL names and the host (or socket folder) it is on, without user or password. */
async function describeDatabase(url: string): Promise<string> {
  const { default: pg } = await import("pg");
  // A client that never connects parses the URL exactly as the pool will.
  const { database, host, port } = new pg.Client({ connectionString: url });
  return `PostgreSQL database ${database ?? "(default)"} on ${host.startsWith("/") ? host : `${host}:${port}`}`;
}

/** Opens the configured store and migrates it. */
export async function openStorage(config: Pick<ServerConfig, "dataDir" | "databaseUrl">): Promise<OpenedStorage> {
  if (config.databaseUrl !== null) {
    const { PostgresStorage } = await import("./PostgresStorage");
    const storage = await PostgresStorage.open(config.databaseUrl);
    return { storage, postgres: storage, where: await describeDatabase(config.databaseUrl), migrated: storage.migrated };
  }
  const storage = new SqliteStorage(config.dataDir);
  return { storage, postgres: null, where: config.dataDir, migrated: storage.migrated };
}
