/**
 * The `Storage` contract: the same cases run against the embedded SQLite store and the PostgreSQL
 * store (a real cluster, a fresh schema per case), so either can stand behind the server.
 */
import { SERVER_PRINCIPAL } from "../../../shared/audit/auditEntry";
import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { Room } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { CredentialKind } from "../../../server/identity/IdentityStore";
import { PostgresStorage } from "../../../server/storage/PostgresStorage";
import { SQLITE_FILE_NAME, SqliteStorage } from "../../../server/storage/SqliteStorage";
import type { DraftRecord, Storage, StoredRevision, WriteRecord } from "../../../server/storage/Storage";
import { onTestEnd } from "../../support/cleanup";
import { freshPostgresUrl } from "../../support/postgres";
import { tempDataDir } from "../../support/testServer";

/** A new, empty store, and a way to run SQL on its database behind its back (as an intruder or a bug would). */
interface OpenedStore {
  storage: Storage;
  sql(statement: string): Promise<void>;
}

async function openSqlite(): Promise<OpenedStore> {
  const dataDir = tempDataDir();
  const storage = new SqliteStorage(dataDir);
  onTestEnd(() => storage.close());
  return {
    storage,
    async sql(statement) {
      const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
      try {
        db.exec(statement);
      } finally {
        db.close();
      }
    },
  };
}

async function openPostgres(): Promise<OpenedStore> {
  const url = await freshPostgresUrl();
  const storage = await PostgresStorage.open(url);
  onTestEnd(() => storage.close());
  return {
    storage,
    async sql(statement) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
  };
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (data: Uint8Array): string => new TextDecoder().decode(data);

const AT = "2026-11-23T09:00:00.000Z";

function draft(id: string, fields: Partial<DraftRecord> = {}): DraftRecord {
  return { id, title: `Draft ${id}`, createdAt: AT, observersReadFloor: false, observersReadContributions: false, symbol: null, progress: null, ...fields };
}

/** A draft with one update in its text room, as `Drafts.create` stores it. */
async function withDraft(storage: Storage, id = "draft00001"): Promise<string> {
  await storage.createDraft(draft(id), new Map([[Room.text, bytes("initial")]]));
  return id;
}

function write(principal: string, fields: Partial<WriteRecord> = {}): WriteRecord {
  return { principal, userId: `user-of-${principal}`, at: AT, touched: [{ root: "content", key: null }], newClientIds: [], ...fields };
}

function revision(draftId: string, id: string, ordinal: number): StoredRevision {
  return {
    draftId,
    id,
    ordinal,
    label: ordinal === 1 ? "Zero draft" : `Rev.${ordinal - 1}`,
    symbol: "A/AC.292/2026/CRP.1",
    date: "2026-11-23",
    note: null,
    publishedAt: AT,
    publishedBy: "chair-user",
    text: bytes(`text state ${ordinal}`),
    floor: bytes(`floor state ${ordinal}`),
  };
}

/**
 * The message `promise` was refused with; fails when it resolves. better-sqlite3 makes its errors in
 * the realm of the first test file that loaded it in a jest worker, so `rejects.toThrow` does not
 * take them for errors in later files.
 */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { message?: unknown }).message ?? error);
  }
  throw new Error("expected a refusal, and it was accepted");
}

describe.each([
  ["SQLite", openSqlite],
  ["PostgreSQL", openPostgres],
])("the %s store", (_name, open) => {
  describe("drafts", () => {
    it("keeps a draft as it was created and lists drafts in the order they were created", async () => {
      const { storage } = await open();
      await storage.createDraft(draft("b-later", { createdAt: "2026-11-24T09:00:00.000Z", symbol: "A/1" }), new Map());
      await storage.createDraft(draft("a-earlier", { observersReadFloor: true }), new Map());
      await storage.createDraft(draft("c-same-time"), new Map());
      expect(await storage.getDraft("b-later")).toEqual(draft("b-later", { createdAt: "2026-11-24T09:00:00.000Z", symbol: "A/1" }));
      expect(await storage.getDraft("missing")).toBeNull();
      expect((await storage.listDrafts()).map((listed) => listed.id)).toEqual(["a-earlier", "c-same-time", "b-later"]);
      expect((await storage.listDrafts())[0]!.observersReadFloor).toBe(true);
    });

    it("refuses a second draft with the same id", async () => {
      const { storage } = await open();
      await withDraft(storage);
      expect(await refusal(withDraft(storage))).not.toBe("");
    });

    it("saves a summary, keeping the title when the summary has none", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      const progress = { agreed: 3, total: 10, openProposals: 2, objected: 1 };
      await storage.saveSummary(id, { title: "Zero draft", symbol: "A/AC.292/2026/CRP.1", progress });
      expect(await storage.getDraft(id)).toMatchObject({ title: "Zero draft", symbol: "A/AC.292/2026/CRP.1", progress });
      await storage.saveSummary(id, { title: null, symbol: null, progress: { ...progress, agreed: 4 } });
      expect(await storage.getDraft(id)).toMatchObject({ title: "Zero draft", symbol: null, progress: { ...progress, agreed: 4 } });
    });

    it("switches whether observers read the floor", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      await storage.setObserversReadFloor(id, true);
      expect((await storage.getDraft(id))!.observersReadFloor).toBe(true);
      await storage.setObserversReadFloor(id, false);
      expect((await storage.getDraft(id))!.observersReadFloor).toBe(false);
    });
  });

  describe("a room's log", () => {
    it("loads the first update and every append in the order they were made", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      const first = await storage.appendUpdate(id, Room.text, bytes("one"));
      // Appends made in one turn are numbered in the order they were made.
      const [second, third] = await Promise.all([storage.appendUpdate(id, Room.text, bytes("two")), storage.appendUpdate(id, Room.text, bytes("three"))]);
      expect(second).toBeGreaterThan(first);
      expect(third).toBeGreaterThan(second!);
      const loaded = await storage.loadUpdates(id, Room.text);
      expect(loaded.map((stored) => text(stored.update))).toEqual(["initial", "one", "two", "three"]);
      expect(loaded.slice(1).map((stored) => stored.seq)).toEqual([first, second, third]);
    });

    it("loads only the updates after a sequence number, and after compaction the merged state in their place", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      const first = await storage.appendUpdate(id, Room.text, bytes("one"));
      const second = await storage.appendUpdate(id, Room.text, bytes("two"));
      await storage.appendUpdate(id, Room.text, bytes("three"));
      expect((await storage.loadUpdates(id, Room.text, first)).map((stored) => text(stored.update))).toEqual(["two", "three"]);
      await storage.compact(id, Room.text, bytes("merged"), second);
      // A process that had applied only "one" finds the merged state, which holds "two", then "three".
      expect((await storage.loadUpdates(id, Room.text, first)).map((stored) => text(stored.update))).toEqual(["merged", "three"]);
      expect(await storage.loadUpdates(id, Room.text, Number.MAX_SAFE_INTEGER)).toEqual([]);
    });

    it("reads an append that was made but not yet awaited", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      const appended = storage.appendUpdate(id, Room.floor, bytes("a stance"));
      expect(await storage.hasUpdates(id, Room.floor)).toBe(true);
      expect((await storage.loadUpdates(id, Room.floor)).map((stored) => text(stored.update))).toEqual(["a stance"]);
      await appended;
    });

    it("keeps each room's log apart, and a room nobody wrote to empty", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      expect(await storage.hasUpdates(id, Room.text)).toBe(true);
      expect(await storage.hasUpdates(id, Room.floor)).toBe(false);
      expect(await storage.loadUpdates(id, Room.floor)).toEqual([]);
      await storage.appendUpdate(id, Room.floor, bytes("floor one"));
      expect((await storage.loadUpdates(id, Room.floor)).map((stored) => text(stored.update))).toEqual(["floor one"]);
      expect((await storage.loadUpdates(id, Room.text)).map((stored) => text(stored.update))).toEqual(["initial"]);
    });

    it("refuses an append to a draft that does not exist", async () => {
      const { storage } = await open();
      expect(await refusal(storage.appendUpdate("no-such-draft", Room.text, bytes("lost")))).not.toBe("");
    });

    it("compacts the log into one update in place of those it replaces, and appends after it", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      await storage.appendUpdate(id, Room.text, bytes("one"));
      const through = await storage.appendUpdate(id, Room.text, bytes("two"));
      const later = storage.appendUpdate(id, Room.text, bytes("three"));
      await later;
      await storage.compact(id, Room.text, bytes("initial+one+two"), through);
      const after = await storage.appendUpdate(id, Room.text, bytes("four"));
      const loaded = await storage.loadUpdates(id, Room.text);
      expect(loaded.map((stored) => text(stored.update))).toEqual(["initial+one+two", "three", "four"]);
      expect(loaded[0]!.seq).toBe(through);
      expect(after).toBe(loaded[2]!.seq);
    });
  });

  describe("the audit log", () => {
    it("records who wrote each update with what it said, newest first; the server's writes without words", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      const words = { paragraphs: [{ pid: "p3", start: 0, rest: 0, before: "open", after: "free and open" }] };
      await storage.appendUpdate(id, Room.text, bytes("chair's edit"), write("chair", { words, pids: ["p3"] }));
      await storage.appendUpdate(id, Room.floor, bytes("stance"), write("state:CUB", { touched: [{ root: "stances", key: "CUB:p3" }], words: { records: [{ root: "stances", key: "CUB:p3", value: { objects: true } }] } }));
      await storage.appendUpdate(id, Room.text, bytes("status"), write("server", { userId: null, touched: [{ root: "status", key: "p3" }] }));
      await storage.appendUpdate(id, Room.text, bytes("no write record"));
      const entries = await storage.readAudit(id, { limit: 10 });
      expect(entries.map(({ seq: _seq, ...entry }) => entry)).toEqual([
        { room: Room.text, principal: "server", userId: null, at: AT, touched: [{ root: "status", key: "p3" }], words: null },
        { room: Room.floor, principal: "state:CUB", userId: "user-of-state:CUB", at: AT, touched: [{ root: "stances", key: "CUB:p3" }], words: { records: [{ root: "stances", key: "CUB:p3", value: { objects: true } }] } },
        { room: Room.text, principal: "chair", userId: "user-of-chair", at: AT, touched: [{ root: "content", key: null }], words },
      ]);
      expect(await storage.readAudit("another-draft", { limit: 10 })).toEqual([]);
    });

    it("reads one principal's entries, one paragraph's, and pages through them", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      for (let i = 0; i < 5; i++) {
        await storage.appendUpdate(id, Room.text, bytes(`chair ${i}`), write("chair", { pids: i % 2 === 0 ? ["p1", "p2"] : ["p2"], at: `2026-11-23T09:00:0${i}.000Z` }));
        await storage.appendUpdate(id, Room.floor, bytes(`cub ${i}`), write("state:CUB", { pids: ["p1"], at: `2026-11-23T09:00:0${i}.500Z` }));
      }
      const times = (entries: Array<{ at: string }>) => entries.map((entry) => entry.at.slice(17, 23));
      expect(times(await storage.readAudit(id, { limit: 10, principal: "chair" }))).toEqual(["04.000", "03.000", "02.000", "01.000", "00.000"]);
      expect(times(await storage.readAudit(id, { limit: 10, pid: "p1", principal: "chair" }))).toEqual(["04.000", "02.000", "00.000"]);
      expect(await storage.readAudit(id, { limit: 10, pid: "p9" })).toEqual([]);
      const firstPage = await storage.readAudit(id, { limit: 4, pid: "p1" });
      expect(times(firstPage)).toEqual(["04.500", "04.000", "03.500", "02.500"]);
      const secondPage = await storage.readAudit(id, { limit: 4, pid: "p1", before: firstPage[3]!.seq });
      expect(times(secondPage)).toEqual(["02.000", "01.500", "00.500", "00.000"]);
      expect(await storage.readAudit(id, { limit: 4, pid: "p1", before: secondPage[3]!.seq })).toEqual([]);
    });

    it("pages one paragraph's history oldest first, after the last entry read", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      for (let i = 0; i < 5; i++) await storage.appendUpdate(id, Room.text, bytes(`edit ${i}`), write("chair", { pids: ["p1"], at: `2026-11-23T09:00:0${i}.000Z` }));
      const times = (entries: Array<{ at: string }>) => entries.map((entry) => entry.at.slice(17, 23));
      const first = await storage.readAudit(id, { limit: 3, pid: "p1", oldestFirst: true });
      expect(times(first)).toEqual(["00.000", "01.000", "02.000"]);
      expect(times(await storage.readAudit(id, { limit: 3, pid: "p1", oldestFirst: true, after: first[2]!.seq }))).toEqual(["03.000", "04.000"]);
    });

    it("keeps a paragraph's history through the compaction of the log", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      const through = await storage.appendUpdate(id, Room.text, bytes("edit"), write("chair", { pids: ["p7"] }));
      await storage.compact(id, Room.text, bytes("merged"), through);
      expect(await storage.readAudit(id, { limit: 10, pid: "p7" })).toHaveLength(1);
    });
  });

  describe("client ids", () => {
    it("gives the server the client ids that wrote a new draft's first updates, in the same commit", async () => {
      const { storage } = await open();
      await storage.createDraft(draft("draft00002"), new Map([[Room.text, bytes("initial")]]), new Map([[Room.text, [4242]]]));
      expect(await storage.loadClientIds("draft00002", Room.text)).toEqual(new Map([[4242, SERVER_PRINCIPAL]]));
    });

    it("records the principal owning each client id, room by room", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      await storage.appendUpdate(id, Room.text, bytes("chair"), write("chair", { newClientIds: [11, 4294967295] }));
      await storage.appendUpdate(id, Room.floor, bytes("cub"), write("state:CUB", { newClientIds: [11] }));
      await storage.appendUpdate(id, Room.text, bytes("chair again"), write("chair", { newClientIds: [11] }));
      expect(await storage.loadClientIds(id, Room.text)).toEqual(
        new Map([
          [11, "chair"],
          [4294967295, "chair"],
        ]),
      );
      expect(await storage.loadClientIds(id, Room.floor)).toEqual(new Map([[11, "state:CUB"]]));
      expect((await storage.loadUpdates(id, Room.text)).map((stored) => text(stored.update))).toEqual(["initial", "chair", "chair again"]);
    });
  });

  describe("deadlines", () => {
    it("records, replaces and forgets deadlines, listing them earliest first", async () => {
      const { storage } = await open();
      await withDraft(storage, "draft-a");
      await withDraft(storage, "draft-b");
      await storage.setDeadline("draft-a", "silence:p1", "2026-11-25T12:00:00.000Z");
      await storage.setDeadline("draft-b", "silence:p2", "2026-11-24T12:00:00.000Z");
      await storage.setDeadline("draft-a", "silence:p3", "2026-11-26T12:00:00.000Z");
      await storage.setDeadline("draft-a", "silence:p1", "2026-11-27T12:00:00.000Z");
      await storage.setDeadline("draft-a", "silence:p3", null);
      await storage.setDeadline("draft-a", "never-set", null);
      expect(await storage.listDeadlines()).toEqual([
        { draftId: "draft-b", key: "silence:p2", dueAt: "2026-11-24T12:00:00.000Z" },
        { draftId: "draft-a", key: "silence:p1", dueAt: "2026-11-27T12:00:00.000Z" },
      ]);
    });
  });

  describe("published revisions", () => {
    it("stores a revision whole, lists revisions oldest first without their bytes, and reads one back", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      await storage.saveRevision(revision(id, "rev-b", 2));
      await storage.saveRevision(revision(id, "rev-a", 1));
      const listed = await storage.listRevisions(id);
      expect(listed.map((listing) => listing.id)).toEqual(["rev-a", "rev-b"]);
      const { text: textState, floor: _floor, ...listing } = revision(id, "rev-a", 1);
      expect(listed[0]).toEqual({ ...listing, textSha256: createHash("sha256").update(textState).digest("hex") });
      const read = await storage.readRevision(id, "rev-b");
      expect(read && { ...read, text: text(read.text), floor: text(read.floor) }).toEqual({ ...revision(id, "rev-b", 2), text: "text state 2", floor: "floor state 2" });
      expect(await storage.readRevision(id, "rev-c")).toBeNull();
      expect(await storage.listRevisions("another-draft")).toEqual([]);
    });

    it("refuses a second revision with the same id or the same ordinal", async () => {
      const { storage } = await open();
      const id = await withDraft(storage);
      await storage.saveRevision(revision(id, "rev-a", 1));
      expect(await refusal(storage.saveRevision({ ...revision(id, "rev-a", 2), label: "Rewritten" }))).not.toBe("");
      expect(await refusal(storage.saveRevision(revision(id, "rev-b", 1)))).not.toBe("");
      expect((await storage.listRevisions(id)).map((listing) => [listing.id, listing.label])).toEqual([["rev-a", "Zero draft"]]);
    });

    it("refuses any change to a stored revision or its deletion, even by SQL behind the server's back", async () => {
      const { storage, sql } = await open();
      const id = await withDraft(storage);
      await storage.saveRevision(revision(id, "rev-a", 1));
      expect(await refusal(sql("UPDATE revisions SET label = 'Rewritten'"))).toMatch(/never changes/);
      expect(await refusal(sql("DELETE FROM revisions"))).toMatch(/never deleted/);
      await storage.compact(id, Room.text, bytes("merged"), (await storage.loadUpdates(id, Room.text))[0]!.seq);
      expect((await storage.readRevision(id, "rev-a"))!.label).toBe("Zero draft");
    });
  });

  describe("identity", () => {
    it("creates users and tells whether an organizer exists", async () => {
      const { storage } = await open();
      const { identity } = storage;
      expect(await identity.hasOrganizer()).toBe(false);
      const person = await identity.createUser("Delegation of Cuba");
      expect(await identity.hasOrganizer()).toBe(false);
      const organizer = await identity.createUser("Secretariat", { organizer: true });
      expect(await identity.hasOrganizer()).toBe(true);
      expect(await identity.getUser(person.id)).toEqual({ ...person, organizer: false });
      expect(await identity.getUser(organizer.id)).toEqual({ ...organizer, organizer: true });
      expect(await identity.getUser("nobody")).toBeNull();
    });

    it("keeps memberships: active ones by user, all of a draft, revoked and changed in role", async () => {
      const { storage } = await open();
      const { identity } = storage;
      const a = await withDraft(storage, "draft-a");
      const b = await withDraft(storage, "draft-b");
      const user = await identity.createUser("Delegation of Cuba");
      const chair = await identity.createUser("Chair");
      const inA = await identity.addMembership({ draftId: a, userId: user.id, role: Role.delegation, state: "CUB" });
      const inB = await identity.addMembership({ draftId: b, userId: user.id, role: Role.observer, state: null });
      const chairOfA = await identity.addMembership({ draftId: a, userId: chair.id, role: Role.chair, state: null });
      expect(inA).toMatchObject({ draftId: a, userId: user.id, role: Role.delegation, state: "CUB", revokedAt: null });
      expect(await identity.getMembership(inA.id)).toEqual(inA);
      expect(await identity.getMembership("none")).toBeNull();
      expect(await identity.activeMembership(user.id, a)).toEqual(inA);
      expect((await identity.membershipsOfUser(user.id)).map((membership) => membership.id).sort()).toEqual([inA.id, inB.id].sort());

      const changed = await identity.changeRole(inB.id, Role.delegation, "CUB");
      expect(changed).toEqual({ ...inB, role: Role.delegation, state: "CUB" });
      expect(await identity.changeRole("none", Role.chair, null)).toBeNull();

      const revoked = await identity.revokeMembership(inA.id);
      expect(revoked!.revokedAt).not.toBeNull();
      expect(await identity.activeMembership(user.id, a)).toBeNull();
      expect((await identity.membershipsOfUser(user.id)).map((membership) => membership.id)).toEqual([inB.id]);
      expect((await identity.membershipsOfDraft(a)).map((membership) => membership.id).sort()).toEqual([inA.id, chairOfA.id].sort());
      expect(await identity.revokeMembership("none")).toBeNull();
      // Revoking again keeps the time it was first revoked.
      expect((await identity.revokeMembership(inA.id))!.revokedAt).toBe(revoked!.revokedAt);
    });

    it("lists a draft's members with their names and when they signed in", async () => {
      const { storage } = await open();
      const { identity } = storage;
      const id = await withDraft(storage);
      const chair = await identity.createUser("Chair");
      const cuba = await identity.createUser("Delegation of Cuba");
      const chairship = await identity.addMembership({ draftId: id, userId: chair.id, role: Role.chair, state: null });
      const delegation = await identity.addMembership({ draftId: id, userId: cuba.id, role: Role.delegation, state: "CUB" });
      await identity.storeCredential({ hash: "invite-cuba", kind: CredentialKind.invitation, userId: cuba.id, membershipId: delegation.id, createdAt: AT, expiresAt: null });
      await identity.useCredential("invite-cuba");
      const members = await identity.membersOfDraft(id);
      expect(members.map(({ name, role, state, signedInAt }) => ({ name, role, state, signedIn: signedInAt !== null }))).toEqual([
        { name: "Chair", role: Role.chair, state: null, signedIn: false },
        { name: "Delegation of Cuba", role: Role.delegation, state: "CUB", signedIn: true },
      ]);
      expect(members[0]).toMatchObject({ id: chairship.id, createdAt: chairship.createdAt, revokedAt: null });
    });

    it("stores credentials by hash, uses a single-use one once, and ends only sessions", async () => {
      const { storage } = await open();
      const { identity } = storage;
      const user = await identity.createUser("Chair");
      const session = { hash: "session-hash", kind: CredentialKind.session, userId: user.id, membershipId: null, createdAt: AT, expiresAt: "2027-01-01T00:00:00.000Z" };
      const token = { ...session, hash: "token-hash", kind: CredentialKind.token, expiresAt: null };
      const invitation = { ...session, hash: "invitation-hash", kind: CredentialKind.invitation };
      for (const credential of [session, token, invitation]) await identity.storeCredential(credential);
      expect(await identity.findCredential("token-hash")).toEqual({ ...token, usedAt: null });
      expect(await identity.findCredential("unknown")).toBeNull();
      expect(await refusal(identity.storeCredential(token))).not.toBe("");

      expect(await identity.useCredential("invitation-hash")).toBe(true);
      expect(await identity.useCredential("invitation-hash")).toBe(false);
      expect((await identity.findCredential("invitation-hash"))!.usedAt).not.toBeNull();

      await identity.endSession("session-hash");
      await identity.endSession("token-hash");
      expect((await identity.findCredential("session-hash"))!.expiresAt! < "2027-01-01").toBe(true);
      expect((await identity.findCredential("token-hash"))!.expiresAt).toBeNull();
    });
  });
});
