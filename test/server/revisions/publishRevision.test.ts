/**
 * Publishing a revision over real HTTP: the chair's POST writes the revision's record and meta as
 * the server's own change, stores both rooms' state of that moment, and lists it for every member.
 */
import { createHash } from "node:crypto";
import * as Y from "yjs";
import type { Revision } from "../../../schemas/records";
import { SERVER_PRINCIPAL } from "../../../shared/audit/auditEntry";
import { DecisionPrefix, FloorRoot, MetaKey, Room, TextRoot } from "../../../shared/documentLayout";
import { liveLabels } from "../../../shared/revisions/liveLabels";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { inviteMember } from "../../../server/identity/invitations";
import { doc, h, item, p, pre } from "../../support/dsl";
import { invite } from "../../support/members";
import { listRevisions, postRevision, publish } from "../../support/revisionRequests";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { MAX_RECORD_BYTES } from "../../../schemas/validateRecord";
import { waitFor } from "../../support/waitFor";

const AT = "2025-03-03T10:00:00Z";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const report = () =>
  doc(
    pre("[Original: English]"),
    h(1, "A. Introduction"),
    p("The Group met in New York."),
    item(1, "in March;"),
    item(2, "in the morning;"),
    item(1, "in July."),
    h(1, "B. Conclusions"),
    p("The Group adopted its report."),
  );

/** A stored room's state read back into a document. */
function loaded(bytes: Uint8Array): Y.Doc {
  const loadedDoc = new Y.Doc();
  Y.applyUpdate(loadedDoc, bytes);
  return loadedDoc;
}

describe("publishing a revision", () => {
  it("writes the record and meta as the server, stores both rooms exactly as they stood, and lists it", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Pre-draft report", doc: report() });
    const chair = await inviteMember(server.storage.identity, { draftId: draft.id, role: Role.chair, name: "Ambassador Gafoor" });
    const reader = await connectStockClient(server, draft.id, { token: chair.token });
    const cubaFloor = await connectStockClient(server, draft.id, { room: Room.floor, token: (await invite(server, draft.id, Role.delegation, "CUB")).token });
    const blocks = textBlocks(reader.doc.getXmlFragment(TextRoot.content));
    const pidOf = (index: number) => blocks[index]!.pid!;
    cubaFloor.doc.getMap(FloorRoot.stances).set(`CUB:${pidOf(2)}`, { stance: "reserve", reason: "Pending instructions.", at: AT });
    const room = (await server.rooms.open(draft.id, Room.floor))!;
    await waitFor(() => room.document.getMap(FloorRoot.stances).size, (size) => size === 1, { what: "CUB's stance at the server" });
    server.rooms.released(room);
    // The status the stance leads to is published first, so that nothing changes the room after the publication.
    await server.status.settled();

    const listing = await publish(server, draft.id, chair.token, { label: "Rev.1", symbol: "A/AC.292/2025/CRP.1/Rev.1", date: "2025-03-01", note: "After the first informal round." });

    expect(listing).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      ordinal: 1,
      label: "Rev.1",
      symbol: "A/AC.292/2025/CRP.1/Rev.1",
      date: "2025-03-01",
      note: "After the first informal round.",
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      publishedBy: "Ambassador Gafoor",
      textSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const key = `${DecisionPrefix.revision}${listing.id}`;
    const record = await waitFor(() => reader.doc.getMap(TextRoot.decisions).get(key) as Revision | undefined, Boolean, { what: "the record at the chair" });
    expect(record).toEqual({
      label: "Rev.1",
      symbol: "A/AC.292/2025/CRP.1/Rev.1",
      date: "2025-03-01",
      note: "After the first informal round.",
      at: listing.publishedAt,
      ordinal: 1,
      // Preamble and headings carry no number; sub-items letter afresh under their paragraph.
      numbers: { [pidOf(2)]: "1", [pidOf(3)]: "(a)", [pidOf(4)]: "(i)", [pidOf(5)]: "(b)", [pidOf(7)]: "2" },
      renumbered: {},
    });
    const meta = reader.doc.getMap(TextRoot.meta);
    expect([meta.get(MetaKey.revision), meta.get(MetaKey.symbol)]).toEqual(["Rev.1", "A/AC.292/2025/CRP.1/Rev.1"]);

    const stored = (await server.storage.readRevision(draft.id, listing.id))!;
    expect(stored).toMatchObject({ ordinal: 1, label: "Rev.1", publishedBy: "Ambassador Gafoor", publishedAt: listing.publishedAt });
    expect(sha256(stored.text)).toBe(listing.textSha256);
    // Nothing changed the room since: its state now is, byte for byte, the state that was stored.
    const text = (await server.rooms.open(draft.id, Room.text))!;
    expect(Buffer.from(Y.encodeStateAsUpdate(text.document)).equals(Buffer.from(stored.text))).toBe(true);
    server.rooms.released(text);
    const storedText = loaded(stored.text);
    expect(storedText.getMap(TextRoot.decisions).get(key)).toEqual(record);
    expect(storedText.getMap(TextRoot.meta).get(MetaKey.revision)).toBe("Rev.1");
    expect(loaded(stored.floor).getMap(FloorRoot.stances).get(`CUB:${pidOf(2)}`)).toEqual({ stance: "reserve", reason: "Pending instructions.", at: AT });

    // Written by the server, in the audit as the server's.
    const audit = await server.storage.readAudit(draft.id, { limit: 50 });
    const entry = audit.find((each) => each.touched.some((touched) => touched.key === key));
    expect(entry?.principal).toBe(SERVER_PRINCIPAL);

    for (const role of [Role.delegation, Role.observer] as const) {
      const token = (await invite(server, draft.id, role, role === Role.delegation ? "SLV" : undefined)).token;
      expect(await listRevisions(server, draft.id, token)).toEqual([listing]);
    }
    // The drafts list shows the symbol the revision gave the draft.
    await waitFor(async () => (await server.drafts.get(draft.id))?.symbol, (symbol) => symbol === "A/AC.292/2025/CRP.1/Rev.1", { what: "the draft's new symbol in its summary" });
  });

  it("stores the floor as it stood when published, and an unused floor as an empty document", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Floors", doc: doc(p("One paragraph.")) });
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const first = await publish(server, draft.id, chairToken, { label: "Zero draft" });
    expect(Buffer.from((await server.storage.readRevision(draft.id, first.id))!.floor).equals(Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())))).toBe(true);

    const cubaFloor = await connectStockClient(server, draft.id, { room: Room.floor, token: (await invite(server, draft.id, Role.delegation, "CUB")).token });
    const pid = textBlocks((await connectStockClient(server, draft.id, { token: chairToken })).doc.getXmlFragment(TextRoot.content))[0]!.pid!;
    cubaFloor.doc.getMap(FloorRoot.stances).set(`CUB:${pid}`, { stance: "object", reason: "Too vague.", at: AT });
    const floor = (await server.rooms.open(draft.id, Room.floor))!;
    await waitFor(() => floor.document.getMap(FloorRoot.stances).size, (size) => size === 1, { what: "the stance at the server" });
    const second = await publish(server, draft.id, chairToken, { label: "Rev.1" });
    cubaFloor.doc.getMap(FloorRoot.stances).set(`CUB:${pid}`, { stance: "support", at: AT });
    await waitFor(() => (floor.document.getMap(FloorRoot.stances).get(`CUB:${pid}`) as { stance: string }).stance, (stance) => stance === "support", { what: "the later stance" });
    server.rooms.released(floor);

    const storedFloor = loaded((await server.storage.readRevision(draft.id, second.id))!.floor);
    expect(storedFloor.getMap(FloorRoot.stances).get(`CUB:${pid}`)).toEqual({ stance: "object", reason: "Too vague.", at: AT });
  });

  it("numbers the next revision 1…N and records each paragraph number it changed, old → new", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Renumbered", doc: doc(p("First."), p("Second."), p("Third.")) });
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const chair = await connectStockClient(server, draft.id, { token: chairToken });
    await publish(server, draft.id, chairToken, { label: "Rev.1" });
    await waitFor(() => chair.doc.getMap(TextRoot.meta).get(MetaKey.revision), (label) => label === "Rev.1", { what: "Rev.1 at the chair" });

    // A paragraph inserted after the first: the live text numbers it as the live numbering says.
    const fragment = chair.doc.getXmlFragment(TextRoot.content);
    const added = new Y.XmlElement("paragraph");
    added.setAttribute("pid", "pAdded");
    added.insert(0, [new Y.XmlText("Inserted.")]);
    fragment.insert(1, [added]);
    const live = (await server.rooms.open(draft.id, Room.text))!;
    await waitFor(() => textBlocks(live.document.getXmlFragment(TextRoot.content)).length, (length) => length === 4, { what: "the new paragraph at the server" });
    const before = liveLabels(live.document);
    server.rooms.released(live);

    const rev2 = await publish(server, draft.id, chairToken, { label: "Rev.2" });
    const record = (await waitFor(() => chair.doc.getMap(TextRoot.decisions).get(`${DecisionPrefix.revision}${rev2.id}`) as Revision | undefined, Boolean, { what: "Rev.2's record" }))!;
    const pids = textBlocks(fragment).map((block) => block.pid!);
    expect(record.ordinal).toBe(2);
    expect(record.numbers).toEqual({ [pids[0]!]: "1", pAdded: "2", [pids[2]!]: "3", [pids[3]!]: "4" });
    // During the round the inserted paragraph read "1 bis", and the ones after it kept their numbers.
    expect(pids.map((pid) => before.get(pid))).toEqual(["1", "1 bis", "2", "3"]);
    expect(record.renumbered).toEqual({ "1 bis": "2", "2": "3", "3": "4" });
  });

  it("publishes a draft of five thousand paragraphs, whose numbers outgrow the limit of a client's record", async () => {
    const server = await startTestServer();
    const paragraphs = Array.from({ length: 5000 }, (_, index) => p(`Paragraph ${index + 1} of a long report.`));
    const draft = await server.drafts.create({ title: "Long", doc: doc(...paragraphs) });
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const published = await publish(server, draft.id, chairToken, { label: "Rev.1" });
    const room = (await server.rooms.open(draft.id, Room.text))!;
    const record = room.document.getMap(TextRoot.decisions).get(`${DecisionPrefix.revision}${published.id}`) as Revision;
    server.rooms.released(room);
    expect(Object.keys(record.numbers)).toHaveLength(5000);
    expect(JSON.stringify(record).length).toBeGreaterThan(MAX_RECORD_BYTES);
  });

  it("gives publications made at once each their own ordinal, and the draft the last one's label", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Racing", doc: doc(p("One paragraph.")) });
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const labels = ["Rev.1", "Rev.2", "Rev.3", "Rev.4"];
    const published = await Promise.all(labels.map((label) => publish(server, draft.id, chairToken, { label })));

    expect(published.map((listing) => listing.ordinal).sort()).toEqual([1, 2, 3, 4]);
    expect(new Set(published.map((listing) => listing.id)).size).toBe(4);
    const listed = await listRevisions(server, draft.id, chairToken);
    expect(listed.map((listing) => listing.ordinal)).toEqual([1, 2, 3, 4]);
    const chair = await connectStockClient(server, draft.id, { token: chairToken });
    const records = Array.from(chair.doc.getMap(TextRoot.decisions).entries()).filter(([key]) => key.startsWith(DecisionPrefix.revision));
    expect(records.map(([, record]) => (record as Revision).ordinal).sort()).toEqual([1, 2, 3, 4]);
    expect(chair.doc.getMap(TextRoot.meta).get(MetaKey.revision)).toBe(listed.at(-1)!.label);
  });

  it("dates a revision today (UTC) when the chair gives no date, and keeps no empty note", async () => {
    const server = await startTestServer({ clock: { now: () => new Date("2025-07-14T23:30:00Z") } });
    const draft = await server.drafts.create({ title: "Dated", doc: doc(p("One paragraph.")) });
    const listing = await publish(server, draft.id, (await invite(server, draft.id, Role.chair)).token, { label: "  Zero draft ", note: "" });
    expect(listing).toMatchObject({ label: "Zero draft", date: "2025-07-14", note: null, symbol: null, publishedAt: "2025-07-14T23:30:00.000Z" });
  });

  it("is refused to delegations, observers and strangers, and stores nothing", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Chair only", doc: doc(p("One paragraph.")) });
    const other = await server.drafts.create({ title: "Another draft" });
    const cases: Array<[string | null, number]> = [
      [(await invite(server, draft.id, Role.delegation, "CUB")).token, 403],
      [(await invite(server, draft.id, Role.observer)).token, 403],
      [(await invite(server, other.id, Role.chair)).token, 403],
      [null, 401],
    ];
    for (const [token, status] of cases) {
      const response = token === null ? await fetch(`${server.url}/api/drafts/${draft.id}/revisions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }) : await postRevision(server, draft.id, token, { label: "Rev.1" });
      expect(response.status).toBe(status);
    }
    expect(await server.storage.listRevisions(draft.id)).toEqual([]);
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    expect((await postRevision(server, "nosuchdraft1", chairToken, { label: "Rev.1" })).status).toBe(404);
    expect((await fetch(`${server.url}/api/drafts/${draft.id}/revisions`)).status).toBe(401);
  });

  it("answers a bad body with a 400 that names the field and the problem, and stores nothing", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Bodies", doc: doc(p("One paragraph.")) });
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const cases: Array<[unknown, string, string, Record<string, string | number>]> = [
      [{}, "body.label: required", "field-required", { field: "label" }],
      [{ label: "   " }, "body.label: must be a label that is not blank, such as Zero draft or Rev.1", "field-invalid", { field: "label" }],
      [{ label: "R".repeat(101) }, "body.label: must NOT have more than 100 characters", "field-too-long", { field: "label", limit: 100 }],
      [{ label: "Rev.1", date: "2025-13-01" }, "body.date: must be a date written YYYY-MM-DD, such as 2025-03-01", "field-invalid", { field: "date" }],
      [{ label: "Rev.1", symbol: "" }, "body.symbol: must NOT have fewer than 1 characters", "field-too-short", { field: "symbol", limit: 1 }],
      [{ label: "Rev.1", note: "n".repeat(2001) }, "body.note: must NOT have more than 2000 characters", "field-too-long", { field: "note", limit: 2000 }],
      [{ label: "Rev.1", ordinal: 7 }, "body.ordinal: unknown field", "field-unknown", { field: "ordinal" }],
      [{ label: 12 }, "body.label: must be string", "field-invalid", { field: "label" }],
    ];
    for (const [body, message, reason, values] of cases) {
      const response = await postRevision(server, draft.id, chairToken, body);
      expect([response.status, await response.json()]).toEqual([400, { error: "bad-request", reason, values, message }]);
    }
    expect(await server.storage.listRevisions(draft.id)).toEqual([]);
  });
});
