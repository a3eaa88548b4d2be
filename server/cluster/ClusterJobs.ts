/**
 * The jobs one process of a cluster runs at a time (issue 16, DESIGN.md section 8): publishing
 * statuses, settling silence deadlines and compacting logs, each under its own PostgreSQL advisory
 * lease (`AdvisoryLease`, `LeaseKey`). Every process runs the same code; the lease decides who acts.
 *
 * A holder must hear of changes made on every process, including to drafts it has no room loaded
 * for: each process announces its clients' changes and its new deadlines (`DraftNotices`), and the
 * holders act on the notices. What a holder may have missed — while another held the lease, or
 * while Redis was away — it makes good when it takes the lease and when Redis comes back: the
 * status holder publishes every draft, the silence holder reads every deadline again.
 */
import { log, LogEvent } from "../log";
import type { StatusPublisher } from "../consensus/StatusPublisher";
import type { SilenceTimer } from "../consensus/SilenceTimer";
import { AdvisoryLease } from "./AdvisoryLease";
import type { Cluster } from "./Cluster";
import { DraftChange, DraftNotices } from "./DraftNotices";
import { LeaseKey } from "./leaseKeys";
import { LogCompactor } from "./LogCompactor";

/** How long a process waits between tries for a lease another process holds: how soon a dead holder's job moves. */
export const LEASE_RETRY_MS = 1_000;

/**
 * How often the silence holder reads the deadlines again though no notice came: a process that died
 * between storing a deadline and announcing it leaves one no notice will tell of. (A status left
 * stale the same way is published again at the draft's next change.)
 */
export const DEADLINE_RECHECK_MS = 60_000;

/** The jobs a process may hold, with what it does on taking and losing each. */
export interface LeasedJobParts {
  status: StatusPublisher;
  silence: SilenceTimer;
  /** Compacts the cluster's long logs; one over the cluster's database by default. */
  compactor?: LogCompactor;
}

/** One process's share of the cluster's leased jobs. */
export class ClusterJobs {
  private readonly notices: DraftNotices;
  private readonly compactor: LogCompactor;
  private readonly leases: Map<LeaseKey, AdvisoryLease>;
  private unlisten: (() => Promise<void>) | null = null;
  private forgetReconnect: (() => void) | null = null;
  private recheck: NodeJS.Timeout | null = null;

  constructor(
    private readonly cluster: Cluster,
    private readonly parts: LeasedJobParts,
  ) {
    this.notices = new DraftNotices(cluster.bus, (error) => log.warn(LogEvent.crashAvoided, { during: "reading a draft notice", error }));
    this.compactor = parts.compactor ?? new LogCompactor(cluster.storage);
    const { status, silence } = parts;
    this.leases = new Map([
      [LeaseKey.statusPublisher, this.lease(LeaseKey.statusPublisher, () => void status.takeOver(), () => status.standBy())],
      [LeaseKey.silenceDeadlines, this.lease(LeaseKey.silenceDeadlines, () => void silence.resume(), () => silence.pause())],
      [LeaseKey.compaction, this.lease(LeaseKey.compaction, () => this.compactor.start(), () => void this.compactor.stop())],
    ]);
  }

  /** The silence lease, which the silence timer confirms before each settlement. */
  get silenceLease(): { confirm(): Promise<boolean> } {
    return this.leases.get(LeaseKey.silenceDeadlines)!;
  }

  /** Whether this process holds the lease of job `key` now. */
  holds(key: LeaseKey): boolean {
    return this.leases.get(key)!.held;
  }

  /** Listens to the other processes' notices, then starts trying for every lease. */
  async start(): Promise<void> {
    this.unlisten = await this.notices.listen((change, draftId) => this.heard(change, draftId));
    this.forgetReconnect = this.cluster.bus.onReconnect(() => this.catchUp());
    for (const lease of this.leases.values()) lease.start();
    this.recheck = setInterval(() => {
      if (this.holds(LeaseKey.silenceDeadlines)) void this.parts.silence.resume();
    }, DEADLINE_RECHECK_MS);
    this.recheck.unref();
  }

  /**
   * Tells the other processes that `change` happened to draft `draftId` here (this process has
   * acted on it already, if it holds the job). A notice Redis does not take is made good by the
   * holder's catch-up after Redis comes back.
   */
  announce(change: DraftChange, draftId: string): void {
    this.notices.announce(change, draftId).catch((error: unknown) => log.warn(LogEvent.crashAvoided, { during: "announcing a draft's change", draftId, error }));
  }

  /** Gives every lease up and stops listening; resolves once no job is running here. */
  async stop(): Promise<void> {
    if (this.recheck) clearInterval(this.recheck);
    this.forgetReconnect?.();
    await this.unlisten?.();
    await Promise.all(Array.from(this.leases.values(), (lease) => lease.stop()));
    await this.compactor.stop();
  }

  private heard(change: DraftChange, draftId: string): void {
    if (change === DraftChange.rooms) {
      if (this.holds(LeaseKey.statusPublisher)) void this.parts.status.changed(draftId);
    } else if (this.holds(LeaseKey.silenceDeadlines)) {
      void this.parts.silence.resume();
    }
  }

  /** Redis came back: notices may have been lost, so each held job looks at everything again. */
  private catchUp(): void {
    if (this.holds(LeaseKey.statusPublisher)) void this.parts.status.takeOver();
    if (this.holds(LeaseKey.silenceDeadlines)) void this.parts.silence.resume();
  }

  private lease(key: LeaseKey, onAcquired: () => void, onLost: () => void): AdvisoryLease {
    return new AdvisoryLease({
      connectionString: this.cluster.databaseUrl,
      key,
      retryMs: LEASE_RETRY_MS,
      onAcquired,
      onLost,
      onError: (error) => log.warn(LogEvent.crashAvoided, { during: "trying for a lease", key, error }),
    });
  }
}
