/**
 * The administrator's commands (`npm run concord -- <command>`). Each takes parsed arguments and
 * prints what a person needs; bad arguments throw a `UsageError` with the usage line.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { startConcordServer, type ConcordServer } from "../ConcordServer";
import { configFromEnv, type ServerConfig } from "../config";
import { Drafts } from "../drafts/Drafts";
import { createDemoDraft, createDraftFromFile, DEMO_MEMBERS } from "../demo/createDemoDraft";
import { inviteMember, type Invitation } from "../identity/invitations";
import { SqliteStorage } from "../storage/SqliteStorage";

/** Wrong arguments; the message says how to call the command. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Printed once a shutdown has saved everything and closed the store. */
export const STOPPED_MESSAGE = "Concord stopped; everything is saved.";

/** The commands and their usage lines. */
export const USAGE = `Usage: npm run concord -- <command>
  start                               serve, creating the demo draft on first run
  serve                               serve the drafts in CONCORD_DATA_DIR
  draft create --title T [--from F]   create a draft (from a Word, Markdown or text file); prints its id
  draft list                          list the drafts
  invite --draft ID --role chair|delegation|observer [--state CUB] [--name NAME]
                                      invite a member; prints a sign-in link and a token`;

function withDrafts<T>(config: ServerConfig, use: (drafts: Drafts) => Promise<T>): Promise<T> {
  const storage = new SqliteStorage(config.dataDir);
  return use(new Drafts(storage)).finally(() => storage.close());
}

async function draftCommand(args: string[], config: ServerConfig): Promise<void> {
  const [action, ...rest] = args;
  if (action === "list") {
    await withDrafts(config, async (drafts) => {
      for (const draft of await drafts.list()) console.log(`${draft.id}\t${draft.createdAt}\t${draft.title}`);
    });
    return;
  }
  if (action === "create") {
    const { values } = parseArgs({ args: rest, options: { title: { type: "string" }, from: { type: "string" } } });
    if (!values.title && !values.from) throw new UsageError("draft create needs --title or --from");
    const draft = await withDrafts(config, (drafts) =>
      values.from ? createDraftFromFile(drafts, values.from, values.title) : drafts.create({ title: values.title! }),
    );
    console.log(draft.id);
    return;
  }
  throw new UsageError(`Unknown draft action: ${action ?? "(none)"}`);
}

/** The base of the links printed: the public URL when configured, else where the server listens. */
function linkBase(config: ServerConfig, listening?: string): string {
  return config.publicUrl ?? listening ?? `http://localhost:${config.port}`;
}

function printInvitation(base: string, label: string, invitation: Invitation): void {
  console.log(`  ${label.padEnd(16)} ${base}${invitation.signInPath}`);
}

async function inviteCommand(args: string[], config: ServerConfig): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { draft: { type: "string" }, role: { type: "string" }, state: { type: "string" }, name: { type: "string" } },
  });
  if (!values.draft || !values.role) throw new UsageError("invite needs --draft and --role");
  const storage = new SqliteStorage(config.dataDir);
  try {
    if (!(await storage.getDraft(values.draft))) throw new RangeError(`No draft ${values.draft}`);
    const invitation = await inviteMember(storage.identity, { draftId: values.draft, role: values.role, state: values.state, name: values.name });
    console.log(`Sign-in link (works once): ${linkBase(config)}${invitation.signInPath}`);
    console.log(`Token for scripts: ${invitation.token}`);
  } finally {
    await storage.close();
  }
}

async function serve(config: ServerConfig, withDemo: boolean): Promise<ConcordServer> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const storage = new SqliteStorage(config.dataDir);
  const drafts = new Drafts(storage);
  const demo = withDemo && (await drafts.list()).length === 0 ? await createDemoDraft(drafts) : null;
  const commitTimes: number[] = [];
  if (config.benchTrustOff) console.warn("CONCORD_BENCH_TRUST_OFF: the write guard and durable commit are OFF. Benchmarks only.");
  const server = await startConcordServer({
    storage,
    port: config.port,
    host: config.host,
    room: { trustOff: config.benchTrustOff, onCommitted: config.benchCommitLog ? (ms) => commitTimes.push(ms) : undefined },
  });
  console.log(`Concord is serving ${config.dataDir} at ${server.url}`);
  for (const draft of await drafts.list()) console.log(`  ${draft.title}: ${server.url}/d/${draft.id}`);
  if (demo) {
    console.log(`Created the demo draft "${demo.title}". Sign-in links (each works once):`);
    for (const member of DEMO_MEMBERS) {
      printInvitation(linkBase(config, server.url), member.label, await inviteMember(storage.identity, { draftId: demo.id, ...member }));
    }
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

/** Runs one command line. */
export async function runCommand(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const config = configFromEnv();
  switch (command) {
    case "start":
      await serve(config, true);
      return;
    case "serve":
      await serve(config, false);
      return;
    case "draft":
      await draftCommand(args, config);
      return;
    case "invite":
      await inviteCommand(args, config);
      return;
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : "No command given");
  }
}
