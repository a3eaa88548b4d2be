/** Starts real Concord servers on port 0 over a temporary data folder, and stops them after the test. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { onTestEnd } from "./cleanup";
import { startConcordServer, type ConcordServer, type ServerOptions } from "../../server/ConcordServer";

/** A fresh, empty data folder removed after the test. */
export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-test-"));
  onTestEnd(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts a server on port 0 (or `options.port`, to restart on the same address); it is closed after the test unless the test closes it first. */
export async function startTestServer(options: ServerOptions = {}): Promise<ConcordServer> {
  const server = await startConcordServer({ dataDir: options.storage ? undefined : tempDataDir(), ...options, port: options.port ?? 0 });
  onTestEnd(() => server.close());
  return server;
}

/** The sync socket base URL of a server (`ws://…/sync/<draftId>`). */
export function syncBase(server: ConcordServer, draftId: string): string {
  return `${server.url.replace(/^http/, "ws")}/sync/${draftId}`;
}
