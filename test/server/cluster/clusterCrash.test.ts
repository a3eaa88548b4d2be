/**
 * A crash in a cluster (issue 16, acceptance 3): two processes of the built server over one
 * PostgreSQL and one Redis. Writers on both processes type 300 edits and count Concord's "saved"
 * acknowledgements; one process is killed with SIGKILL three times with edits in flight and
 * restarted on a new port, one of its writers sent to the survivor at once and the other waiting
 * offline for the restart. Right after each kill, every edit acknowledged so far and every edit a
 * watcher has received is in the store; at the end every edit is acknowledged, and both processes'
 * copies and a fresh reader of the store hold them all and agree on the text.
 */
import * as Y from "yjs";
import { Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import type { ConcordServer } from "../../../server/ConcordServer";
import { Drafts } from "../../../server/drafts/Drafts";
import { inviteMember } from "../../../server/identity/invitations";
import { PostgresStorage } from "../../../server/storage/PostgresStorage";
import { onTestEnd } from "../../support/cleanup";
import { clusterEngines, startClusterProcess } from "../../support/cluster";
import { doc, p } from "../../support/dsl";
import { connectSavingClient, type SavingClient } from "../../support/savingClient";
import type { ServerProcess } from "../../support/serverProcess";
import { connectStockClient, paragraphTexts, typeAtStart, type StockClient } from "../../support/stockClient";
import { waitFor } from "../../support/waitFor";

/** The edits typed in all, every one of them acknowledged by the end. */
const ACKNOWLEDGED_EDITS = 300;
/** The acknowledged edits at which the victim is killed, once each. */
const KILL_AT = [60, 140, 220];
/** How far typing runs ahead of the next kill, so that the kill lands with edits in flight. */
const TYPED_AHEAD = 20;
/** Writers in all: writer `i` starts on process `i % 2`. */
const WRITERS = 4;
/** How often every writer types one edit, connected or not. */
const TYPING_INTERVAL_MS = 40;
/** The process killed, and the one that survives. */
const VICTIM = 1;
const SURVIVOR = 0;
/** Generous deadlines: restarts and catching up on a loaded machine. */
const PATIENCE_MS = 30_000;

/** What writer `writer` types as its `n`th edit: a marker a reader finds in the text. */
const marker = (writer: number, n: number) => `w${writer}.${n};`;
const MARKERS = /w\d+\.\d+;/g;

/** A server process as the stock-client helpers address it. */
function server(process: ServerProcess): ConcordServer {
  return { url: process.url } as ConcordServer;
}

function markersIn(document: Y.Doc): Set<string> {
  return new Set(paragraphTexts(document.getXmlFragment(TextRoot.content)).join("").match(MARKERS) ?? []);
}

/** The edits in `expected` that `held` lacks. */
function missing(expected: Iterable<string>, held: Set<string>): string[] {
  return Array.from(expected).filter((edit) => !held.has(edit));
}

/** The text room as the store holds it. */
async function storedText(store: PostgresStorage, draftId: string): Promise<Y.Doc> {
  const stored = new Y.Doc();
  for (const { update } of await store.loadUpdates(draftId, Room.text)) Y.applyUpdate(stored, update);
  return stored;
}

/** An observer's stock client that remembers every edit it ever received (an observer, so it can never write one back). */
interface Watcher {
  client: StockClient;
  seen: Set<string>;
}

async function watch(at: ServerProcess, draftId: string, token: string): Promise<Watcher> {
  const client = await connectStockClient(server(at), draftId, { token });
  const seen = markersIn(client.doc);
  client.doc.on("update", () => {
    for (const edit of markersIn(client.doc)) seen.add(edit);
  });
  return { client, seen };
}

describe("a cluster whose process is killed", () => {
  it("keeps every acknowledged edit and relays none it has not stored, through three SIGKILLs", async () => {
    const engines = await clusterEngines();
    const store = await PostgresStorage.open(engines.databaseUrl);
    onTestEnd(() => store.close());
    const draftId = (await new Drafts(store).create({ title: "Killed thrice", doc: doc(p("First."), p("Second.")) })).id;
    const member = async (role: Role) => (await inviteMember(store.identity, { draftId, role })).token;
    const observer = await member(Role.observer);

    const processes = await Promise.all([startClusterProcess(engines), startClusterProcess(engines)]);
    const writers: SavingClient[] = [];
    for (let i = 0; i < WRITERS; i++) writers.push(await connectSavingClient(processes[i % 2]!, draftId, await member(Role.chair)));
    const victimsWriters = writers.filter((_, i) => i % 2 === VICTIM);
    const watchers = [await watch(processes[SURVIVOR]!, draftId, observer), await watch(processes[VICTIM]!, draftId, observer)];
    const everyWatcher = [...watchers];

    const typed = writers.map(() => 0);
    /** How many edits may be typed so far: the next kill's count and a little more, then exactly the total. */
    let budget = KILL_AT[0]! + TYPED_AHEAD;
    const typing = setInterval(() => {
      writers.forEach((writer, i) => {
        if (typed.reduce((sum, count) => sum + count, 0) < budget) typeAtStart(writer.doc.getXmlFragment(TextRoot.content), i % 2, marker(i, typed[i]!++));
      });
    }, TYPING_INTERVAL_MS);
    onTestEnd(() => clearInterval(typing));
    /** The edits the server has acknowledged: each writer's first `saved`. */
    const acknowledged = () => writers.flatMap((writer, i) => Array.from({ length: writer.saved }, (_, n) => marker(i, n)));
    const seen = () => everyWatcher.flatMap((watcher) => Array.from(watcher.seen));

    for (const [kill, threshold] of KILL_AT.entries()) {
      await waitFor(() => acknowledged().length, (count) => count >= threshold, { timeoutMs: PATIENCE_MS, what: `${threshold} acknowledged edits` });
      const victim = processes[VICTIM]!;
      victim.child.kill("SIGKILL");
      expect(await victim.exited).toBe("SIGKILL");
      // Once its clients have read their sockets to the end, the victim has acknowledged and relayed all it ever will: all of it must be stored.
      const onVictim = [...victimsWriters.map((writer) => writer.provider), watchers[VICTIM]!.client.provider];
      await waitFor(() => onVictim.every((provider) => !provider.wsconnected), Boolean, { what: "the victim's clients to see it gone" });
      const [acknowledgedBefore, seenBefore] = [acknowledged(), seen()];
      const stored = markersIn(await storedText(store, draftId));
      expect(missing(acknowledgedBefore, stored)).toEqual([]);
      expect(missing(seenBefore, stored)).toEqual([]);

      watchers[VICTIM]!.client.destroy();
      const [toSurvivor] = victimsWriters;
      toSurvivor!.moveTo(processes[SURVIVOR]!);
      processes[VICTIM] = await startClusterProcess(engines);
      // The one on the survivor leaves it with edits in flight; the other reconnects with what it typed offline.
      for (const writer of victimsWriters) writer.moveTo(processes[VICTIM]!);
      budget = kill + 1 < KILL_AT.length ? KILL_AT[kill + 1]! + TYPED_AHEAD : ACKNOWLEDGED_EDITS;
      watchers[VICTIM] = await watch(processes[VICTIM]!, draftId, observer);
      everyWatcher.push(watchers[VICTIM]!);
      const savedAtRestart = victimsWriters.map((writer) => writer.saved);
      await waitFor(() => victimsWriters.every((writer, k) => writer.saved > savedAtRestart[k]!), Boolean, {
        timeoutMs: PATIENCE_MS,
        what: "the restarted process to acknowledge its writers' edits",
      });
    }

    await waitFor(() => acknowledged().length, (count) => count === ACKNOWLEDGED_EDITS, { timeoutMs: PATIENCE_MS, what: `all ${ACKNOWLEDGED_EDITS} edits acknowledged` });
    clearInterval(typing);
    expect(writers.map((writer) => writer.made)).toEqual(typed);
    expect(writers.every((writer) => writer.saved === writer.made)).toBe(true);
    const every = acknowledged();

    const readers: StockClient[] = [];
    for (const at of processes) {
      const reader = await connectStockClient(server(at), draftId, { token: observer });
      await waitFor(() => missing(every, markersIn(reader.doc)), (lacking) => lacking.length === 0, { timeoutMs: PATIENCE_MS, what: "every edit in a process's copy" });
      readers.push(reader);
    }
    const fresh = await PostgresStorage.open(engines.databaseUrl);
    onTestEnd(() => fresh.close());
    const stored = await storedText(fresh, draftId);
    expect(missing(every, markersIn(stored))).toEqual([]);
    expect(missing(seen(), markersIn(stored))).toEqual([]);
    const storedParagraphs = paragraphTexts(stored.getXmlFragment(TextRoot.content));
    for (const reader of readers) expect(reader.paragraphs()).toEqual(storedParagraphs);
  }, 120_000);
});
