/**
 * Invariant 2, table-driven, for any arrangement of servers: every role × root × own/other key. A
 * forbidden write (or deletion) from a raw-frame attacker is refused with a close code, reaches no
 * watcher, and is not in the database as a reader after a restart sees it; a permitted write from a
 * stock WebsocketProvider arrives at the watchers and is in the audit log with the writer's principal.
 * One server runs it in `test/server/guard/writeGuard.test.ts`; two processes of a cluster, with the
 * attackers and writers on one and the watchers on the other, in `test/server/cluster/clusterWriteGuard.test.ts`.
 * Servers are addressed by URL only, so they may be separate processes.
 */
import * as Y from "yjs";
import { CloseCode } from "../../shared/closeCodes";
import { FloorRoot, Room, TextRoot } from "../../shared/documentLayout";
import { Role } from "../../shared/roles";
import type { ConcordServer } from "../../server/ConcordServer";
import { Drafts } from "../../server/drafts/Drafts";
import { inviteMember } from "../../server/identity/invitations";
import type { Storage } from "../../server/storage/Storage";
import { attack } from "./attacker";
import { connectStockClient, type StockClient } from "./stockClient";
import { waitFor } from "./waitFor";

/** A server as the table reaches it: by its URL. */
type At = Pick<ConcordServer, "url">;

/** Where the table runs. */
export interface GuardTableServers {
  /** Where the attackers, the permitted writers and the barrier's marker connect. */
  writers: At;
  /** Where the watchers connect (the same server, or another process of the cluster). */
  watchers: At;
  /** The store the servers serve: the table creates its draft and members there and reads the audit from it. */
  storage: Storage;
  /**
   * Closes the servers, then reads each room of `draftId` from the store as a reader that saw none
   * of the test would after a restart; `chairToken` lets a reader through a server in.
   */
  closeAndReread(draftId: string, rooms: Room[], chairToken: string): Promise<Map<Room, Y.Doc>>;
}

const at = "2026-11-23T09:00:00.000Z";
const anchor = { pid: "p1", quote: "words", prefix: "", suffix: "" };

/** A valid value for each keyed root, so that only the permission decides. */
const VALUES: Record<string, unknown> = {
  [TextRoot.meta]: "A/AC.292/2026/CRP.1",
  [TextRoot.proposals]: { kind: "insert", anchor, text: "new words", createdAt: at },
  [TextRoot.supports]: true,
  [TextRoot.decisions]: { decision: "rejected", at },
  [TextRoot.status]: { status: "open" },
  [FloorRoot.stances]: { stance: "support", at },
  [FloorRoot.comments]: { pid: "p1", body: "We can accept this.", at },
};

/** The key a writer uses in a root: its own (`own`) or another owner's. */
function keyFor(root: string, owner: string, id: string): string {
  if (root === TextRoot.meta) return "symbol";
  if (root === TextRoot.decisions) return `proposal:SLV:${id}`;
  if (root === TextRoot.status) return "p1";
  if (root === TextRoot.supports) return `${owner}:SLV:${id}`;
  if (root === FloorRoot.contacts) return `${owner}:contacts`;
  return `${owner}:${id}`;
}

const ROOM_OF: Record<string, Room> = {
  ...Object.fromEntries(Object.values(TextRoot).map((root) => [root, Room.text])),
  ...Object.fromEntries(Object.values(FloorRoot).map((root) => [root, Room.floor])),
};

type Who = "chair" | "CUB" | "observer";

interface Case {
  who: Who;
  root: string;
  owner: string;
  permitted: boolean;
}

/** The expected verdicts, written out as DESIGN.md invariant 2 states them. */
const CASES: Case[] = [];
for (const root of [...Object.values(TextRoot), ...Object.values(FloorRoot)]) {
  const stateOwned = [TextRoot.proposals, TextRoot.supports, FloorRoot.stances, FloorRoot.comments, FloorRoot.contacts].includes(root as never);
  const owners = stateOwned ? ["CUB", "SLV", ...(root === FloorRoot.comments ? ["chair"] : [])] : ["-"];
  for (const owner of owners) {
    const chairRoot = [TextRoot.content, TextRoot.meta, TextRoot.decisions].includes(root as never);
    CASES.push({ who: "chair", root, owner, permitted: chairRoot || (root === FloorRoot.comments && owner === "chair") });
    CASES.push({ who: "CUB", root, owner, permitted: stateOwned && owner === "CUB" });
    CASES.push({ who: "observer", root, owner, permitted: false });
  }
}

/** Writes `root[key]` (or a paragraph into `content`) on `doc`. */
function write(doc: Y.Doc, root: string, key: string, value: unknown): void {
  if (root === TextRoot.content) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(`written ${key}`)]);
    doc.getXmlFragment(TextRoot.content).insert(0, [paragraph]);
  } else {
    doc.getMap(root).set(key, value);
  }
}

/** Whether `doc` holds what `write` wrote. */
function holds(doc: Y.Doc, root: string, key: string, value: unknown): boolean {
  if (root === TextRoot.content) return doc.getXmlFragment(TextRoot.content).toString().includes(`written ${key}`);
  return doc.getMap(root).has(key) && JSON.stringify(doc.getMap(root).get(key)) === JSON.stringify(value);
}

/** The update a client holding the room's current state on `server` (read by a chair's stock client) would send for a change. */
async function updateFor(server: ConcordServer, draftId: string, room: Room, chairToken: string, change: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const reader = await connectStockClient(server, draftId, { room, token: chairToken });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc));
  reader.destroy();
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/**
 * Declares the table's tests under `title`, over the servers `start` gives. They live for the whole
 * table (started before its first test, closed by `closeAndReread` after its last), so `start` must
 * not close them after each test.
 */
export function describeWriteGuardTable(title: string, start: () => Promise<GuardTableServers>): void {
  describe(title, () => {
    let servers: GuardTableServers;
    // The stock-client and attacker helpers take a server but read only its URL.
    let writersServer: ConcordServer;
    let watchersServer: ConcordServer;
    let draftId: string;
    const tokens = {} as Record<Who | "SLV", string>;
    const watchers = {} as Record<Room, StockClient>;
    const refused: Array<{ room: Room; root: string; key: string; value: unknown }> = [];
    const accepted: Array<{ principal: string; room: Room; root: string; key: string; value: unknown }> = [];
    let marker = 0;

    /**
     * Proves the writers' server has relayed everything before now: a marker written there after
     * must reach the watcher (another process applies commits in sequence order, so a refused write
     * committed before the marker would arrive before it).
     */
    async function barrier(room: Room): Promise<void> {
      const key = `marker-${++marker}`;
      const chairClient = await connectStockClient(writersServer, draftId, { room, token: tokens.chair });
      const markerRoot = room === Room.text ? TextRoot.meta : FloorRoot.comments;
      const markerKey = room === Room.text ? "revision" : `chair:${key}`;
      const value = room === Room.text ? key : { pid: "p1", body: key, at };
      chairClient.doc.getMap(markerRoot).set(markerKey, value);
      await waitFor(() => JSON.stringify(watchers[room].doc.getMap(markerRoot).get(markerKey)), (seen) => seen === JSON.stringify(value), {
        what: "the barrier marker",
      });
      chairClient.destroy();
    }

    beforeAll(async () => {
      servers = await start();
      writersServer = servers.writers as ConcordServer;
      watchersServer = servers.watchers as ConcordServer;
      const { identity } = servers.storage;
      draftId = (await new Drafts(servers.storage).create({ title: "Guarded" })).id;
      tokens.chair = (await inviteMember(identity, { draftId, role: Role.chair })).token;
      tokens.CUB = (await inviteMember(identity, { draftId, role: Role.delegation, state: "CUB" })).token;
      tokens.SLV = (await inviteMember(identity, { draftId, role: Role.delegation, state: "SLV" })).token;
      tokens.observer = (await inviteMember(identity, { draftId, role: Role.observer })).token;
    });

    beforeEach(async () => {
      watchers[Room.text] = await connectStockClient(watchersServer, draftId, { room: Room.text, token: tokens.chair });
      watchers[Room.floor] = await connectStockClient(watchersServer, draftId, { room: Room.floor, token: tokens.chair });
    });

    it.each(CASES.map((c) => [`${c.who} ${c.permitted ? "may" : "may not"} write ${c.root}${c.owner === "-" ? "" : ` of ${c.owner}`}`, c] as const))(
      "%s",
      async (_name, { who, root, owner, permitted }) => {
        const room = ROOM_OF[root]!;
        const key = keyFor(root, owner, `${who}-${root}-${owner}`);
        // meta and contacts have fixed keys: each writer writes its own value so a refusal is told from a permitted write.
        const value = root === TextRoot.meta ? `A/AC.292/2026/${who}` : root === FloorRoot.contacts ? { people: [{ name: `Written by ${who}` }], at } : VALUES[root];
        if (permitted) {
          const writer = await connectStockClient(writersServer, draftId, { room, token: tokens[who] });
          write(writer.doc, root, key, value);
          await waitFor(() => holds(watchers[room].doc, root, key, value), Boolean, { what: `${root}/${key} at the watcher` });
          accepted.push({ principal: who === "chair" ? "chair" : `state:${who}`, room, root, key, value });
          return;
        }
        const update = await updateFor(writersServer, draftId, room, tokens.chair, (doc) => write(doc, root, key, value));
        const verdict = await attack(writersServer, draftId, room, tokens[who], update);
        const expected = who === "observer" && room === Room.floor ? CloseCode.roomForbidden.code : CloseCode.writeRefused.code;
        expect(verdict?.code).toBe(expected);
        await barrier(room);
        expect(holds(watchers[room].doc, root, key, value)).toBe(false);
        refused.push({ room, root, key, value });
      },
    );

    it("refuses deleting another state's records, and lets a state delete its own", async () => {
      const slv = await connectStockClient(writersServer, draftId, { room: Room.text, token: tokens.SLV });
      slv.doc.getMap(TextRoot.proposals).set("SLV:kept", VALUES[TextRoot.proposals]);
      const cub = await connectStockClient(writersServer, draftId, { room: Room.text, token: tokens.CUB });
      cub.doc.getMap(TextRoot.proposals).set("CUB:mine", VALUES[TextRoot.proposals]);
      await waitFor(() => watchers[Room.text].doc.getMap(TextRoot.proposals).has("CUB:mine") && watchers[Room.text].doc.getMap(TextRoot.proposals).has("SLV:kept"));

      for (const who of ["CUB", "chair", "observer"] as const) {
        const update = await updateFor(writersServer, draftId, Room.text, tokens.chair, (doc) => doc.getMap(TextRoot.proposals).delete("SLV:kept"));
        expect((await attack(writersServer, draftId, Room.text, tokens[who], update))?.code).toBe(CloseCode.writeRefused.code);
      }
      await barrier(Room.text);
      expect(watchers[Room.text].doc.getMap(TextRoot.proposals).has("SLV:kept")).toBe(true);

      cub.doc.getMap(TextRoot.proposals).delete("CUB:mine");
      await waitFor(() => !watchers[Room.text].doc.getMap(TextRoot.proposals).has("CUB:mine"), Boolean, { what: "CUB's own deletion" });
    });

    it("refuses the chair's deletion of a delegation's stance", async () => {
      const cub = await connectStockClient(writersServer, draftId, { room: Room.floor, token: tokens.CUB });
      cub.doc.getMap(FloorRoot.stances).set("CUB:p9", { stance: "object", reason: "Too broad.", at });
      await waitFor(() => watchers[Room.floor].doc.getMap(FloorRoot.stances).has("CUB:p9"));
      const update = await updateFor(writersServer, draftId, Room.floor, tokens.chair, (doc) => doc.getMap(FloorRoot.stances).delete("CUB:p9"));
      expect((await attack(writersServer, draftId, Room.floor, tokens.chair, update))?.code).toBe(CloseCode.writeRefused.code);
      await barrier(Room.floor);
      expect(watchers[Room.floor].doc.getMap(FloorRoot.stances).get("CUB:p9")).toEqual({ stance: "object", reason: "Too broad.", at });
    });

    afterAll(async () => {
      const audit = await servers.storage.readAudit(draftId, { limit: 10_000 });
      const reread = await servers.closeAndReread(draftId, [Room.text, Room.floor], tokens.chair);
      for (const [room, doc] of reread) {
        for (const entry of refused.filter((r) => r.room === room)) {
          if (holds(doc, entry.root, entry.key, entry.value)) throw new Error(`Refused write ${entry.root}/${entry.key} is in the database`);
        }
        // The reader did read the database: every permitted write is there.
        for (const entry of accepted.filter((a) => a.room === room)) {
          if (!holds(doc, entry.root, entry.key, entry.value)) throw new Error(`Accepted write ${entry.root}/${entry.key} is not in the database`);
        }
      }
      for (const write of accepted) {
        const key = write.root === TextRoot.content ? null : write.key;
        const found = audit.some((entry) => entry.principal === write.principal && entry.touched.some((t) => t.root === write.root && t.key === key));
        if (!found) throw new Error(`Accepted write ${write.root}/${key} by ${write.principal} is not in the audit log`);
      }
      if (refused.length < 20 || accepted.length < 8) throw new Error(`Too few cases ran: ${refused.length} refused, ${accepted.length} accepted`);
    });
  });
}
