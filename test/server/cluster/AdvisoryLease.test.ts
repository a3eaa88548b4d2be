/**
 * One job across the cluster (issue 16): of two processes' leases on one job, exactly one holds it;
 * when the holder stops, or its connection is cut by the database, the other takes it over and the
 * cut holder is told it lost it. Against a real PostgreSQL.
 */
import pg from "pg";
import { AdvisoryLease } from "../../../server/cluster/AdvisoryLease";
import { LeaseKey } from "../../../server/cluster/leaseKeys";
import { freshPostgresUrl } from "../../support/postgres";
import { waitFor } from "../../support/waitFor";

const RETRY_MS = 50;

interface Holder {
  lease: AdvisoryLease;
  events: string[];
}

function holder(connectionString: string, key: number): Holder {
  const events: string[] = [];
  const lease = new AdvisoryLease({ connectionString, key, retryMs: RETRY_MS, onAcquired: () => events.push("acquired"), onLost: () => events.push("lost") });
  return { lease, events };
}

const started: Holder[] = [];
function start(...holders: Holder[]): void {
  for (const one of holders) {
    started.push(one);
    one.lease.start();
  }
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((one) => one.lease.stop()));
});

describe("AdvisoryLease", () => {
  it("lets one of two processes hold a job, and the other take it when the first stops", async () => {
    const url = await freshPostgresUrl();
    const a = holder(url, LeaseKey.silenceDeadlines);
    const b = holder(url, LeaseKey.silenceDeadlines);
    start(a, b);
    await waitFor(() => a.lease.held || b.lease.held);
    // Several tries later, still only one.
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 4));
    expect([a.lease.held, b.lease.held].filter(Boolean)).toHaveLength(1);
    const [first, second] = a.lease.held ? [a, b] : [b, a];
    expect(await first.lease.confirm()).toBe(true);
    expect(await second.lease.confirm()).toBe(false);
    await first.lease.stop();
    expect(first.events).toEqual(["acquired", "lost"]);
    await waitFor(() => second.lease.held);
    expect(second.events).toEqual(["acquired"]);
  });

  it("moves the job to the other process when the database cuts the holder's connection, and tells the holder", async () => {
    const url = await freshPostgresUrl();
    const a = holder(url, LeaseKey.compaction);
    start(a);
    await waitFor(() => a.lease.held);
    const b = holder(url, LeaseKey.compaction);
    start(b);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // A dead process looks like this to the database: its session ends, and its locks with it.
      const { rows } = await admin.query<{ cut: boolean }>("SELECT pg_terminate_backend(pid) AS cut FROM pg_locks WHERE locktype = 'advisory' AND objid = $1::bigint::oid AND granted", [
        LeaseKey.compaction,
      ]);
      expect(rows).toEqual([{ cut: true }]);
    } finally {
      await admin.end();
    }
    // Asked before acting, a cut holder answers no, whether or not it has heard of the cut yet.
    expect(await a.lease.confirm()).toBe(false);
    await waitFor(() => b.lease.held);
    await waitFor(() => a.events.includes("lost"));
    expect(a.lease.held).toBe(false);
  });

  it("keeps different jobs apart: one process may hold several", async () => {
    const url = await freshPostgresUrl();
    const deadlines = holder(url, LeaseKey.silenceDeadlines);
    const statuses = holder(url, LeaseKey.statusPublisher);
    start(deadlines, statuses);
    await waitFor(() => deadlines.lease.held && statuses.lease.held);
  });
});
