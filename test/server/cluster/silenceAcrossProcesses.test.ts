/**
 * Acceptance 4 of issue 16 with separate processes of the built server: a silence procedure whose
 * deadline passes while two processes run is settled exactly once; and killing the holder of the
 * silence lease (SIGKILL) before the deadline still settles it, by the other process. A process
 * cannot take an injected clock, so the draft sets no least notice (`silenceNoticeHours: 0`, as the
 * New draft form and `draft create --notice 0` allow) and the deadline is a few seconds ahead.
 */
import pg from "pg";
import { ConsensusStatus, type ParagraphStatus, type SilenceProcedure } from "../../../schemas/records";
import { startSilence } from "../../../shared/consensus/silenceProcedure";
import { TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { LeaseKey } from "../../../server/cluster/leaseKeys";
import type { ConcordServer } from "../../../server/ConcordServer";
import { Drafts } from "../../../server/drafts/Drafts";
import { inviteMember } from "../../../server/identity/invitations";
import { PostgresStorage } from "../../../server/storage/PostgresStorage";
import { clusterEngines, startClusterProcess, type ClusterEngines } from "../../support/cluster";
import { onTestEnd } from "../../support/cleanup";
import { doc, p } from "../../support/dsl";
import type { ServerProcess } from "../../support/serverProcess";
import { connectStockClient } from "../../support/stockClient";
import { waitFor } from "../../support/waitFor";

/** How far ahead the deadline is: time enough to start a procedure and kill a process before it, on a loaded machine. */
const NOTICE_MS = 8_000;
/** Generous waits: a settlement after the deadline, a lease moving after its holder died. */
const SETTLED_WITHIN_MS = 40_000;

const at = (url: string) => ({ url }) as ConcordServer;

/** Whether some session holds job `key`'s lease now, as the database sees it. */
async function leaseHeld(databaseUrl: string, key: LeaseKey): Promise<boolean> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 AND objid = $1::bigint::oid AND granted", [key]);
    return rows.length > 0;
  } finally {
    await admin.end();
  }
}

/** Two processes, the first holding the silence lease, and a store of the test's own over the same database. */
async function twoProcesses(): Promise<{ engines: ClusterEngines; holder: ServerProcess; other: ServerProcess; storage: PostgresStorage }> {
  const engines = await clusterEngines();
  const holder = await startClusterProcess(engines);
  await waitFor(() => leaseHeld(engines.databaseUrl, LeaseKey.silenceDeadlines), Boolean, { what: "the first process holding the silence lease", timeoutMs: SETTLED_WITHIN_MS });
  const other = await startClusterProcess(engines);
  const storage = await PostgresStorage.open(engines.databaseUrl);
  onTestEnd(() => storage.close());
  return { engines, holder, other, storage };
}

/** A draft without least notice, and a procedure on all of it started by a chair on `process`, ending `NOTICE_MS` from now. */
async function procedureThrough(storage: PostgresStorage, process: ServerProcess) {
  const draft = await new Drafts(storage).create({ title: "Silence across processes", doc: doc(p("Only paragraph.")), silenceNoticeHours: 0 });
  const { token } = await inviteMember(storage.identity, { draftId: draft.id, role: Role.chair });
  const chair = await connectStockClient(at(process.url), draft.id, { token });
  const deadline = new Date(Date.now() + NOTICE_MS);
  const key = startSilence(chair.doc, "all", deadline, new Date());
  await waitFor(async () => (await storage.listDeadlines()).length, (count) => count === 1, { what: "the deadline stored" });
  const pid = textBlocks(chair.doc.getXmlFragment(TextRoot.content))[0]!.pid!;
  return { draft, chair, key, deadline, pid };
}

/** The settlement writes in the audit: the server's entries touching the procedure's record. */
async function settlements(storage: PostgresStorage, draftId: string, key: string): Promise<number> {
  const audit = await storage.readAudit(draftId, { limit: 1000 });
  return audit.filter((entry) => entry.principal === "server" && entry.touched.some((touched) => touched.key === key)).length;
}

describe("a silence deadline across processes", () => {
  it("is settled exactly once when it passes while both processes run", async () => {
    const { other, storage } = await twoProcesses();
    const { draft, chair, key, pid } = await procedureThrough(storage, other);
    await waitFor(() => chair.doc.getMap<SilenceProcedure>(TextRoot.decisions).get(key)?.outcome, Boolean, { what: "the outcome", timeoutMs: SETTLED_WITHIN_MS });
    expect(chair.doc.getMap<SilenceProcedure>(TextRoot.decisions).get(key)!.outcome).toMatchObject({ adopted: [pid], brokenBy: [] });
    await waitFor(() => chair.doc.getMap<ParagraphStatus>(TextRoot.status).get(pid)?.status, (status) => status === ConsensusStatus.agreed, { what: "the paragraph agreed" });
    await waitFor(async () => (await storage.listDeadlines()).length, (count) => count === 0, { what: "the deadline forgotten" });
    expect(await settlements(storage, draft.id, key)).toBe(1);
  });

  it("is settled by the other process when the holder of the lease is killed before it", async () => {
    const { holder, other, storage } = await twoProcesses();
    const { draft, chair, key, deadline, pid } = await procedureThrough(storage, other);
    holder.child.kill("SIGKILL");
    expect(await holder.exited).toBe("SIGKILL");
    // Killed before the deadline, or the test proves nothing.
    expect(Date.now()).toBeLessThan(deadline.getTime());
    expect(chair.doc.getMap<SilenceProcedure>(TextRoot.decisions).get(key)?.outcome).toBeUndefined();

    await waitFor(() => chair.doc.getMap<SilenceProcedure>(TextRoot.decisions).get(key)?.outcome, Boolean, { what: "the outcome, from the other process", timeoutMs: SETTLED_WITHIN_MS });
    const outcome = chair.doc.getMap<SilenceProcedure>(TextRoot.decisions).get(key)!.outcome!;
    expect(outcome.adopted).toEqual([pid]);
    expect(Date.parse(outcome.settledAt)).toBeGreaterThanOrEqual(deadline.getTime());
    await waitFor(() => chair.doc.getMap<ParagraphStatus>(TextRoot.status).get(pid)?.status, (status) => status === ConsensusStatus.agreed, { what: "the paragraph agreed" });
    await waitFor(async () => (await storage.listDeadlines()).length, (count) => count === 0, { what: "the deadline forgotten" });
    expect(await settlements(storage, draft.id, key)).toBe(1);
  });
});
