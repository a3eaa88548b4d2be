/**
 * Scenario 6: the app in headless Chromium. A draft of 1,000 paragraphs with 500 proposals and
 * 2,000 stances; the time from navigation until the editor is interactive (every paragraph, bracket
 * and badge drawn, the connection online), and the local keystroke-to-paint latency while the chair
 * types in it. Concord only: the reference server has no app to compare with.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import * as Y from "yjs";
import { ProposalKind, StanceKind } from "../schemas/records";
import { FloorRoot, Room, TextRoot } from "../shared/documentLayout";
import { propose } from "../shared/proposals/proposeChange";
import { Role } from "../shared/roles";
import { schema } from "../shared/schema";
import { STATES } from "../shared/states";
import { textBlocks } from "../shared/text/blockText";
import { writeStatus } from "../server/consensus/StatusPublisher";
import { Drafts } from "../server/drafts/Drafts";
import { inviteMember } from "../server/identity/invitations";
import { SqliteStorage } from "../server/storage/SqliteStorage";
import { serveConcord } from "./servers";
import { summary } from "./stats";

const PARAGRAPHS = 1000;
const PROPOSALS = 500;
const STANCES = 2000;
const STATE_COUNT = 20;
const KEYSTROKES = 60;

/** Debian's Chromium, started as the README says; `CHROMIUM_PATH` overrides where it is. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** What scenario 6 measured. */
export interface BrowserResult {
  openMs: number[];
  keystrokeMs: ReturnType<typeof summary>;
  paragraphs: number;
  proposals: number;
  stances: number;
}

function bigDraft() {
  const sentence = "States underscored that an open, secure, stable, accessible and peaceful ICT environment is essential for all";
  return schema.node("doc", null, Array.from({ length: PARAGRAPHS }, (_, i) => schema.node("paragraph", null, [schema.text(`${i + 1}. ${sentence}, and recalled the framework of responsible State behaviour.`)])));
}

/** A data folder with the draft, its proposals and stances, its status, and a chair's sign-in link. */
async function prepare(): Promise<{ dataDir: string; draftId: string; signInPath: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-bench-browser-"));
  const storage = new SqliteStorage(dataDir);
  const draft = await new Drafts(storage).create({ title: "Bench: a draft of 1,000 paragraphs", doc: bigDraft() });
  const text = new Y.Doc();
  for (const { update } of await storage.loadUpdates(draft.id, Room.text)) Y.applyUpdate(text, update);
  const floor = new Y.Doc();
  const states = STATES.slice(0, STATE_COUNT).map((state) => state.code);
  const blocks = textBlocks(text.getXmlFragment(TextRoot.content));
  const before = Y.encodeStateVector(text);
  text.transact(() => {
    for (let i = 0; i < PROPOSALS; i++) {
      const block = blocks[(i * 2) % blocks.length]!;
      const state = states[i % states.length]!;
      if (i % 3 === 0) propose(text, state, { kind: ProposalKind.insert, pid: block.pid!, at: 20, text: " and resilient" });
      else propose(text, state, { kind: ProposalKind.replace, pid: block.pid!, from: 14, to: 24, text: "stressed" });
    }
  });
  floor.transact(() => {
    for (let i = 0; i < STANCES; i++) {
      const block = blocks[i % blocks.length]!;
      // Each paragraph gets two stances from two different states.
      const state = states[(i + 10 * Math.floor(i / blocks.length)) % states.length]!;
      const kind = i % 10 === 0 ? StanceKind.object : i % 2 === 0 ? StanceKind.support : StanceKind.reserve;
      floor.getMap(FloorRoot.stances).set(`${state}:${block.pid}`, kind === StanceKind.object ? { stance: kind, reason: "Needs more work.", at: new Date().toISOString() } : { stance: kind, at: new Date().toISOString() });
    }
  });
  writeStatus(text.getMap(TextRoot.status), text, floor);
  await storage.appendUpdate(draft.id, Room.text, Y.encodeStateAsUpdate(text, before));
  await storage.appendUpdate(draft.id, Room.floor, Y.encodeStateAsUpdate(floor));
  const chair = await inviteMember(storage.identity, { draftId: draft.id, role: Role.chair, name: "Bench chair" });
  await storage.close();
  return { dataDir, draftId: draft.id, signInPath: chair.signInPath };
}

/** Records, in the page, the time from each keydown to the paint after the editor changed. */
function installLatencyProbe(): void {
  const latencies: number[] = [];
  (window as unknown as { __latencies: number[] }).__latencies = latencies;
  document.addEventListener(
    "keydown",
    (event) => {
      const started = event.timeStamp;
      const editor = document.querySelector(".draft-text")!;
      const observer = new MutationObserver(() => {
        observer.disconnect();
        // The frame after the mutation is painted before a task queued in its rAF callback runs.
        requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - started), 0));
      });
      observer.observe(editor, { childList: true, subtree: true, characterData: true });
    },
    true,
  );
}

/** Runs scenario 6 `repeats` times (a fresh browser context each, as a first visit). */
export async function browserScenario(repeats: number): Promise<BrowserResult> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  const { dataDir, draftId, signInPath } = await prepare();
  const server = await serveConcord(dataDir);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const openMs: number[] = [];
    const latencies: number[] = [];
    // An invitation link signs in once: later visits carry the session cookie it gave, in a fresh
    // context each (no cache), as a delegate opening the draft on another day would.
    const signIn = await browser.newContext();
    const signInPage = await signIn.newPage();
    await signInPage.goto(`${server.base}${signInPath}`);
    await signInPage.locator("#sign-in").click();
    await signInPage.waitForURL(/\/d\/[a-z0-9]+$/);
    const session = await signIn.storageState();
    await signIn.close();
    for (let repeat = 0; repeat < repeats; repeat++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: session });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${server.base}/d/${draftId}`);
      await page.locator('#connection[data-state="online"]').waitFor({ timeout: 120_000 });
      await page.locator(".draft-text > p.para").nth(PARAGRAPHS - 1).waitFor({ state: "attached", timeout: 120_000 });
      await page.waitForFunction((count) => document.querySelectorAll(".draft-text .proposal").length >= count && document.querySelectorAll(".draft-text .status-badge").length >= 1000, PROPOSALS, { timeout: 120_000 });
      openMs.push(Date.now() - started);

      await page.evaluate(installLatencyProbe);
      const paragraph = page.locator(".draft-text > p.para").nth(10);
      await paragraph.click();
      await page.keyboard.press("End");
      await page.keyboard.type("x".repeat(KEYSTROKES), { delay: 50 });
      await page.waitForTimeout(300);
      latencies.push(...(await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)));
      await context.close();
    }
    return { openMs, keystrokeMs: summary(latencies), paragraphs: PARAGRAPHS, proposals: PROPOSALS, stances: STANCES };
  } finally {
    await browser?.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
