/**
 * The servers under test, each its own process on loopback pinned to the server core: Concord
 * (built `dist/server`, over a fresh store prepared with the drafts a scenario needs: SQLite by
 * default, or PostgreSQL, alone or as a cluster of processes with Redis), the reference
 * `@y/websocket-server` 0.1.1 and Hocuspocus (both in memory, seeded by a client).
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
import { PostgresStorage } from "../server/storage/PostgresStorage";
import { SqliteStorage } from "../server/storage/SqliteStorage";
import type { Storage } from "../server/storage/Storage";
import { BenchClient, type RoomAddress } from "./benchClient";
import type { BenchEngines } from "./engines";
import { HOCUSPOCUS_DIR, HOCUSPOCUS_VERSION } from "./hocuspocusPeer";
import { onServerCore } from "./pinning";
import { REPOSITORY_ROOT } from "./repositoryRoot";

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
  /** The server's own processes: one, or each process of a Concord cluster. Client number k is served by `pids[k % pids.length]`. */
  pids: number[];
  draftIds: string[];
  /** Where client number `client` (0 by default) reaches a draft's text room, with whatever credentials the server wants. */
  room(draftId: string, client?: number): RoomAddress;
  /** Concord only: the gzipped snapshot a fresh client (number `client`) downloads, with the bytes it cost on the wire. */
  snapshot?(draftId: string, client?: number): Promise<{ state: Uint8Array; wireBytes: number }>;
  /** CPU seconds used so far by the engines the server needs besides its own processes (PostgreSQL, Redis); absent when none. */
  engineCpuSeconds?(): number;
  stop(): Promise<void>;
}

/** Where Concord keeps its drafts: SQLite in its data folder (the default), PostgreSQL served by one process, or a cluster of processes over PostgreSQL and Redis. */
export type ConcordStore = { kind: "sqlite" } | { kind: "postgres"; engines: BenchEngines } | { kind: "cluster"; engines: BenchEngines; processes: number };

/** What a scenario needs: some drafts, optionally with text; bench-only Concord switches. */
export interface ServerSetup {
  drafts: number;
  doc?: PMNode;
  trustOff?: boolean;
  commitLog?: string;
  /** Concord only: its store (SQLite when absent). */
  store?: ConcordStore;
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

/**
 * Serves Concord from `dataDir` in its own process on a free loopback port; `engines` (`CONCORD_DATABASE_URL`,
 * and `CONCORD_REDIS_URL` for a process of a cluster) stores it in PostgreSQL instead.
 */
export async function serveConcord(dataDir: string, setup: Pick<ServerSetup, "trustOff" | "commitLog" | "nodeArgs"> = {}, engines: { databaseUrl?: string; redisUrl?: string } = {}) {
  const port = await freePort();
  // Every bench client connects from loopback: one address holding a thousand sockets is the bench, not an attack.
  const env = { ...process.env, CONCORD_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", CONCORD_MAX_CONNECTIONS_PER_ADDRESS: "0" } as NodeJS.ProcessEnv;
  if (engines.databaseUrl) env.CONCORD_DATABASE_URL = engines.databaseUrl;
  if (engines.redisUrl) env.CONCORD_REDIS_URL = engines.redisUrl;
  if (setup.trustOff) env.CONCORD_BENCH_TRUST_OFF = "1";
  if (setup.commitLog) env.CONCORD_BENCH_COMMIT_LOG = setup.commitLog;
  const child = spawn(...onServerCore(process.execPath, [...(setup.nodeArgs ?? []), path.join(REPOSITORY_ROOT, "dist", "server", "main.js"), "serve"]), { env, stdio: ["ignore", "pipe", "pipe"] });
  await waitForLine(child, /serving .* at (http:\/\/\S+)/);
  return { port, base: `http://127.0.0.1:${port}`, child, stop: stopper(child) };
}

/** Creates the drafts in `storage`, with a chair and a token that reaches all of them; closes the store. */
async function prepareDrafts(storage: Storage, setup: ServerSetup): Promise<{ token: string; draftIds: string[] }> {
  try {
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
    return { token, draftIds };
  } finally {
    await storage.close();
  }
}

/**
 * Starts Concord over a new store holding the drafts, and a chair token for all of them: SQLite in
 * a new data folder, or a new PostgreSQL database served by one process or by a cluster's (each
 * with a data folder of its own, which then holds nothing of the drafts).
 */
export async function startConcord(setup: ServerSetup): Promise<ServerUnderTest> {
  const store = setup.store ?? { kind: "sqlite" };
  const processes = store.kind === "cluster" ? store.processes : 1;
  // Each process writes the whole log at shutdown: several would overwrite one another's.
  if (setup.commitLog && processes > 1) throw new RangeError(`A commit log needs one process, not ${processes}`);
  const dataDirs = Array.from({ length: processes }, () => fs.mkdtempSync(path.join(os.tmpdir(), "concord-bench-")));
  const databaseUrl = store.kind === "sqlite" ? undefined : await store.engines.freshDatabase();
  const { token, draftIds } = await prepareDrafts(databaseUrl === undefined ? new SqliteStorage(dataDirs[0]!) : await PostgresStorage.open(databaseUrl), setup);
  const redisUrl = store.kind === "cluster" ? store.engines.redisUrl : undefined;
  const served: Array<Awaited<ReturnType<typeof serveConcord>>> = [];
  const stop = async () => {
    await Promise.all(served.map((one) => one.stop()));
    if (databaseUrl !== undefined && store.kind !== "sqlite") await store.engines.dropDatabase(databaseUrl);
    for (const dataDir of dataDirs) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (const dataDir of dataDirs) served.push(await serveConcord(dataDir, setup, { databaseUrl, redisUrl }));
  } catch (error) {
    await stop();
    throw error;
  }
  const of = (client = 0) => served[client % served.length]!;
  return {
    kind: ServerKind.concord,
    pids: served.map((one) => one.child.pid!),
    draftIds,
    room: (draftId, client) => ({ url: `ws://127.0.0.1:${of(client).port}/sync/${draftId}/${Room.text}?token=${token}` }),
    snapshot: async (draftId, client) => {
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await fetch(`${of(client).base}/api/drafts/${draftId}/rooms/${Room.text}/snapshot`, { headers: { authorization: `Bearer ${token}` } });
          const wireBytes = Number(response.headers.get("content-length") ?? 0);
          return { state: new Uint8Array(await response.arrayBuffer()), wireBytes };
        } catch (error) {
          // A client process busy for seconds can reuse a kept-alive connection the server has just
          // closed as idle (undici's "other side closed"): the GET is safe to send again.
          if (attempt >= SNAPSHOT_ATTEMPTS || !(error instanceof TypeError)) throw error;
        }
      }
    },
    engineCpuSeconds: store.kind === "sqlite" ? undefined : () => store.engines.postgresCpuSeconds() + (redisUrl === undefined ? 0 : store.engines.redisCpuSeconds()),
    stop,
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
  const child = spawn(...onServerCore(process.execPath, [...(setup.nodeArgs ?? []), path.join(REPOSITORY_ROOT, "node_modules", "@y", "websocket-server", "src", "server.js")]), {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForLine(child, /running at/);
  const draftIds = Array.from({ length: setup.drafts }, (_, i) => `baselinedraft${i}`);
  const room = (draftId: string) => ({ url: `ws://127.0.0.1:${port}/sync/${draftId}/${Room.text}` });
  if (setup.doc) await seed(room, draftIds, setup.doc);
  return { kind: ServerKind.baseline, pids: [child.pid!], draftIds, room, stop: stopper(child) };
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
  return { kind: ServerKind.hocuspocus, pids: [child.pid!], draftIds, room, stop: stopper(child) };
}

/** Starts one kind of server. */
export function startServer(kind: ServerKind, setup: ServerSetup): Promise<ServerUnderTest> {
  if (kind === ServerKind.concord) return startConcord(setup);
  return kind === ServerKind.baseline ? startBaseline(setup) : startHocuspocus(setup);
}
