/** Hocuspocus, the bench's second peer: not a dependency of the project, but its own folder (bench/peers/hocuspocus) with its own lockfile. */
import fs from "node:fs";
import path from "node:path";
import { REPOSITORY_ROOT } from "./repositoryRoot";

/** Hocuspocus's folder: package.json pins the version, package-lock.json the whole tree. */
export const HOCUSPOCUS_DIR = path.join(REPOSITORY_ROOT, "bench", "peers", "hocuspocus");

function pinnedVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(HOCUSPOCUS_DIR, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  return manifest.dependencies["@hocuspocus/server"] ?? "unknown";
}

/** The exact @hocuspocus/server version the bench runs. */
export const HOCUSPOCUS_VERSION = pinnedVersion();
