/**
 * The repository's root folder, found the same way whether the bench's code runs bundled from
 * dist/bench (`npm run bench`) or from its sources in bench/ (its tests under jest).
 */
import fs from "node:fs";
import path from "node:path";

/** The file only the repository's root holds, beside package.json. */
const ROOT_MARK = path.join("tools", "bench.mjs");

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, ROOT_MARK))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No ${ROOT_MARK} above ${from}: the bench runs from inside the repository`);
  }
}

/** The repository's root folder. */
export const REPOSITORY_ROOT = findRoot(__dirname);
