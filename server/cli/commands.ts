/**
 * The administrator's commands (`npm run concord -- <command>`). Each takes parsed arguments and
 * prints what a person needs; bad arguments throw a `UsageError` with the usage line.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startConcordServer, type ConcordServer } from "../ConcordServer";
import { configFromEnv, type ServerConfig } from "../config";
import { Drafts } from "../drafts/Drafts";
import { formatFromFileName, importDraftText } from "../import/importDraftText";
import { DEMO_DRAFT_FILE } from "../paths";
import { SqliteStorage } from "../storage/SqliteStorage";

/** Wrong arguments; the message says how to call the command. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The commands and their usage lines. */
export const USAGE = `Usage: npm run concord -- <command>
  start                               serve, creating the demo draft on first run
  serve                               serve the drafts in CONCORD_DATA_DIR
  draft create --title T [--from F]   create a draft (from a Markdown or text file); prints its id
  draft list                          list the drafts`;

/** Creates a draft from a Markdown or plain-text file; the file's `# Title` is used when none is given. */
async function createDraftFromFile(drafts: Drafts, file: string, title?: string) {
  const source = fs.readFileSync(file, "utf8");
  const imported = importDraftText(source, formatFromFileName(file));
  return drafts.create({ title: title ?? imported.title ?? path.basename(file), doc: imported.doc });
}

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

async function serve(config: ServerConfig, withDemo: boolean): Promise<ConcordServer> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const storage = new SqliteStorage(config.dataDir);
  const drafts = new Drafts(storage);
  if (withDemo && (await drafts.list()).length === 0) {
    const demo = await createDraftFromFile(drafts, DEMO_DRAFT_FILE);
    console.log(`Created the demo draft "${demo.title}".`);
  }
  const server = await startConcordServer({ storage, port: config.port, host: config.host });
  console.log(`Concord is serving ${config.dataDir} at ${server.url}`);
  for (const draft of await drafts.list()) console.log(`  ${draft.title}: ${server.url}/d/${draft.id}`);
  const shutDown = (signal: string) => {
    console.log(`${signal}: saving and shutting down…`);
    server.close().then(
      () => process.exit(0),
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
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : "No command given");
  }
}
