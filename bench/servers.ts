/**
 * The servers under test, each its own process on loopback pinned to the server core: Concord
 * (built `dist/server`, over a fresh data folder prepared with the drafts a scenario needs), the
 * reference `@y/websocket-server` 0.1.1 and Hocuspocus (both in memory, seeded by a client).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { Node as PMNode } from "prosemirror-model";
import { Room } from "../shared/documentLayout";
import { Role } from "../shared/roles";
import { Drafts, initialTextUpdate } from "../server/drafts/Drafts";
import { CredentialKind } from "../server/identity/IdentityStore";
import { hashSecret, newSecret } from "../server/identity/secrets";
import { SqliteStorage } from "../server/storage/SqliteStorage";
import { BenchClient, type RoomAddress } from "./benchClient";
import { HOCUSPOCUS_DIR, HOCUSPOCUS_VERSION } from "./hocuspocusPeer";
import { onServerCore } from "./pinning";

const ROOT = path.resolve(__dirname, "..", "..");

/** Times a join's snapshot request is sent before its failure fails the scenario. */
const SNAPSHOT_ATTEMPTS = 3;

/** Drafts the baseline seeds at once. */
const SEED_BATCH = 25;

/** Which server. */
export const ServerKind = { concord: "concord", baseline: "baseline", hocuspocus: "hocuspocus" } as const;
/** Which server. */
export type ServerKind = (typeof ServerKind)[keyof typeof ServerKind];

/** Every server, in the order of a repeat's first round. */
export const SERVER_KINDS: readonly ServerKind[] = [ServerKind.concord, ServerKind.baseline, ServerKind.hocuspocus];

/** How each server is named in the report. */
export const SERVER_LABELS: Record<ServerKind, string> = {
  concord: "Concord",
  baseline: "@y/websocket-server 0.1.1 (reference)",
  hocuspocus: `Hocuspocus ${HOCUSPOCUS_VERSION}`,
};

/** A running server with its drafts. */
export interface ServerUnderTest {
  kind: ServerKind;
  pid: number;
  draftIds: string[];
  /** Where a client reaches a draft's text room, with whatever credentials the server wants. */
  room(draftId: string): RoomAddress;
  /** Concord only: the gzipped snapshot a fresh client downloads, with the bytes it cost on the wire. */
  snapshot?(draftId: string): Promise<{ state: Uint8Array; wireBytes: number }>;
  stop(): Promise<void>;
}

/** What a scenario needs: some drafts, optionally with text; bench-only Concord switches. */
export interface ServerSetup {
  drafts: number;
  doc?: PMNode;
  trustOff?: boolean;
  commitLog?: string;
  /** Extra arguments for the server's Node (`--cpu-prof` and its folder, to profile a run). */
  nodeArgs?: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let printed = "";
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${printed}`)), 30_000);
    const look = (chunk: Buffer) => {
      printed += chunk.toString();
      const match = pattern.exec(printed);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? match[0]);
      }
    };
    child.stdout!.on("data", look);
    child.stderr!.on("data", look);
    child.once("exit", () => reject(new Error(`Server exited:\n${printed}`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
}

/** Serves Concord from `dataDir` in its own process on a free loopback port. */
export async function serveConcord(dataDir: string, setup: Pick<ServerSetup, "trustOff" | "commitLog" | "nodeArgs"> = {}) {
  const port = await freePort();
  // Every bench client connects from loopback: one address holding a thousand sockets is the bench, not an attack.
  const env = { ...process.env, CONCORD_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", CONCORD_MAX_CONNECTIONS_PER_ADDRESS: "0" } as NodeJS.ProcessEnv;
  if (setup.trustOff) env.CONCORD_BENCH_TRUST_OFF = "1";
  if (setup.commitLog) env.CONCORD_BENCH_COMMIT_LOG = setup.commitLog;
  const child = spawn(...onServerCore(process.execPath, [...(setup.nodeArgs ?? []), path.join(ROOT, "dist", "server", "main.js"), "serve"]), { env, stdio: ["ignore", "pipe", "pipe"] });
  await waitForLine(child, /serving .* at (http:\/\/\S+)/);
  return { port, base: `http://127.0.0.1:${port}`, child, stop: stopper(child) };
}

/** Starts Concord over a new data folder holding the drafts, and a chair token for all of them. */
export async function startConcord(setup: ServerSetup): Promise<ServerUnderTest> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-bench-"));
  const storage = new SqliteStorage(dataDir);
  const drafts = new Drafts(storage);
  const user = await storage.identity.createUser("Bench chair");
  const token = newSecret();
  await storage.identity.storeCredential({
    hash: hashSecret(token),
    kind: CredentialKind.token,
    userId: user.id,
    membershipId: null,
    createdAt: new Date().toISOString(),
    expiresAt: null,
  });
  const draftIds: string[] = [];
  for (let i = 0; i < setup.drafts; i++) {
    const draft = await drafts.create({ title: `Bench draft ${i}`, doc: setup.doc });
    await storage.identity.addMembership({ draftId: draft.id, userId: user.id, role: Role.chair, state: null });
    draftIds.push(draft.id);
  }
  await storage.close();

  const { port, base, child, stop } = await serveConcord(dataDir, setup);
  return {
    kind: ServerKind.concord,
    pid: child.pid!,
    draftIds,
    room: (draftId) => ({ url: `ws://127.0.0.1:${port}/sync/${draftId}/${Room.text}?token=${token}` }),
    snapshot: async (draftId) => {
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await fetch(`${base}/api/drafts/${draftId}/rooms/${Room.text}/snapshot`, { headers: { authorization: `Bearer ${token}` } });
          const wireBytes = Number(response.headers.get("content-length") ?? 0);
          return { state: new Uint8Array(await response.arrayBuffer()), wireBytes };
        } catch (error) {
          // A client process busy for seconds can reuse a kept-alive connection the server has just
          // closed as idle (undici's "other side closed"): the GET is safe to send again.
          if (attempt >= SNAPSHOT_ATTEMPTS || !(error instanceof TypeError)) throw error;
        }
      }
    },
    stop: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Seeds each draft's text by a client, as its users would, a batch at a time; resolves once a second client sees it. */
async function seed(room: (draftId: string) => RoomAddress, draftIds: string[], doc: PMNode): Promise<void> {
  const state = initialTextUpdate({ title: "Bench draft", doc });
  const seedOne = async (draftId: string) => {
    const seeder = await BenchClient.connect(room(draftId), state);
    const checker = await BenchClient.connect(room(draftId));
    while (checker.doc.store.clients.size === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    seeder.close();
    checker.close();
  };
  for (let i = 0; i < draftIds.length; i += SEED_BATCH) await Promise.all(draftIds.slice(i, i + SEED_BATCH).map(seedOne));
}

/** Starts the reference server and seeds its drafts. */
export async function startBaseline(setup: ServerSetup): Promise<ServerUnderTest> {
  const port = await freePort();
  const child = spawn(...onServerCore(process.execPath, [...(setup.nodeArgs ?? []), path.join(ROOT, "node_modules", "@y", "websocket-server", "src", "server.js")]), {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForLine(child, /running at/);
  const draftIds = Array.from({ length: setup.drafts }, (_, i) => `baselinedraft${i}`);
  const room = (draftId: string) => ({ url: `ws://127.0.0.1:${port}/sync/${draftId}/${Room.text}` });
  if (setup.doc) await seed(room, draftIds, setup.doc);
  return { kind: ServerKind.baseline, pid: child.pid!, draftIds, room, stop: stopper(child) };
}

/** Starts Hocuspocus (its own folder under bench/peers, installed by tools/bench.mjs) and seeds its drafts. */
export async function startHocuspocus(setup: ServerSetup): Promise<ServerUnderTest> {
  const port = await freePort();
  const child = spawn(...onServerCore(process.execPath, [...(setup.nodeArgs ?? []), path.join(HOCUSPOCUS_DIR, "server.mjs")]), {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForLine(child, /hocuspocus listening/);
  const draftIds = Array.from({ length: setup.drafts }, (_, i) => `hocuspocusdraft${i}`);
  const room = (draftId: string) => ({ url: `ws://127.0.0.1:${port}`, documentName: `${draftId}/${Room.text}` });
  if (setup.doc) await seed(room, draftIds, setup.doc);
  return { kind: ServerKind.hocuspocus, pid: child.pid!, draftIds, room, stop: stopper(child) };
}

/** Starts one kind of server. */
export function startServer(kind: ServerKind, setup: ServerSetup): Promise<ServerUnderTest> {
  if (kind === ServerKind.concord) return startConcord(setup);
  return kind === ServerKind.baseline ? startBaseline(setup) : startHocuspocus(setup);
}
