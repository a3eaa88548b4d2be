/**
 * Where the database engines of a test run live. Jest's global setup makes one folder for the run
 * (`CONCORD_TEST_ENGINES_DIR`); an engine started in it leaves there the command that stops it, and
 * global teardown runs those commands and removes the folder, even when a worker died mid-run.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The environment variable naming the run's engines folder. */
export const ENGINES_DIR_VARIABLE = "CONCORD_TEST_ENGINES_DIR";

/** The folder global teardown reads stop commands from. */
const STOPS = "stop";

/** Whether this process runs as root, which PostgreSQL's initdb refuses to be. */
export const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

/** The run's engines folder; null when the tests run without jest's global setup. */
export function sharedEnginesDir(): string | null {
  const dir = process.env[ENGINES_DIR_VARIABLE];
  return dir && fs.existsSync(dir) ? dir : null;
}

/**
 * A new folder for one engine: inside the run's folder when there is one, else in the system's
 * temporary folder. Readable by others, so the `postgres` user can reach what it owns inside.
 */
export function engineFolder(name: string): string {
  const parent = sharedEnginesDir() ?? os.tmpdir();
  const dir = fs.mkdtempSync(path.join(parent, `${name}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Records how to stop an engine, for global teardown; `forget` removes the record once it is stopped. */
export function recordStop(name: string, argv: string[]): { forget(): void } {
  const shared = sharedEnginesDir();
  if (!shared) return { forget() {} };
  const dir = path.join(shared, STOPS);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(argv));
  return { forget: () => fs.rmSync(file, { force: true }) };
}

/** Runs every recorded stop command (each may already have stopped) and removes the run's folder. */
export function stopEverything(dir: string): void {
  const stops = path.join(dir, STOPS);
  for (const file of fs.existsSync(stops) ? fs.readdirSync(stops) : []) {
    const [command, ...args] = JSON.parse(fs.readFileSync(path.join(stops, file), "utf8")) as string[];
    try {
      execFileSync(command!, args, { stdio: "ignore" });
    } catch {
      // Already stopped: nothing to do.
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
