/**
 * CPU pinning for the bench: the server under test on one core, the client process on another, so
 * that a saturated client cannot steal the server's time (or the other way round). Needs `taskset`
 * (util-linux) and at least two cores; without either, processes run unpinned and the report says so.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";

/** The core servers under test run on. */
export const SERVER_CORE = 0;

/** The core the bench's client process runs on (tools/bench.mjs starts it there). */
export const CLIENT_CORE = 1;

/** Whether processes can be pinned, and why not when they cannot. */
export interface Pinning {
  pinned: boolean;
  note: string;
}

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Detects pinning once per process. */
export const pinning: Pinning = (() => {
  if (os.cpus().length < 2) return { pinned: false, note: `not pinned: ${os.cpus().length} core(s)` };
  if (!hasTaskset()) return { pinned: false, note: "not pinned: taskset is missing (install util-linux)" };
  return { pinned: true, note: `server pinned to core ${SERVER_CORE}, client process to core ${CLIENT_CORE} (taskset)` };
})();

/** The words that, put before a command, run it on the server core (none when unpinned). */
export function serverCorePrefix(): string[] {
  return pinning.pinned ? ["taskset", "-c", String(SERVER_CORE)] : [];
}

/** The command and arguments that run `command args` on the server core (unchanged when unpinned). */
export function onServerCore(command: string, args: string[]): [string, string[]] {
  const [first, ...rest] = [...serverCorePrefix(), command, ...args];
  return [first!, rest];
}
