/**
 * `start` and `serve`: the server in the foreground until Ctrl-C. On a first `start` it creates the
 * demo draft with its members and the secretariat's organizer account, and prints their sign-in links.
 */
import fs from "node:fs";
import { startConcordServer, type ConcordServer } from "../ConcordServer";
import { publicBaseUrl, type ServerConfig } from "../config";
import { createDemoDraft, DEMO_MEMBERS } from "../demo/createDemoDraft";
import { Drafts } from "../drafts/Drafts";
import { trustProxies } from "../http/clientAddress";
import { withConnectionCap } from "../http/httpLimits";
import { inviteMember, inviteOrganizer } from "../identity/invitations";
import { openStorage } from "../storage/openStorage";
import { PostgresStorage } from "../storage/PostgresStorage";

/** Printed once a shutdown has saved everything and closed the store. */
export const STOPPED_MESSAGE = "Concord stopped; everything is saved.";

/** The name of the organizer account a first `start` creates. */
export const FIRST_ORGANIZER_NAME = "Secretariat";

/** The label of the organizer's link among the printed ones. */
export const ORGANIZER_LABEL = "Secretariat";

function printLink(base: string, label: string, signInPath: string): void {
  console.log(`  ${label.padEnd(16)} ${base}${signInPath}`);
}

/** Why a process may not serve over PostgreSQL: several processes need Redis, which is not built yet. */
export const NOT_ALONE_MESSAGE =
  "Another Concord process serves this PostgreSQL database. Several processes need CONCORD_REDIS_URL, which this version does not support yet: run one process.";

/** Refused until processes tell each other what changed through Redis (issue 16's next step). */
export const REDIS_NOT_YET_MESSAGE = "CONCORD_REDIS_URL is set, but this version of Concord cannot yet run as several processes: unset it to serve alone over PostgreSQL.";

/**
 * Serves the configured store (SQLite in `config.dataDir`, or PostgreSQL); with `firstStart`,
 * creates the demo draft (when there is no draft) and an organizer (when there is none).
 */
export async function serve(config: ServerConfig, firstStart: boolean): Promise<ConcordServer> {
  if (config.redisUrl !== null) throw new Error(REDIS_NOT_YET_MESSAGE);
  const { storage, where } = await openStorage(config);
  if (storage instanceof PostgresStorage && !(await storage.claimSoleServer())) {
    await storage.close();
    throw new Error(NOT_ALONE_MESSAGE);
  }
  const drafts = new Drafts(storage);
  const demo = firstStart && (await drafts.list()).length === 0 ? await createDemoDraft(drafts) : null;
  const organizer = firstStart && !(await storage.identity.hasOrganizer()) ? await inviteOrganizer(storage.identity, FIRST_ORGANIZER_NAME) : null;
  trustProxies(config.trustedProxies);
  const commitTimes: number[] = [];
  if (config.benchTrustOff) console.warn("CONCORD_BENCH_TRUST_OFF: the write guard and durable commit are OFF. Benchmarks only.");
  const server = await startConcordServer({
    storage,
    port: config.port,
    host: config.host,
    publicUrl: config.publicUrl,
    limits: withConnectionCap(config.maxConnectionsPerAddress),
    room: { trustOff: config.benchTrustOff, onCommitted: config.benchCommitLog ? (ms) => commitTimes.push(ms) : undefined },
  });
  const base = publicBaseUrl(config, server.url) ?? server.url;
  console.log(`Concord is serving ${where} at ${server.url}`);
  for (const draft of await drafts.list()) console.log(`  ${draft.title}: ${base}/d/${draft.id}`);
  if (demo) {
    console.log(`Created the demo draft "${demo.title}". Sign-in links (each works once):`);
    for (const member of DEMO_MEMBERS) printLink(base, member.label, (await inviteMember(storage.identity, { draftId: demo.id, ...member })).signInPath);
  }
  if (organizer) {
    console.log("Created the secretariat's organizer account, which creates drafts and invites members from the drafts page:");
    printLink(base, ORGANIZER_LABEL, organizer.signInPath);
  }
  const shutDown = (signal: string) => {
    console.log(`${signal}: saving and shutting down…`);
    server.close().then(
      () => {
        if (config.benchCommitLog) fs.writeFileSync(config.benchCommitLog, JSON.stringify(commitTimes));
        console.log(STOPPED_MESSAGE);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutDown("SIGINT"));
  process.once("SIGTERM", () => shutDown("SIGTERM"));
  return server;
}
