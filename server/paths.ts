/** Where the server finds files of the repository, whether it runs from source or from `dist/`. */
import fs from "node:fs";
import path from "node:path";

function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The repository's root folder. */
export const REPO_ROOT = findRepoRoot(__dirname);

/** The built browser app (see `tools/build.mjs`). */
export const CLIENT_DIST_DIR = path.join(REPO_ROOT, "dist", "client");

/** The demo draft's text, created on first start. */
export const DEMO_DRAFT_FILE = path.join(REPO_ROOT, "server", "demo", "demoDraft.md");
