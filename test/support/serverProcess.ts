/**
 * Concord's server as a separate process (the built `dist/server/main.js`), for tests that stop it,
 * kill it or run its command line as an administrator would.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { onTestEnd } from "./cleanup";

/** The built entry point; jest's global setup builds it. */
export const SERVER_MAIN = path.resolve(__dirname, "..", "..", "dist", "server", "main.js");

/** When a launched process is killed if it still runs: after the test that launched it, or after its file's tests (a process they share). */
export type StopAfter = "test" | "file";

/** How to stop the processes a file's tests share, run after its last test. */
const fileProcesses: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const stop of fileProcesses.splice(0)) await stop();
});

/** A running server process. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
}

/** Runs one command to completion (`draft create …`) and returns what it printed. */
export function runCli(dataDir: string, args: string[]): string {
  const result = spawnSync(process.execPath, [SERVER_MAIN, ...args], {
    env: { ...process.env, CONCORD_DATA_DIR: dataDir },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`concord ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/** Starts `command` (`serve` or `start`) on a free port and waits until it prints its URL. */
export async function startServerProcess(dataDir: string, command = "serve", extraEnv: NodeJS.ProcessEnv = {}, stopAfter: StopAfter = "test"): Promise<ServerProcess> {
  return launch(process.execPath, [SERVER_MAIN, command], { CONCORD_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", ...extraEnv }, undefined, { stopAfter });
}

/** Starts any command that prints Concord's "serving … at URL" line, and waits for that line. */
export async function launch(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
  { detached = false, stopAfter = "test" as StopAfter } = {},
): Promise<ServerProcess> {
  const child = spawn(file, args, { env: { ...process.env, ...env }, cwd, detached, stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  child.stdout!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      if (detached) process.kill(-child.pid!, "SIGKILL");
      else child.kill("SIGKILL");
    }
    await exited;
  };
  if (stopAfter === "file") fileProcesses.push(stop);
  else onTestEnd(stop);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${printed}`)), 60_000);
    const look = () => {
      const match = /serving .* at (http:\/\/\S+)/.exec(printed);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The server exited before serving:\n${printed}`));
    });
  });
  return { child, url, output: () => printed, exited };
}
