/**
 * The presence flood of issue 14 against the built server in its own process, so its memory is its
 * own: one delegation sends 30 awareness frames of 300,000 entries each (about 81 MB, from a process
 * of its own) while three of its sockets have stopped reading. The server stays under twice its idle
 * memory, a chair's changes are still saved within 500 ms, and the flooding socket is closed with
 * `presence-flood`.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { CloseCode } from "../../../shared/closeCodes";
import { MetaKey, Room, SCHEMA_VERSION, TextRoot } from "../../../shared/documentLayout";
import { ConcordMessageType, MessageType, SCHEMA_VERSION_PARAM, SyncStep } from "../../../shared/syncProtocol";
import type { ConcordServer } from "../../../server/ConcordServer";
import { TOKEN_PARAM } from "../../../server/identity/authenticate";
import { MESSAGES_PER_SECOND } from "../../../server/sync/socketLimits";
import { openRaw, updateFrame } from "../../support/attacker";
import { onTestEnd } from "../../support/cleanup";
import { runCli, startServerProcess } from "../../support/serverProcess";
import { connectStockClient } from "../../support/stockClient";
import { syncBase, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const FLOOD_FRAMES = 30;
const ENTRIES_PER_FRAME = 300_000;
/**
 * The chair saves at most at half the server's message rate, as fast as a person could: a tight
 * loop of saves on a quiet machine goes above it and is itself closed with `rate-limited`.
 */
const SAVE_EVERY_MS = 2000 / MESSAGES_PER_SECOND;
/** A hang guard with a clear message, should the flooder never be closed. */
const FLOOD_END_GUARD_MS = 60_000;

/** A field of `/proc/<pid>/status` in bytes (VmRSS now, VmHWM the peak so far). */
function memoryOf(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match![1]) * 1024;
}

/**
 * Concord's own client, reduced to what a save is: it holds the room, sends a change and waits for
 * "saved". A save on a socket the server has closed fails with the close instead of waiting forever.
 */
async function savingClient(server: ConcordServer, draftId: string, token: string) {
  const params = new URLSearchParams({ [TOKEN_PARAM]: token, [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION) });
  const socket = new WebSocket(`${syncBase(server, draftId)}/${Room.text}?${params}`);
  onTestEnd(() => socket.terminate());
  const doc = new Y.Doc();
  let synced = false;
  let onSaved = (_count: number) => {};
  let closedWith: string | null = null;
  let onClosed = () => {};
  socket.on("close", (code, reason) => {
    closedWith = `${code} ${reason.toString()}`;
    onClosed();
  });
  socket.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === ConcordMessageType.saved) onSaved(decoding.readVarUint(decoder));
    if (type === MessageType.sync && decoding.readVarUint(decoder) !== SyncStep.step1) {
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
      synced = true;
    }
  });
  await new Promise((resolve) => socket.once("open", resolve));
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MessageType.sync);
  encoding.writeVarUint(step1, SyncStep.step1);
  encoding.writeVarUint8Array(step1, Y.encodeStateVector(doc));
  socket.send(encoding.toUint8Array(step1));
  await waitFor(() => synced, Boolean, { what: "the saving client's sync" });
  let sent = 0;
  return {
    /** Sets the title and resolves with the milliseconds until the change was saved. */
    async save(title: string): Promise<number> {
      const before = Y.encodeStateVector(doc);
      doc.getMap(TextRoot.meta).set(MetaKey.title, title);
      const frame = ++sent;
      const saved = new Promise<void>((resolve, reject) => {
        const unacknowledged = () => reject(new Error(`The chair's save ${frame} was never acknowledged: its socket was closed with ${closedWith}`));
        onSaved = (count) => count >= frame && resolve();
        onClosed = unacknowledged;
        if (closedWith !== null) unacknowledged();
      });
      const started = performance.now();
      socket.send(updateFrame(Y.encodeStateAsUpdate(doc, before)));
      await saved;
      return performance.now() - started;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How the flooder's socket was closed, and how many bytes it set out to send. */
interface FloodEnd {
  code: number;
  reason: string;
  bytes: number;
}

/** Starts `test/support/presenceFlooder.js` on a socket of `token`; `started` resolves once it sends, `ended` with its close. */
function startFlooder(server: ConcordServer, draftId: string, token: string): { started: Promise<void>; ended: Promise<FloodEnd> } {
  const url = `${syncBase(server, draftId)}/${Room.text}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const script = path.resolve(__dirname, "..", "..", "support", "presenceFlooder.js");
  const child = spawn(process.execPath, [script, url, String(FLOOD_FRAMES), String(ENTRIES_PER_FRAME)], { stdio: ["ignore", "pipe", "inherit"] });
  onTestEnd(() => child.kill("SIGKILL"));
  let printed = "";
  child.stdout!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const line = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", () => {
        const match = pattern.exec(printed);
        if (match) resolve(match[0]);
      });
      child.on("exit", () => setImmediate(() => reject(new Error(`The flooder exited: ${printed}`))));
    });
  return { started: line(/^flooding$/m).then(() => undefined), ended: line(/^\{.*\}$/m).then((json) => JSON.parse(json) as FloodEnd) };
}

describe("a presence flood of the size in issue 14", () => {
  it("leaves the server under twice its idle memory, saves within 500 ms, and closes the flooder with presence-flood", async () => {
    const dataDir = tempDataDir();
    const draftId = runCli(dataDir, ["draft", "create", "--title", "Flooded"]).trim();
    const tokenOf = (output: string) => /Token for scripts: (\S+)/.exec(output)![1]!;
    const chairToken = tokenOf(runCli(dataDir, ["invite", "--draft", draftId, "--role", "chair"]));
    const cubToken = tokenOf(runCli(dataDir, ["invite", "--draft", draftId, "--role", "delegation", "--state", "CUB"]));
    const child = await startServerProcess(dataDir);
    const server = { url: child.url } as ConcordServer;
    const pid = child.child.pid!;

    const chair = await savingClient(server, draftId, chairToken);
    const watcher = await connectStockClient(server, draftId, { token: chairToken });
    const stalled = await Promise.all([0, 1, 2].map(() => openRaw(server, draftId, Room.text, cubToken)));
    for (const reader of stalled) reader.socket.pause();
    for (let i = 0; i < 10; i++) await chair.save(`Warm-up ${i}`);
    await pause(1000);
    const idle = memoryOf(pid, "VmRSS");

    const flooder = startFlooder(server, draftId, cubToken);
    await flooder.started;
    const roundTrips: number[] = [];
    let over = false;
    // A flooder that exits without printing its close ends the loop too; awaiting `ended` then fails with its output.
    void flooder.ended.then(
      () => (over = true),
      () => (over = true),
    );
    const floodStarted = performance.now();
    for (let i = 0; !over || i < 10; i++) {
      if (performance.now() - floodStarted > FLOOD_END_GUARD_MS) throw new Error(`The flooder was not closed within ${FLOOD_END_GUARD_MS} ms`);
      const [roundTrip] = await Promise.all([chair.save(`During the flood ${i}`), pause(SAVE_EVERY_MS)]);
      roundTrips.push(roundTrip);
    }
    const verdict = await flooder.ended;
    await pause(1000);
    // The kernel's high-water mark of the process's resident memory: no peak between samples escapes it.
    const peak = memoryOf(pid, "VmHWM");

    const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `Flood of ${megabytes(verdict.bytes)}: server RSS idle ${megabytes(idle)}, peak ${megabytes(peak)}; ` +
        `save round trips during the flood: ${roundTrips.length}, slowest ${Math.max(...roundTrips).toFixed(1)} ms`,
    );
    expect(verdict.code).toBe(CloseCode.presenceFlood.code);
    expect(peak).toBeLessThan(2 * idle);
    expect(Math.max(...roundTrips)).toBeLessThan(500);
    await waitFor(() => watcher.doc.getMap(TextRoot.meta).get(MetaKey.title), (title) => title === `During the flood ${roundTrips.length - 1}`, {
      what: "the stock client to see the last save",
    });
  });
});
