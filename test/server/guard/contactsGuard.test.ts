/**
 * Points of contact are guarded like every other record: a delegation writes only its own state's
 * record, which the chair and the other delegations read; another state's write is refused with a
 * close code, reaches no one and is not stored; observers see them only where the floor is open.
 */
import * as Y from "yjs";
import { CloseCode } from "../../../shared/closeCodes";
import { allContacts, contactsKey, contactsOf, setContacts } from "../../../shared/contacts/contactWrites";
import { FloorRoot, Room } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { attack } from "../../support/attacker";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";
import { SqliteStorage } from "../../../server/storage/SqliteStorage";

const CUB_CONTACTS = [
  { name: "Ana Pérez", function: "Counsellor", email: "ana.perez@cuba-mission.example", phone: "+1 212 555 0101" },
  { name: "Luis Gómez", function: "Legal adviser", email: "luis@cuba-mission.example" },
];

describe("points of contact", () => {
  it("lets CUB edit its own, refuses SLV's write of CUB's, and shows both states' to the chair", async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer({ dataDir });
    const draft = await server.drafts.create({ title: "Contacts" });
    const [chair, cub, slv, observer] = await Promise.all([
      invite(server, draft.id, Role.chair),
      invite(server, draft.id, Role.delegation, "CUB"),
      invite(server, draft.id, Role.delegation, "SLV"),
      invite(server, draft.id, Role.observer),
    ]);
    const chairFloor = await connectStockClient(server, draft.id, { room: Room.floor, token: chair.token });
    const cubFloor = await connectStockClient(server, draft.id, { room: Room.floor, token: cub.token });
    const slvFloor = await connectStockClient(server, draft.id, { room: Room.floor, token: slv.token });

    setContacts(cubFloor.doc, "CUB", CUB_CONTACTS);
    setContacts(slvFloor.doc, "SLV", [{ name: "María López", function: "Ambassador", phone: "+1 212 555 0199" }]);
    await waitFor(() => allContacts(chairFloor.doc).map((entry) => entry.state), (states) => states.join() === "CUB,SLV", { what: "both states' contacts at the chair" });
    expect(contactsOf(chairFloor.doc, "CUB")).toEqual(CUB_CONTACTS);
    // The other delegation reads them too.
    await waitFor(() => contactsOf(slvFloor.doc, "CUB").length, (count) => count === 2, { what: "CUB's contacts at SLV" });

    // SLV, speaking raw frames, overwrites CUB's record: refused, relayed to no one, never stored.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(slvFloor.doc));
    const before = Y.encodeStateVector(forged);
    forged.getMap(FloorRoot.contacts).set(contactsKey("CUB"), { people: [{ name: "Forged by SLV" }], at: "2026-11-23T09:00:00.000Z" });
    const verdict = await attack(server, draft.id, Room.floor, slv.token, Y.encodeStateAsUpdate(forged, before));
    expect(verdict?.code).toBe(CloseCode.writeRefused.code);
    // CUB's own edit after the refusal arrives, so anything relayed before it would have too.
    setContacts(cubFloor.doc, "CUB", [...CUB_CONTACTS, { name: "Rosa Díaz", email: "rosa@cuba-mission.example" }]);
    await waitFor(() => contactsOf(chairFloor.doc, "CUB").length, (count) => count === 3, { what: "CUB's edit at the chair" });
    expect(contactsOf(chairFloor.doc, "CUB").map((person) => person.name)).not.toContain("Forged by SLV");

    // A state's own record must still match its schema, and the key names the state and nothing else.
    expect(() => setContacts(cubFloor.doc, "CUB", [{ name: "Ana", email: "not an address" }])).toThrow(/email/);
    const badKey = await connectStockClient(server, draft.id, { room: Room.floor, token: cub.token, waitForSync: true });
    const closed = new Promise<number>((resolve) => badKey.provider.on("connection-close", (event: CloseEvent | null) => resolve(event?.code ?? 0)));
    badKey.doc.getMap(FloorRoot.contacts).set("CUB:someone", { people: [], at: "2026-11-23T09:00:00.000Z" });
    expect(await closed).toBe(CloseCode.invalidRecord.code);

    // Observers do not open the floor while the draft keeps it closed to them.
    expect((await attack(server, draft.id, Room.floor, observer.token, new Uint8Array([0, 0])))?.code).toBe(CloseCode.roomForbidden.code);

    const audit = await server.storage.readAudit(draft.id, { limit: 100, principal: "state:CUB" });
    expect(audit[0]!.words?.records?.[0]).toMatchObject({ root: FloorRoot.contacts, key: "CUB:contacts", value: { people: expect.arrayContaining([expect.objectContaining({ name: "Rosa Díaz" })]) } });

    await server.close();
    const storage = new SqliteStorage(dataDir);
    try {
      const stored = new Y.Doc();
      for (const { update } of await storage.loadUpdates(draft.id, Room.floor)) Y.applyUpdate(stored, update);
      expect(contactsOf(stored, "CUB").map((person) => person.name)).toEqual(["Ana Pérez", "Luis Gómez", "Rosa Díaz"]);
      expect(JSON.stringify(stored.getMap(FloorRoot.contacts).toJSON())).not.toContain("Forged by SLV");
    } finally {
      await storage.close();
    }
  });
});
