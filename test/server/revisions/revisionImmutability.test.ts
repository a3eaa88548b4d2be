/**
 * Acceptance 2 of issue 13: a published revision never changes. A stock y-websocket client of any
 * role that writes into or deletes a revision's record is refused and nothing of it is stored; a
 * restart and the compaction of the log leave every revision's stored bytes as they were
 * published; and the database itself refuses to update or delete a stored revision.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import * as Y from "yjs";
import type { Revision } from "../../../schemas/records";
import { SERVER_PRINCIPAL } from "../../../shared/audit/auditEntry";
import { CloseCode } from "../../../shared/closeCodes";
import { DecisionPrefix, FloorRoot, Room, TextRoot } from "../../../shared/documentLayout";
import type { RevisionListing } from "../../../shared/revisions/revisionListing";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import type { ConcordServer } from "../../../server/ConcordServer";
import { SQLITE_FILE_NAME, SqliteStorage } from "../../../server/storage/SqliteStorage";
import { onTestEnd } from "../../support/cleanup";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { getRevisionRoom, listRevisions, publish } from "../../support/revisionRequests";
import { connectStockClient, typeAtStart } from "../../support/stockClient";
import { startTestServer, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const AT = "2025-03-03T10:00:00Z";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** What a client of each role tries on a published revision's record. */
const ATTEMPTS: Record<string, (decisions: Y.Map<unknown>, key: string, record: Revision) => void> = {
  "rewrites its label": (decisions, key, record) => decisions.set(key, { ...record, label: "Rev.1 (corrected)" }),
  "deletes it": (decisions, key) => decisions.delete(key),
  "publishes one of its own": (decisions, _key, record) => decisions.set(`${DecisionPrefix.revision}forged`, { ...record, ordinal: 2, label: "Rev.2" }),
};

/** Every revision's stored bytes, as storage reads them and as the route serves them, with their hashes. */
async function revisionBytes(server: ConcordServer, draftId: string, token: string, listed: RevisionListing[]) {
  const all = [];
  for (const revision of listed) {
    const stored = (await server.storage.readRevision(draftId, revision.id))!;
    const servedText = new Uint8Array(await (await getRevisionRoom(server, draftId, revision.id, Room.text, token)).arrayBuffer());
    const servedFloor = new Uint8Array(await (await getRevisionRoom(server, draftId, revision.id, Room.floor, token)).arrayBuffer());
    all.push({
      id: revision.id,
      text: Buffer.from(stored.text).toString("base64"),
      floor: Buffer.from(stored.floor).toString("base64"),
      servedText: Buffer.from(servedText).toString("base64"),
      servedFloor: Buffer.from(servedFloor).toString("base64"),
      textSha256: sha256(stored.text),
      servedTextSha256: sha256(servedText),
      floorSha256: sha256(stored.floor),
      listedSha256: revision.textSha256,
    });
  }
  return all;
}

describe("a published revision", () => {
  it("refuses a stock client of every role that writes into or deletes its record, and stores nothing of it", async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer({ dataDir });
    const draft = await server.drafts.create({ title: "Immutable", doc: doc(p("The Group recalled its mandate.")) });
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const rev1 = await publish(server, draft.id, chairToken, { label: "Rev.1" });
    const key = `${DecisionPrefix.revision}${rev1.id}`;
    const tokens: Record<string, string> = {
      chair: chairToken,
      delegation: (await invite(server, draft.id, Role.delegation, "CUB")).token,
      observer: (await invite(server, draft.id, Role.observer)).token,
    };
    const room = (await server.rooms.open(draft.id, Room.text))!;
    const published = room.document.getMap(TextRoot.decisions).get(key) as Revision;
    const auditBefore = await server.storage.readAudit(draft.id, { limit: 1000 });

    for (const [who, token] of Object.entries(tokens)) {
      for (const [attempt, write] of Object.entries(ATTEMPTS)) {
        const client = await connectStockClient(server, draft.id, { token });
        const closed = new Promise<{ code: number; reason: string }>((resolve) =>
          client.provider.on("connection-close", (event: CloseEvent | null) => event && resolve({ code: event.code, reason: event.reason })),
        );
        const decisions = client.doc.getMap(TextRoot.decisions);
        write(decisions, key, decisions.get(key) as Revision);
        const notClosed = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`${who}, who ${attempt}, was not refused`)), 5000).unref());
        const { code, reason } = await Promise.race([closed, notClosed]);
        client.destroy();
        expect([who, attempt, code]).toEqual([who, attempt, CloseCode.writeRefused.code]);
        expect(reason).toMatch(who === "observer" ? /observers write nothing/ : /only the server writes a published revision/);
      }
    }

    // Nothing reached the server's document, its audit or its log.
    const decisions = room.document.getMap(TextRoot.decisions);
    expect(decisions.get(key)).toEqual(published);
    expect(decisions.has(`${DecisionPrefix.revision}forged`)).toBe(false);
    expect(await server.storage.readAudit(draft.id, { limit: 1000 })).toEqual(auditBefore);
    const touchers = auditBefore.filter((entry) => entry.touched.some((touched) => touched.key?.startsWith(DecisionPrefix.revision)));
    expect(touchers.map((entry) => entry.principal)).toEqual([SERVER_PRINCIPAL]);
    server.rooms.released(room);
    await server.close();

    const restarted = await startTestServer({ dataDir });
    const reader = await connectStockClient(restarted, draft.id, { token: tokens.observer });
    const revisions = Array.from(reader.doc.getMap(TextRoot.decisions).entries()).filter(([each]) => each.startsWith(DecisionPrefix.revision));
    expect(revisions).toEqual([[key, published]]);
    expect(await listRevisions(restarted, draft.id, tokens.observer!)).toEqual([rev1]);
  });

  it("keeps every revision's stored bytes identical through a restart, compaction and unloading", async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir, roomIdleUnloadMs: 20 });
    const draft = await first.drafts.create({ title: "Kept", doc: doc(p("First paragraph."), p("Second paragraph.")) });
    const chairToken = (await invite(first, draft.id, Role.chair)).token;
    const cubToken = (await invite(first, draft.id, Role.delegation, "CUB")).token;
    const chair = await connectStockClient(first, draft.id, { token: chairToken });
    const cubaFloor = await connectStockClient(first, draft.id, { room: Room.floor, token: cubToken });
    const fragment = chair.doc.getXmlFragment(TextRoot.content);
    const pid = textBlocks(fragment)[0]!.pid!;

    const typeAndWait = async (times: number, prefix: string) => {
      for (let i = 0; i < times; i++) typeAtStart(fragment, 1, `${prefix}${i} `);
      const text = (await first.rooms.open(draft.id, Room.text))!;
      await waitFor(() => textBlocks(text.document.getXmlFragment(TextRoot.content))[1]!.text, (words) => words.startsWith(`${prefix}${times - 1} `), { what: `${prefix} edits at the server` });
      first.rooms.released(text);
    };
    await typeAndWait(20, "a");
    await publish(first, draft.id, chairToken, { label: "Rev.1", date: "2025-03-01" });
    cubaFloor.doc.getMap(FloorRoot.stances).set(`CUB:${pid}`, { stance: "object", reason: "Too vague.", at: AT });
    await typeAndWait(20, "b");
    await publish(first, draft.id, chairToken, { label: "Rev.2", symbol: "A/AC.292/2025/CRP.1/Rev.2", note: "Second round." });
    await typeAndWait(20, "c");
    const listed = await listRevisions(first, draft.id, chairToken);
    expect(listed.map((revision) => revision.label)).toEqual(["Rev.1", "Rev.2"]);
    const published = await revisionBytes(first, draft.id, chairToken, listed);
    for (const each of published) {
      expect([each.servedText, each.servedFloor, each.servedTextSha256, each.listedSha256]).toEqual([each.text, each.floor, each.textSha256, each.textSha256]);
    }

    // Compaction forced on the loaded rooms, then the rooms unloaded (which compacts them again).
    for (const name of [Room.text, Room.floor]) {
      const room = (await first.rooms.open(draft.id, name))!;
      await room.compact();
      first.rooms.released(room);
    }
    expect(await first.storage.loadUpdates(draft.id, Room.text)).toHaveLength(1);
    expect(await revisionBytes(first, draft.id, chairToken, listed)).toEqual(published);
    chair.destroy();
    cubaFloor.destroy();
    await waitFor(() => first.rooms.size, (size) => size === 0, { what: "the idle rooms to unload" });
    expect(await revisionBytes(first, draft.id, chairToken, listed)).toEqual(published);
    await first.close();

    const second = await startTestServer({ dataDir });
    expect(await listRevisions(second, draft.id, chairToken)).toEqual(listed);
    expect(await revisionBytes(second, draft.id, chairToken, listed)).toEqual(published);
    // And the records in the live text are still those the snapshots hold.
    const reader = await connectStockClient(second, draft.id, { token: chairToken });
    for (const revision of listed) {
      const snapshot = new Y.Doc();
      Y.applyUpdate(snapshot, (await second.storage.readRevision(draft.id, revision.id))!.text);
      const key = `${DecisionPrefix.revision}${revision.id}`;
      expect(reader.doc.getMap(TextRoot.decisions).get(key)).toEqual(snapshot.getMap(TextRoot.decisions).get(key));
    }
  });

  it("cannot be updated, deleted or stored twice, even by hand in the database", async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer({ dataDir });
    const draft = await server.drafts.create({ title: "Triggers", doc: doc(p("One paragraph.")) });
    const rev1 = await publish(server, draft.id, (await invite(server, draft.id, Role.chair)).token, { label: "Rev.1" });
    await server.close();

    const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
    onTestEnd(() => db.close());
    expect(() => db.prepare("UPDATE revisions SET label = 'Rev.1 (corrected)' WHERE id = ?").run(rev1.id)).toThrow(/a published revision never changes/);
    expect(() => db.prepare("UPDATE revisions SET text_state = x'00' WHERE id = ?").run(rev1.id)).toThrow(/a published revision never changes/);
    expect(() => db.prepare("DELETE FROM revisions WHERE id = ?").run(rev1.id)).toThrow(/a published revision is never deleted/);
    expect(() => db.prepare("DELETE FROM revisions").run()).toThrow(/a published revision is never deleted/);
    db.close();

    const storage = new SqliteStorage(dataDir);
    onTestEnd(() => storage.close());
    const stored = (await storage.readRevision(draft.id, rev1.id))!;
    // Matched by message: in a reused jest worker the native module's errors come from another realm, which `toThrow` does not take for errors.
    await expect(storage.saveRevision({ ...stored, label: "Again" })).rejects.toHaveProperty("message", expect.stringMatching(/UNIQUE/));
    await expect(storage.saveRevision({ ...stored, id: "another", label: "Same ordinal" })).rejects.toHaveProperty("message", expect.stringMatching(/UNIQUE/));
    expect((await storage.listRevisions(draft.id)).map(({ id, label, textSha256 }) => ({ id, label, textSha256 }))).toEqual([{ id: rev1.id, label: "Rev.1", textSha256: rev1.textSha256 }]);
  });
});
