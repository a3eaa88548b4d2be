/**
 * Concord's server in one process: the HTTP app and the sync sockets on one port, over one store.
 * Tests start it on port 0; the command line starts it from the environment.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { CloseCode, closeReason } from "../shared/closeCodes";
import { parseSyncPath } from "../shared/documentLayout";
import { Drafts } from "./drafts/Drafts";
import { PdfPrinter } from "./export/pdf/PdfPrinter";
import { clientAddress } from "./http/clientAddress";
import { ConnectionGate } from "./http/ConnectionGate";
import { createApp } from "./http/createApp";
import { FailureLimit } from "./http/FailureLimit";
import { httpErrors } from "./http/HttpError";
import { DEFAULT_HTTP_LIMITS, TIMEOUT_CHECK_INTERVAL_MS, type HttpLimits } from "./http/httpLimits";
import { RequestOrigin, requestOrigin } from "./http/requestOrigin";
import { log, LogEvent } from "./log";
import { CLIENT_DIST_DIR } from "./paths";
import { SqliteStorage } from "./storage/SqliteStorage";
import type { Cluster, ClusterOptions } from "./cluster/Cluster";
import { clusterLink } from "./cluster/ClusterLink";
import { SharedFailureCounts } from "./cluster/SharedFailureCounts";
import { clusterPresence } from "./cluster/ClusterPresence";
import type { ClusterJobs } from "./cluster/ClusterJobs";
import { DraftChange } from "./cluster/DraftNotices";
import { MembershipClosings } from "./cluster/MembershipClosings";
import type { Storage } from "./storage/Storage";
import type { RoomOptions } from "./sync/Room";
import { RoomRegistry, ROOM_IDLE_UNLOAD_MS } from "./sync/RoomRegistry";
import { SYSTEM_CLOCK, type Clock } from "./clock";
import { SilenceTimer } from "./consensus/SilenceTimer";
import { StatusPublisher } from "./consensus/StatusPublisher";
import { reconcileAllRevisions } from "./revisions/reconcileRevisions";
import { acceptSyncSocket } from "./sync/acceptSyncSocket";
import { LiveConnections } from "./sync/LiveConnections";
import { PresenceBudgets } from "./sync/PresenceBudgets";
import { MAX_FRAME_BYTES_READ } from "./sync/socketLimits";

/** How to start a server. */
export interface ServerOptions {
  port?: number;
  host?: string;
  /** The store; or a data folder for the SQLite store. */
  storage?: Storage;
  dataDir?: string;
  clientDir?: string;
  roomIdleUnloadMs?: number;
  /** Settings of every room (see `RoomOptions`): the benchmark's guard, commit timing. */
  room?: RoomOptions;
  /**
   * Cluster mode: this process is one of several over one PostgreSQL database (the `storage`, a
   * `PostgresStorage`) and one Redis. Without it the process serves alone.
   */
  cluster?: ClusterOptions;
  /** The time silence procedures are settled by; tests inject one. */
  clock?: Clock;
  /** Prints PDF exports; tests inject one without a browser, or with a short deadline. */
  pdfPrinter?: PdfPrinter;
  /** The address people reach the server at (`CONCORD_PUBLIC_URL`): pages from there may use it, besides pages from the address a request was sent to. */
  publicUrl?: string | null;
  /** Timeouts, connection caps and the failure limit, where they differ from `DEFAULT_HTTP_LIMITS`. */
  limits?: Partial<HttpLimits>;
}

/** A running server. */
export interface ConcordServer {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  readonly port: number;
  readonly drafts: Drafts;
  readonly rooms: RoomRegistry;
  readonly storage: Storage;
  readonly live: LiveConnections;
  /** Publishes consensus status into each draft's `text` room. */
  readonly status: StatusPublisher;
  /** Settles silence procedures at their deadlines. */
  readonly silence: SilenceTimer;
  /** This process's membership of its cluster; null when it serves alone. */
  readonly cluster: Cluster | null;
  /** The jobs this process may hold for its cluster (status, silence, compaction); null when it serves alone. */
  readonly jobs: ClusterJobs | null;
  /** Closes every socket, unloads the rooms (compacting them) and closes the store. */
  close(): Promise<void>;
}

/** Starts a server and resolves once it listens. */
export async function startConcordServer(options: ServerOptions): Promise<ConcordServer> {
  const storage = options.storage ?? new SqliteStorage(requireDataDir(options));
  // Imported only in cluster mode: a process serving alone never loads Redis's client nor PostgreSQL's driver.
  const clusterModule = options.cluster ? await import("./cluster/joinCluster") : null;
  const cluster = clusterModule && options.cluster ? await clusterModule.joinCluster(options.cluster, storage) : null;
  const drafts = new Drafts(storage);
  const status = new StatusPublisher();
  const clock = options.clock ?? SYSTEM_CLOCK;
  // In cluster mode the jobs' holders hear of every change here through the jobs' notices.
  let jobs: ClusterJobs | null = null;
  const draftChanged = (draftId: string) => {
    void status.changed(draftId);
    jobs?.announce(DraftChange.rooms, draftId);
  };
  const rooms = new RoomRegistry(storage, options.roomIdleUnloadMs ?? ROOM_IDLE_UNLOAD_MS, {
    ...options.room,
    link: cluster ? clusterLink(cluster) : options.room?.link,
    presenceLink: cluster ? clusterPresence(cluster.bus) : options.room?.presenceLink,
    compactsLog: cluster === null && options.room?.compactsLog !== false,
    clock,
    onClientChange: (room) => {
      options.room?.onClientChange?.(room);
      draftChanged(room.draftId);
      silence.noteChange(room).catch((error: unknown) => log.error(LogEvent.crashAvoided, { during: "recording silence deadlines", draftId: room.draftId, error }));
    },
  });
  status.attach(rooms, storage);
  const silence = new SilenceTimer(storage, rooms, clock, {
    afterSettle: draftChanged,
    afterDeadlinesChanged: (draftId) => jobs?.announce(DraftChange.deadlines, draftId),
    lease: cluster ? { confirm: () => jobs?.silenceLease.confirm() ?? Promise.resolve(false) } : undefined,
  });
  if (cluster && clusterModule) {
    // Until this process takes a job's lease, another process does that job.
    status.standBy();
    jobs = new clusterModule.ClusterJobs(cluster, { status, silence });
  }
  const live = new LiveConnections();
  // In cluster mode a member's sockets may be on any process: each closes its own when told.
  const memberships = cluster ? await MembershipClosings.listen(cluster.bus, storage.identity, live) : null;
  if (memberships) live.tellOthersWith(memberships);
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const publicUrl = options.publicUrl ?? null;
  const failures = new FailureLimit(limits, cluster ? new SharedFailureCounts(cluster.bus) : undefined);
  const sync = { storage, rooms, live, failures, presence: new PresenceBudgets() };
  const app = createApp(
    {
      storage,
      drafts,
      live,
      rooms,
      clock,
      pdfPrinter: options.pdfPrinter ?? new PdfPrinter(),
      onRevisionPublished: draftChanged,
      failures,
      publicUrl,
    },
    options.clientDir ?? CLIENT_DIST_DIR,
  );
  const httpServer = http.createServer(
    { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
    app,
  );
  new ConnectionGate(limits).attach(httpServer);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES_READ });

  httpServer.on("upgrade", (request, socket, head) => {
    void (async () => {
      const target = parseSyncPath(new URL(request.url ?? "/", "http://localhost").pathname);
      if (!target) {
        socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
        return;
      }
      const wait = await failures.retryAfterSeconds(request);
      if (wait > 0) {
        const message = httpErrors.tooManyFailures(wait).message;
        socket.end(`HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${wait}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${message}`);
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        // A page of another origin is refused before its credential is read: the cookie it carries is someone else's.
        if (requestOrigin(request, publicUrl) === RequestOrigin.foreign) {
          log.warn(LogEvent.originRefused, { route: "sync", draftId: target.draftId, room: target.room, origin: request.headers.origin ?? null, address: clientAddress(request), code: CloseCode.originRefused.code });
          ws.close(CloseCode.originRefused.code, closeReason(CloseCode.originRefused));
          return;
        }
        acceptSyncSocket(sync, ws, request, target).catch((error: unknown) => {
          log.error(LogEvent.crashAvoided, { during: "socket admission", draftId: target.draftId, room: target.room, code: CloseCode.storageFailed.code, error });
          ws.close(CloseCode.storageFailed.code, CloseCode.storageFailed.reason);
        });
      });
    })().catch((error: unknown) => {
      log.error(LogEvent.crashAvoided, { during: "socket upgrade", error });
      socket.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  if (jobs) {
    // The holders of the leases settle deadlines and publish statuses, catching up when they take them.
    await jobs.start();
  } else {
    // Deadlines that passed while the server was down are settled now, before anyone waits on them.
    await silence.start();
    // Drafts stored before the drafts list kept summaries get one, in the background.
    void status.catchUp();
  }
  // A revision stored by a publication the process did not live to commit gets its record back.
  let closingDown = false;
  const reconciling = reconcileAllRevisions(storage, rooms, () => closingDown).catch((error: unknown) =>
    log.error(LogEvent.crashAvoided, { during: "reconciling published revisions with their records", error }),
  );
  const host = options.host && options.host !== "0.0.0.0" && options.host !== "::" ? options.host : "127.0.0.1";

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    drafts,
    rooms,
    storage,
    live,
    status,
    silence,
    cluster,
    jobs,
    close() {
      closing ??= (async () => {
        closingDown = true;
        await reconciling;
        // Leases given up before the store closes: another process takes each job over at once.
        await jobs?.stop();
        await silence.stop();
        await status.stop();
        await rooms.closeAll();
        await memberships?.close();
        await cluster?.close();
        failures.close();
        for (const client of wss.clients) client.terminate();
        wss.close();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await storage.close();
      })();
      return closing;
    },
  };
}

function requireDataDir(options: ServerOptions): string {
  if (!options.dataDir) throw new RangeError("A server needs either a storage or a dataDir");
  return options.dataDir;
}
