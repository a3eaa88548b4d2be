/**
 * The administrator's commands (`npm run concord -- <command>`). Each has its own usage, printed by
 * `--help`; bad arguments throw a `UsageError` carrying that usage. Links are printed with the
 * address the server is reached at, from the same configuration the server reads.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { checkRestBody, type RestBodies } from "../../schemas/restBodies";
import { Room as RoomNames } from "../../shared/documentLayout";
import { SYSTEM_CLOCK } from "../clock";
import { configFromEnv, publicBaseUrl, type ServerConfig } from "../config";
import { summarizeDraft } from "../consensus/StatusPublisher";
import { Drafts, MAX_TITLE_LENGTH } from "../drafts/Drafts";
import { inviteMember, inviteOrganizer } from "../identity/invitations";
import { importDocument } from "../import/importDocument";
import { publishRevision, RevisionRefusal } from "../revisions/publishRevision";
import { openStorage } from "../storage/openStorage";
import type { Storage } from "../storage/Storage";
import { Room } from "../sync/Room";
import { serve } from "./serve";

export { STOPPED_MESSAGE } from "./serve";

/** Wrong arguments; the message says what is wrong, `usage` how to call the command. */
export class UsageError extends Error {
  override readonly name = "UsageError";

  constructor(
    message: string,
    readonly usage: string = USAGE,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** One command: its usage, what it does, its options, and what it runs. */
interface Command {
  usage: string;
  summary: string;
  options: Options;
  run(values: Values, config: ServerConfig): Promise<void>;
}

const HELP: Options = { help: { type: "boolean", short: "h" } };

const CONFIGURATION = `Links begin with CONCORD_PUBLIC_URL, else http://HOST:PORT (as the server reads them; HOST 0.0.0.0 prints localhost).`;

function string(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

async function withStorage<T>(config: ServerConfig, use: (storage: Storage) => Promise<T>): Promise<T> {
  const { storage } = await openStorage(config);
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}

/** Where the printed links point; refuses when the configuration leaves it unknown. */
function linkBase(config: ServerConfig, usage: string): string {
  const base = publicBaseUrl(config);
  if (!base) throw new UsageError("PORT=0 picks a free port only when the server starts: set CONCORD_PUBLIC_URL (or PORT) to print links.", usage);
  return base;
}

/** The new draft's fields, checked by the same contract as `POST /api/drafts`; a refusal names the option. */
function draftFields(values: Values, title: string, usage: string): RestBodies["newDraft"] {
  if (title.trim() === "") throw new UsageError(`Refused: --title is empty; a draft needs a title of 1–${MAX_TITLE_LENGTH} characters.`, usage);
  const hours = string(values, "notice");
  const fields = {
    title,
    language: string(values, "language") ?? "en",
    ...(string(values, "symbol") !== undefined && { symbol: string(values, "symbol") }),
    ...(string(values, "revision") !== undefined && { revision: string(values, "revision") }),
    ...(hours !== undefined && { silenceNoticeHours: /^\d+$/.test(hours) ? Number(hours) : hours }),
  };
  const checked = checkRestBody("newDraft", fields);
  if (!checked.ok) throw new UsageError(`Refused: ${checked.reason.replace(/^body\.silenceNoticeHours/, "--notice").replace(/^body\./, "--")}.`, usage);
  return checked.body;
}

const DRAFT_CREATE = `Usage: npm run concord -- draft create (--title T | --from FILE) [--symbol S] [--language en] [--revision R] [--notice HOURS]
  Creates a draft, blank or from a Word (.docx), Markdown, text or Concord JSON file, and prints its id.
  --title T        the title (1–300 characters); from a file, the document's own title when omitted
                   (a file without one needs --title: a draft is never named after its file)
  --from FILE      the file to import
  --symbol S       the document symbol, e.g. A/AC.292/2025/CRP.1
  --language L     the language of the text: ar, zh, en, fr, ru or es (default en)
  --revision R     the revision label, e.g. "Zero draft"
  --notice HOURS   the least notice of a silence procedure, in hours (default 72)`;

const INVITE = `Usage: npm run concord -- invite --draft ID --role chair|delegation|observer [--state CUB] [--name NAME]
  Invites a member to a draft; prints a single-use sign-in link and a token for scripts.
  --state CODE     a delegation's state (ISO 3166 alpha-3, e.g. CUB)
  --name NAME      the name the member is shown under
  ${CONFIGURATION}`;

const ORGANIZER_CREATE = `Usage: npm run concord -- organizer create [--name NAME]
  Creates an organizer account (the secretariat), which creates drafts and administers every
  draft's members from the drafts page; prints its single-use sign-in link and a token for scripts.
  --name NAME      the account's name (default "Secretariat")
  ${CONFIGURATION}`;

const REVISION_PUBLISH = `Usage: npm run concord -- revision publish --draft ID --label LABEL [--symbol S] [--date YYYY-MM-DD] [--note NOTE]
  Publishes the draft's next revision, as the chair does from the editor: stores both rooms as they
  stand, numbers the paragraphs 1…N, sets the draft's revision label, and prints the revision's id.
  A published revision never changes; a mistake is corrected by publishing the next one.
  Run it while the server is stopped: a running server publishes from the editor, or with
  POST /api/drafts/ID/revisions.
  --label LABEL    the revision's label, e.g. "Rev.1" (1–100 characters)
  --symbol S       the symbol it is issued under, e.g. A/AC.292/2025/CRP.1/Rev.1 (also the draft's symbol)
  --date D         the date it bears (default: today, UTC)
  --note NOTE      a note to go with it`;

const REVISION_LIST = `Usage: npm run concord -- revision list --draft ID
  Lists the draft's published revisions, oldest first, one a line: ordinal, id, date, label, symbol
  (- when none), publication time, and the hex SHA-256 of its stored text.`;

/** The revision's fields, checked by the same contract as `POST /api/drafts/:id/revisions`; a refusal names the option. */
function revisionFields(values: Values): RestBodies["publishRevision"] {
  const fields = Object.fromEntries(["label", "symbol", "date", "note"].flatMap((name) => (string(values, name) === undefined ? [] : [[name, string(values, name)]])));
  const checked = checkRestBody("publishRevision", fields);
  if (!checked.ok) throw new UsageError(`Refused: ${checked.reason.replace(/^body\./, "--")}.`, REVISION_PUBLISH);
  return checked.body;
}

/** Rooms loaded for one command and dropped after it, never compacted: a running server may be appending to the same log. */
function commandRooms(storage: Storage) {
  const loaded: Room[] = [];
  return {
    async open(draftId: string, name: RoomNames): Promise<Room | null> {
      if (!(await storage.getDraft(draftId))) return null;
      const room = await Room.load(storage, draftId, name);
      loaded.push(room);
      return room;
    },
    released: () => {},
    /** The loaded `text` room of a draft, if the command opened it. */
    text: (draftId: string) => loaded.find((room) => room.draftId === draftId && room.name === RoomNames.text) ?? null,
    destroy: () => loaded.forEach((room) => room.destroy()),
  };
}

const MIGRATE = `Usage: npm run concord -- migrate
  Brings the store's schema up to date and says from which version to which: the PostgreSQL
  database at CONCORD_DATABASE_URL when it is set, else the SQLite file in CONCORD_DATA_DIR.
  Every start does the same; run it first to migrate before starting new versions of Concord.
  Safe while other Concord processes start or run.`;

const COMMANDS: Record<string, Command> = {
  start: {
    usage: "Usage: npm run concord -- start\n  Serves; on first start creates the demo draft and the secretariat's organizer account and prints their sign-in links.",
    summary: "serve, creating the demo draft and an organizer on first run",
    options: {},
    run: async (_values, config) => void (await serve(config, true)),
  },
  serve: {
    usage: "Usage: npm run concord -- serve\n  Serves the drafts in CONCORD_DATA_DIR on PORT (8080) and HOST (0.0.0.0).",
    summary: "serve the drafts in CONCORD_DATA_DIR",
    options: {},
    run: async (_values, config) => void (await serve(config, false)),
  },
  "draft create": {
    usage: DRAFT_CREATE,
    summary: "create a draft, blank or from a file; prints its id",
    options: { title: { type: "string" }, from: { type: "string" }, symbol: { type: "string" }, language: { type: "string" }, revision: { type: "string" }, notice: { type: "string" } },
    async run(values, config) {
      const file = string(values, "from");
      const given = string(values, "title");
      if (given === undefined && file === undefined) throw new UsageError("draft create needs --title or --from", DRAFT_CREATE);
      const imported = file === undefined ? null : await importDocument(fs.readFileSync(file), path.basename(file));
      const title = given ?? imported?.title;
      if (title === undefined || title === null) throw new UsageError(`${path.basename(file!)} has no title of its own: give one with --title.`, DRAFT_CREATE);
      const fields = draftFields({ language: imported?.language, ...values }, title, DRAFT_CREATE);
      const draft = await withStorage(config, (storage) => new Drafts(storage).create({ ...fields, doc: imported?.doc, writeRecords: imported?.writeRecords }));
      console.log(draft.id);
    },
  },
  "draft list": {
    usage: "Usage: npm run concord -- draft list\n  Lists the drafts: id, creation time and title, one a line.",
    summary: "list the drafts",
    options: {},
    async run(_values, config) {
      const listed = await withStorage(config, (storage) => new Drafts(storage).list());
      for (const draft of listed) console.log(`${draft.id}\t${draft.createdAt}\t${draft.title}`);
    },
  },
  invite: {
    usage: INVITE,
    summary: "invite a member; prints a sign-in link and a token",
    options: { draft: { type: "string" }, role: { type: "string" }, state: { type: "string" }, name: { type: "string" } },
    async run(values, config) {
      const draftId = string(values, "draft");
      const role = string(values, "role");
      if (!draftId || !role) throw new UsageError("invite needs --draft and --role", INVITE);
      const base = linkBase(config, INVITE);
      const invitation = await withStorage(config, async (storage) => {
        if (!(await storage.getDraft(draftId))) throw new UsageError(`No draft ${draftId}; \`draft list\` lists them.`, INVITE);
        return inviteMember(storage.identity, { draftId, role, state: string(values, "state"), name: string(values, "name") });
      });
      console.log(`Sign-in link (works once): ${base}${invitation.signInPath}`);
      console.log(`Token for scripts: ${invitation.token}`);
    },
  },
  migrate: {
    usage: MIGRATE,
    summary: "bring the store's schema up to date",
    options: {},
    async run(_values, config) {
      const { storage, where, migrated } = await openStorage(config);
      await storage.close();
      console.log(migrated.from === migrated.to ? `${where}: schema already at version ${migrated.to}.` : `${where}: schema migrated from version ${migrated.from} to ${migrated.to}.`);
    },
  },
  "organizer create": {
    usage: ORGANIZER_CREATE,
    summary: "create an organizer (secretariat) account; prints its sign-in link",
    options: { name: { type: "string" } },
    async run(values, config) {
      const base = linkBase(config, ORGANIZER_CREATE);
      const organizer = await withStorage(config, (storage) => inviteOrganizer(storage.identity, string(values, "name") ?? "Secretariat"));
      console.log(`Sign-in link (works once): ${base}${organizer.signInPath}`);
      console.log(`Token for scripts: ${organizer.token}`);
    },
  },
  "revision publish": {
    usage: REVISION_PUBLISH,
    summary: "publish a draft's next revision; prints its id",
    options: { draft: { type: "string" }, label: { type: "string" }, symbol: { type: "string" }, date: { type: "string" }, note: { type: "string" } },
    async run(values, config) {
      const draftId = string(values, "draft");
      if (!draftId || string(values, "label") === undefined) throw new UsageError("revision publish needs --draft and --label", REVISION_PUBLISH);
      const fields = revisionFields(values);
      const published = await withStorage(config, async (storage) => {
        if (!(await storage.getDraft(draftId))) throw new UsageError(`No draft ${draftId}; \`draft list\` lists them.`, REVISION_PUBLISH);
        const rooms = commandRooms(storage);
        try {
          const revision = await publishRevision({ storage, rooms, clock: SYSTEM_CLOCK }, draftId, fields, null);
          // The drafts list reads the symbol from the draft's summary, which no status publication renews here.
          const text = rooms.text(draftId);
          const progress = (await storage.getDraft(draftId))?.progress;
          if (text && progress) await storage.saveSummary(draftId, summarizeDraft(text.document, progress));
          return revision;
        } catch (error) {
          if (error instanceof RevisionRefusal) throw new UsageError(error.message, REVISION_PUBLISH);
          throw error;
        } finally {
          rooms.destroy();
        }
      });
      console.log(published.id);
    },
  },
  "revision list": {
    usage: REVISION_LIST,
    summary: "list a draft's published revisions",
    options: { draft: { type: "string" } },
    async run(values, config) {
      const draftId = string(values, "draft");
      if (!draftId) throw new UsageError("revision list needs --draft", REVISION_LIST);
      const listed = await withStorage(config, async (storage) => {
        if (!(await storage.getDraft(draftId))) throw new UsageError(`No draft ${draftId}; \`draft list\` lists them.`, REVISION_LIST);
        return storage.listRevisions(draftId);
      });
      for (const revision of listed) {
        console.log([revision.ordinal, revision.id, revision.date, revision.label, revision.symbol ?? "-", revision.publishedAt, revision.textSha256].join("\t"));
      }
    },
  },
};

/** Every command with what it does; `<command> --help` tells more. */
export const USAGE = `Usage: npm run concord -- <command> [--help]
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(18)} ${command.summary}`)
  .join("\n")}`;

/** Runs one command line. */
export async function runCommand(argv: string[]): Promise<void> {
  const [first, second] = argv;
  if (first === undefined || first === "help" || first === "--help" || first === "-h") {
    if (first === undefined) throw new UsageError("No command given");
    console.log(USAGE);
    return;
  }
  const name = second !== undefined && `${first} ${second}` in COMMANDS ? `${first} ${second}` : first;
  const command = COMMANDS[name];
  if (!command) {
    const group = Object.keys(COMMANDS).some((known) => known.startsWith(`${first} `));
    throw new UsageError(group ? `Unknown ${first} action: ${second ?? "(none)"}` : `Unknown command: ${first}`);
  }
  let values: Values;
  try {
    values = parseArgs({ args: argv.slice(name.split(" ").length), options: { ...command.options, ...HELP } }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), command.usage);
  }
  if (values.help) {
    console.log(command.usage);
    return;
  }
  await command.run(values, configFromEnv());
}
