/**
 * What only a store shared by several processes must keep: two stores over one database stand for
 * two Concord processes (two pools), and a child process is killed mid-commit.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { buildSync } from "esbuild";
import pg from "pg";
import { Room } from "../../../shared/documentLayout";
import { ClientIdTakenError } from "../../../server/storage/ClientIdTakenError";
import { SCHEMA_VERSION } from "../../../server/storage/postgresMigrations";
import { PostgresStorage } from "../../../server/storage/PostgresStorage";
import type { WriteRecord } from "../../../server/storage/Storage";
import { onTestEnd } from "../../support/cleanup";
import { freshPostgresUrl } from "../../support/postgres";
import { tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const AT = "2026-11-23T09:00:00.000Z";
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (data: Uint8Array): string => new TextDecoder().decode(data);

async function openStore(url: string): Promise<PostgresStorage> {
  const storage = await PostgresStorage.open(url);
  onTestEnd(() => storage.close());
  return storage;
}

/** Two stores over one new database, as two processes would hold them, and a draft created through the first. */
async function twoProcesses(): Promise<{ one: PostgresStorage; two: PostgresStorage; draftId: string; url: string }> {
  const url = await freshPostgresUrl();
  const one = await openStore(url);
  const two = await openStore(url);
  const draftId = "shared-draft";
  await one.createDraft({ id: draftId, title: "Shared", createdAt: AT, observersReadFloor: false, observersReadContributions: false, symbol: null, progress: null }, new Map([[Room.text, bytes("initial")]]));
  return { one, two, draftId, url };
}

function write(principal: string, newClientIds: number[] = []): WriteRecord {
  return { principal, userId: `user-of-${principal}`, at: AT, touched: [{ root: "content", key: null }], newClientIds };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("the PostgreSQL store shared by two processes", () => {
  it("numbers concurrent appends to one room from both without gaps or duplicates, in commit order", async () => {
    const { one, two, draftId } = await twoProcesses();
    const appends: Array<Promise<number>> = [];
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 5; i++) {
        appends.push(one.appendUpdate(draftId, Room.text, bytes(`one ${round}.${i}`), write("chair")));
        appends.push(two.appendUpdate(draftId, Room.text, bytes(`two ${round}.${i}`), write("state:CUB")));
      }
      await turn();
    }
    const seqs = await Promise.all(appends);
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    const stored = await two.loadUpdates(draftId, Room.text);
    expect(stored.map((update) => update.seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    // Each append is stored once, at the number it was given.
    const atSeq = new Map(stored.map((update) => [update.seq, text(update.update)]));
    appends.forEach((_, index) => expect(atSeq.get(seqs[index]!)).toBe(`${index % 2 === 0 ? "one" : "two"} ${Math.floor(index / 10)}.${Math.floor(index / 2) % 5}`));
    // Each process's own appends keep the order it made them in.
    const ofOne = seqs.filter((_, index) => index % 2 === 0);
    expect([...ofOne].sort((a, b) => a - b)).toEqual(ofOne);
    expect(await one.readAudit(draftId, { limit: 1000 })).toHaveLength(200);
  });

  it("refuses through one process a client id another principal claimed through the other, storing nothing of that append", async () => {
    const { one, two, draftId } = await twoProcesses();
    const first = await one.appendUpdate(draftId, Room.text, bytes("Cuba's edit"), write("state:CUB", [42]));
    const refused = two.appendUpdate(draftId, Room.text, bytes("El Salvador's squat"), write("state:SLV", [43, 42]));
    await expect(refused).rejects.toBeInstanceOf(ClientIdTakenError);
    await expect(refused).rejects.toMatchObject({ clientId: 42, owner: "state:CUB", claimant: "state:SLV" });

    for (const store of [one, two]) {
      expect((await store.loadUpdates(draftId, Room.text)).map((update) => text(update.update))).toEqual(["initial", "Cuba's edit"]);
      expect(await store.loadClientIds(draftId, Room.text)).toEqual(new Map([[42, "state:CUB"]]));
      expect(await store.readAudit(draftId, { limit: 10, principal: "state:SLV" })).toEqual([]);
    }
    // The refusal left no gap behind it.
    expect(await two.appendUpdate(draftId, Room.text, bytes("El Salvador's own"), write("state:SLV", [43]))).toBe(first + 1);
  });

  it("gives a client id claimed by two principals at once to exactly one of them", async () => {
    const { one, two, draftId } = await twoProcesses();
    const outcomes = await Promise.allSettled([
      one.appendUpdate(draftId, Room.text, bytes("state:CUB"), write("state:CUB", [77])),
      two.appendUpdate(draftId, Room.text, bytes("state:SLV"), write("state:SLV", [77])),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(ClientIdTakenError);
    const winner = (await one.loadClientIds(draftId, Room.text)).get(77);
    expect(winner).toBe((refusal.reason as ClientIdTakenError).owner);
    expect((await two.loadUpdates(draftId, Room.text)).map((update) => text(update.update))).toEqual(["initial", winner]);
  });

  it("refuses a squatting append without taking the others committed with it", async () => {
    const { one, draftId } = await twoProcesses();
    await one.appendUpdate(draftId, Room.text, bytes("Cuba's edit"), write("state:CUB", [42]));
    // Made in one turn, these three are committed in one transaction.
    const before = one.appendUpdate(draftId, Room.text, bytes("chair before"), write("chair", [7]));
    const squat = one.appendUpdate(draftId, Room.text, bytes("squat"), write("state:SLV", [42]));
    const after = one.appendUpdate(draftId, Room.text, bytes("chair after"), write("chair"));
    await expect(squat).rejects.toBeInstanceOf(ClientIdTakenError);
    expect([await before, await after]).toEqual([3, 4]);
    expect((await one.loadUpdates(draftId, Room.text)).map((update) => text(update.update))).toEqual(["initial", "Cuba's edit", "chair before", "chair after"]);
  });

  it("keeps only committed appends, each whole, when a process is killed with SIGKILL while appending", async () => {
    const { one, draftId, url } = await twoProcesses();
    const out = tempDataDir();
    // The victim runs from a bundle of its TypeScript; its packages come from the project's node_modules.
    const bundle = path.join(out, "appendUntilKilled.js");
    buildSync({ entryPoints: [path.join(ROOT, "test", "support", "appendUntilKilled.ts")], bundle: true, platform: "node", format: "cjs", packages: "external", outfile: bundle, logLevel: "warning" });
    const child = spawn(process.execPath, [bundle, url, draftId], { env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules") }, stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
    onTestEnd(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      return exited;
    });
    let printed = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    await waitFor(
      () => printed.split("\n").length,
      (lines) => lines > 150 || child.exitCode !== null,
      { what: "the child to commit 150 appends", timeoutMs: 60_000 },
    );
    expect(errors).toBe("");
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    const acknowledged = printed
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.split(" ").map(Number) as [number, number]);
    const stored = await one.loadUpdates(draftId, Room.text);
    expect(stored.map((update) => update.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    for (const [seq, edit] of acknowledged) expect(text(stored[seq - 1]!.update)).toBe(`edit ${edit}`);
    // Every stored append has its audit entry and its client id, and nothing else was left behind.
    const edits = stored.slice(1).map((update) => Number(text(update.update).slice("edit ".length)));
    const audited = (await one.readAudit(draftId, { limit: 100_000 })).map((entry) => entry.seq);
    expect(audited).toHaveLength(edits.length);
    for (const edit of edits) expect(await one.readAudit(draftId, { limit: 2, pid: `p${edit}` })).toHaveLength(1);
    expect([...(await one.loadClientIds(draftId, Room.text)).keys()].sort((a, b) => a - b)).toEqual(edits.map((edit) => 1000 + edit).sort((a, b) => a - b));
    // The head the dead process's last commit left is where the next append goes on.
    expect(await one.appendUpdate(draftId, Room.text, bytes("after the crash"))).toBe(stored.length + 1);
  });
});

describe("the PostgreSQL store's migrations", () => {
  it("migrate a new database once when two processes open it at the same moment, and are harmless run again", async () => {
    const url = await freshPostgresUrl();
    const [one, two] = await Promise.all([openStore(url), openStore(url)]);
    expect([one.migrated, two.migrated].sort((a, b) => a.from - b.from)).toEqual([
      { from: 0, to: SCHEMA_VERSION },
      { from: SCHEMA_VERSION, to: SCHEMA_VERSION },
    ]);
    await one.createDraft({ id: "kept", title: "Kept", createdAt: AT, observersReadFloor: false, observersReadContributions: false, symbol: null, progress: null }, new Map([[Room.text, bytes("initial")]]));
    const again = await openStore(url);
    expect(again.migrated).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect((await again.getDraft("kept"))!.title).toBe("Kept");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    onTestEnd(() => client.end());
    const { rows } = await client.query<{ version: number }>("SELECT version FROM concord_migrations ORDER BY version");
    expect(rows.map((row) => row.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });
});
