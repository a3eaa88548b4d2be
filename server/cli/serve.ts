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
import { TRUST_OFF_GUARD } from "../guard/trustOffGuard";

/** Printed once a shutdown has saved everything and closed the store. */
export const STOPPED_MESSAGE = "Concord stopped; everything is saved.";

/** The name of the organizer account a first `start` creates. */
export const FIRST_ORGANIZER_NAME = "Secretariat";

/** The label of the organizer's link among the printed ones. */
export const ORGANIZER_LABEL = "Secretariat";

function printLink(base: string, label: string, signInPath: string): void {
  console.log(`  ${label.padEnd(16)} ${base}${signInPath}`);
}

/** Why a process may not serve over PostgreSQL alone: another process serves it, alone or in a cluster. */
export const NOT_ALONE_MESSAGE =
  "Another Concord process serves this PostgreSQL database. Several processes must each be given CONCORD_REDIS_URL (the same Redis), or run one process alone.";

/** Why a process may not join a cluster: a process serving the database alone (without Redis) holds it. */
export const SERVED_ALONE_MESSAGE =
  "A Concord process serves this PostgreSQL database alone, without CONCORD_REDIS_URL: stop it and start every process with CONCORD_REDIS_URL.";

/**
 * Serves the configured store (SQLite in `config.dataDir`, or PostgreSQL); with `firstStart`,
 * creates the demo draft (when there is no draft) and an organizer (when there is none).
 */
export async function serve(config: ServerConfig, firstStart: boolean): Promise<ConcordServer> {
  const { storage, postgres, where } = await openStorage(config);
  if (postgres) {
    const inCluster = config.redisUrl !== null;
    if (!(await (inCluster ? postgres.joinCluster() : postgres.claimSoleServer()))) {
      await storage.close();
      throw new Error(inCluster ? SERVED_ALONE_MESSAGE : NOT_ALONE_MESSAGE);
    }
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
    cluster: config.redisUrl !== null && config.databaseUrl !== null ? { redisUrl: config.redisUrl, databaseUrl: config.databaseUrl } : undefined,
    room: { guard: config.benchTrustOff ? TRUST_OFF_GUARD : undefined, onCommitted: config.benchCommitLog ? (ms) => commitTimes.push(ms) : undefined },
  });
  const base = publicBaseUrl(config, server.url) ?? server.url;
  console.log(`Concord is serving ${where}${server.cluster ? ", with the other processes of its cluster," : ""} at ${server.url}`);
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
