/**
 * A publication stores the revision first and commits its record second. When the commit fails (a
 * full disk, or a crash between the two), the stored revision's record is written again from its
 * snapshot — before the next publication, and at the next start; a record with no stored revision
 * is reported and left alone, and the next revision numbers past it.
 */
import * as Y from "yjs";
import type { Revision } from "../../../schemas/records";
import { SERVER_PRINCIPAL } from "../../../shared/audit/auditEntry";
import { DecisionPrefix, MetaKey, Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { SqliteStorage } from "../../../server/storage/SqliteStorage";
import type { WriteRecord } from "../../../server/storage/Storage";
import { onTestEnd } from "../../support/cleanup";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { postRevision, publish } from "../../support/revisionRequests";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

/** SQLite storage whose next commits of a revision's record fail, as a full disk would make them. */
class FailingStorage extends SqliteStorage {
  failRevisionRecords = 0;

  override appendUpdate(draftId: string, room: Room, update: Uint8Array, write?: WriteRecord): Promise<number> {
    const revisionRecord = write?.principal === SERVER_PRINCIPAL && write.touched.some((touched) => touched.key?.startsWith(DecisionPrefix.revision));
    if (this.failRevisionRecords > 0 && revisionRecord) {
      this.failRevisionRecords--;
      return Promise.reject(new Error("disk full"));
    }
    return super.appendUpdate(draftId, room, update, write);
  }
}

/** The record revision `id`'s stored text snapshot holds. */
async function recordInSnapshot(storage: SqliteStorage, draftId: string, id: string): Promise<Revision> {
  const snapshot = new Y.Doc();
  Y.applyUpdate(snapshot, (await storage.readRevision(draftId, id))!.text);
  return snapshot.getMap(TextRoot.decisions).get(`${DecisionPrefix.revision}${id}`) as Revision;
}

/** Publishes through a storage that fails to commit the record, and to write it again: the revision is stored, its record is not. */
async function publishWithLostRecord(dataDir: string) {
  const storage = new FailingStorage(dataDir);
  const server = await startTestServer({ storage });
  const draft = await server.drafts.create({ title: "Lost record", doc: doc(p("One paragraph.")) });
  const chairToken = (await invite(server, draft.id, Role.chair)).token;
  storage.failRevisionRecords = 2;
  const errors = jest.spyOn(console, "error").mockImplementation(() => {});
  const response = await postRevision(server, draft.id, chairToken, { label: "Rev.1", symbol: "A/AC.292/2025/CRP.1/Rev.1" });
  errors.mockRestore();
  expect(response.status).toBe(500);
  const [stored] = await storage.listRevisions(draft.id);
  expect(stored).toMatchObject({ ordinal: 1, label: "Rev.1" });
  const room = (await server.rooms.open(draft.id, Room.text))!;
  await room.ready();
  expect(room.document.getMap(TextRoot.decisions).has(`${DecisionPrefix.revision}${stored!.id}`)).toBe(false);
  server.rooms.released(room);
  return { server, storage, draftId: draft.id, chairToken, lost: stored! };
}

describe("reconciling stored revisions with their records", () => {
  it("completes a publication whose commit failed once by writing the record again from the snapshot", async () => {
    const storage = new FailingStorage(tempDataDir());
    const server = await startTestServer({ storage });
    const draft = await server.drafts.create({ title: "Retried", doc: doc(p("One paragraph.")) });
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    storage.failRevisionRecords = 1;
    const quiet = [jest.spyOn(console, "error").mockImplementation(() => {}), jest.spyOn(console, "warn").mockImplementation(() => {})];
    onTestEnd(() => quiet.forEach((spy) => spy.mockRestore()));
    const rev1 = await publish(server, draft.id, chairToken, { label: "Rev.1" });
    expect(storage.failRevisionRecords).toBe(0);
    const reader = await connectStockClient(server, draft.id, { token: chairToken });
    expect(reader.doc.getMap(TextRoot.decisions).get(`${DecisionPrefix.revision}${rev1.id}`)).toEqual(await recordInSnapshot(storage, draft.id, rev1.id));
    expect(reader.doc.getMap(TextRoot.meta).get(MetaKey.revision)).toBe("Rev.1");
    expect(await storage.listRevisions(draft.id)).toHaveLength(1);
  });

  it("writes a lost record again from its snapshot before the next publication, which takes the next ordinal", async () => {
    const { server, storage, draftId, chairToken, lost } = await publishWithLostRecord(tempDataDir());
    const warnings = jest.spyOn(console, "warn").mockImplementation(() => {});
    onTestEnd(() => warnings.mockRestore());

    const rev2 = await publish(server, draftId, chairToken, { label: "Rev.2" });
    expect(rev2.ordinal).toBe(2);
    const reader = await connectStockClient(server, draftId, { token: chairToken });
    const decisions = reader.doc.getMap(TextRoot.decisions);
    expect(decisions.get(`${DecisionPrefix.revision}${lost.id}`)).toEqual(await recordInSnapshot(storage, draftId, lost.id));
    expect(reader.doc.getMap(TextRoot.meta).get(MetaKey.revision)).toBe("Rev.2");
    expect(warnings.mock.calls.flat().join("\n")).toMatch(new RegExp(`Revision ${lost.id} \\(Rev.1\\) of draft ${draftId} was stored but its record was not committed`));
  });

  it("writes a lost record, and the draft's label, again at the next start", async () => {
    const dataDir = tempDataDir();
    const { server, storage, draftId, chairToken, lost } = await publishWithLostRecord(dataDir);
    const expected = await recordInSnapshot(storage, draftId, lost.id);
    await server.close();

    const warnings = jest.spyOn(console, "warn").mockImplementation(() => {});
    onTestEnd(() => warnings.mockRestore());
    const restarted = await startTestServer({ dataDir });
    const reader = await connectStockClient(restarted, draftId, { token: chairToken });
    const key = `${DecisionPrefix.revision}${lost.id}`;
    expect(await waitFor(() => reader.doc.getMap(TextRoot.decisions).get(key), Boolean, { what: "the record written again" })).toEqual(expected);
    const meta = reader.doc.getMap(TextRoot.meta);
    expect([meta.get(MetaKey.revision), meta.get(MetaKey.symbol)]).toEqual(["Rev.1", "A/AC.292/2025/CRP.1/Rev.1"]);
    await restarted.close();

    // Once whole, a start finds nothing to do.
    warnings.mockClear();
    const again = await startTestServer({ dataDir });
    const second = await connectStockClient(again, draftId, { token: chairToken });
    expect(second.doc.getMap(TextRoot.decisions).get(key)).toEqual(expected);
    await again.close();
    expect(warnings).not.toHaveBeenCalled();
  });

  it("reports a revision record with no stored revision, leaves it, and numbers the next revision past it", async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const draft = await first.drafts.create({ title: "Legacy", doc: doc(p("One paragraph.")) });
    await first.close();
    // A record no publication stored, as a damaged or hand-edited database could hold.
    const storage = new SqliteStorage(dataDir);
    const legacy = new Y.Doc();
    const record: Revision = { label: "Zero draft", date: "2024-12-01", at: "2024-12-01T09:00:00Z", ordinal: 1, numbers: {}, renumbered: {} };
    legacy.getMap(TextRoot.decisions).set(`${DecisionPrefix.revision}legacy`, record);
    await storage.appendUpdate(draft.id, Room.text, Y.encodeStateAsUpdate(legacy));
    await storage.close();

    const warnings = jest.spyOn(console, "warn").mockImplementation(() => {});
    onTestEnd(() => warnings.mockRestore());
    const server = await startTestServer({ dataDir });
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const rev1 = await publish(server, draft.id, chairToken, { label: "Rev.1" });
    expect(rev1.ordinal).toBe(2);
    expect(warnings.mock.calls.flat().join("\n")).toContain(`decisions["revision:legacy"] of draft ${draft.id} has no stored revision: reported, left as it is.`);
    const reader = await connectStockClient(server, draft.id, { token: chairToken });
    expect(reader.doc.getMap(TextRoot.decisions).get(`${DecisionPrefix.revision}legacy`)).toEqual(record);
  });
});
