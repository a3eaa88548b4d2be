/**
 * A job that one process of a cluster runs at a time — publishing statuses, settling silence
 * deadlines, compacting logs (DESIGN.md section 8) — held as a PostgreSQL advisory lock on a
 * connection of its own. The lock lives as long as that connection's session: if the holder dies
 * or loses the database, the session ends, the lock is free, and another process's next try takes
 * it. A process that loses its connection also stops the job on its side (`onLost`) before trying
 * again, so two processes never both believe they hold it for longer than the database needs to
 * see a dead connection.
 */
import pg from "pg";

/** Whether this session holds advisory lock $1 (a bigint key is kept as its high and low 32 bits, with objsubid 1). */
const HOLDS_LOCK = `SELECT EXISTS (
  SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
    AND classid = ($1::bigint >> 32)::oid AND objid = ($1::bigint & 4294967295)::oid AND objsubid = 1
) AS held`;

/** What a lease does when it is taken or lost, and how often it tries. */
export interface LeaseOptions {
  /** The database, as `CONCORD_DATABASE_URL` names it. */
  connectionString: string;
  /** The advisory lock's key: one per job, written once (`leaseKeys.ts`). */
  key: number;
  /** How long to wait between tries while another process holds the lease. */
  retryMs: number;
  /** This process now holds the lease: start the job. */
  onAcquired(): void;
  /** This process no longer holds the lease (its connection broke): stop the job. */
  onLost(): void;
  /** A try failed for a reason other than another holder (the database is down): it is retried. */
  onError?(error: unknown): void;
}

/** One job's lease, tried until taken and kept until stopped or the connection breaks. */
export class AdvisoryLease {
  private client: pg.Client | null = null;
  private holding = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: LeaseOptions) {}

  /** Whether this process holds the lease now. */
  get held(): boolean {
    return this.holding;
  }

  /**
   * Asks the database, on the lease's own connection, whether this process holds the lease now: a
   * job confirms just before a write that must happen once (settling a deadline), so a holder whose
   * connection the database has cut, but which has not heard so yet, finds out and writes nothing.
   */
  async confirm(): Promise<boolean> {
    const client = this.client;
    if (!this.holding || !client) return false;
    try {
      const { rows } = await client.query<{ held: boolean }>(HOLDS_LOCK, [this.options.key]);
      return rows[0]!.held && this.holding && client === this.client;
    } catch {
      return false;
    }
  }

  /** Starts trying to take the lease. */
  start(): void {
    this.stopped = false;
    void this.attempt();
  }

  /** Gives the lease up (closing its connection frees the lock at once) and stops trying. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    if (this.holding) {
      this.holding = false;
      this.options.onLost();
    }
    await client?.end().catch(() => undefined);
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    try {
      const client = this.client ?? (await this.connect());
      const { rows } = await client.query<{ held: boolean }>("SELECT pg_try_advisory_lock($1) AS held", [this.options.key]);
      if (this.stopped || client !== this.client) return;
      if (rows[0]!.held) {
        this.holding = true;
        this.options.onAcquired();
        return;
      }
    } catch (error) {
      this.options.onError?.(error);
      await this.dropConnection();
    }
    this.retry();
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.options.connectionString });
    // A broken connection takes the lock with it: whoever held it through this connection holds it no more.
    client.on("error", () => void this.connectionLost(client));
    client.on("end", () => void this.connectionLost(client));
    this.client = client;
    await client.connect();
    return client;
  }

  private async connectionLost(client: pg.Client): Promise<void> {
    if (client !== this.client) return;
    this.client = null;
    if (this.holding) {
      this.holding = false;
      this.options.onLost();
    }
    this.retry();
  }

  private async dropConnection(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private retry(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.attempt();
    }, this.options.retryMs);
  }
}
