/**
 * Written contributions are guarded like every other record (DESIGN.md section 8): a delegation
 * writes only its own, keeps every version and never deletes one; another state's write or deletion
 * is refused with a close code, reaches no one and is not stored; observers read them only where the
 * chair makes them public.
 */
import fs from "node:fs";
import * as Y from "yjs";
import { ProposalKind, type Contribution, type Proposal } from "../../../schemas/records";
import { CloseCode } from "../../../shared/closeCodes";
import { reviseContribution, submitContribution, withdrawContribution } from "../../../shared/contributions/contributionWrites";
import { ContributionsRoot, Room, TextRoot } from "../../../shared/documentLayout";
import { propose } from "../../../shared/proposals/proposeChange";
import { textBlocks } from "../../../shared/text/blockText";
import { Role } from "../../../shared/roles";
import { SqliteStorage } from "../../../server/storage/SqliteStorage";
import { attack } from "../../support/attacker";
import { doc, h, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const CUBA = fs.readFileSync(require.resolve("../../../../shared/seeds/000_9d21bf7d8a8fdf4e.txt"), "utf8");
const ON_DIALOGUE = { pid: "p-dialogue" };

const contributionsOf = (doc: Y.Doc): Y.Map<Contribution> => doc.getMap<Contribution>(ContributionsRoot.contributions);

/** What the server stored of a room, read back from its log after it stopped. */
async function storedRoom(dataDir: string, draftId: string, room: Room): Promise<Y.Doc> {
  const storage = new SqliteStorage(dataDir);
  try {
    const doc = new Y.Doc();
    for (const { update } of await storage.loadUpdates(draftId, room)) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    await storage.close();
  }
}

/** The update that turns a copy of `doc` into `change(copy)`, made apart from any provider. */
function forgedUpdate(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

describe("written contributions", () => {
  it("lets CUB submit, revise and withdraw its own, and refuses SLV writing or deleting CUB's: nothing of it is stored", async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer({ dataDir });
    const draft = await server.drafts.create({ title: "Contributions" });
    const [chair, cub, slv] = await Promise.all([
      invite(server, draft.id, Role.chair),
      invite(server, draft.id, Role.delegation, "CUB"),
      invite(server, draft.id, Role.delegation, "SLV"),
    ]);
    const chairRoom = await connectStockClient(server, draft.id, { room: Room.contributions, token: chair.token });
    const cubRoom = await connectStockClient(server, draft.id, { room: Room.contributions, token: cub.token });
    const slvRoom = await connectStockClient(server, draft.id, { room: Room.contributions, token: slv.token });

    const key = submitContribution(cubRoom.doc, "CUB", ON_DIALOGUE, { original: { language: "en", text: CUBA }, title: "Cuba's considerations" }, new Date("2026-12-01T09:00:00Z"));
    await waitFor(() => contributionsOf(slvRoom.doc).get(key), Boolean, { what: "CUB's contribution at SLV" });
    expect(contributionsOf(chairRoom.doc).get(key)?.versions[0]?.original.text).toContain("REGULAR INSTITUTIONAL DIALOGUE");

    // SLV overwrites CUB's contribution, then deletes it, each with raw frames: both refused.
    const overwrite = forgedUpdate(slvRoom.doc, (copy) =>
      contributionsOf(copy).set(key, { on: ON_DIALOGUE, versions: [{ at: "2026-12-01T10:00:00.000Z", original: { language: "en", text: "Forged by SLV" } }] }),
    );
    expect((await attack(server, draft.id, Room.contributions, slv.token, overwrite))?.code).toBe(CloseCode.writeRefused.code);
    const deletion = forgedUpdate(slvRoom.doc, (copy) => contributionsOf(copy).delete(key));
    expect((await attack(server, draft.id, Room.contributions, slv.token, deletion))?.code).toBe(CloseCode.writeRefused.code);

    // Not even CUB deletes its own, or rewrites a version it has made: it withdraws, and revises.
    expect((await attack(server, draft.id, Room.contributions, cub.token, forgedUpdate(cubRoom.doc, (copy) => contributionsOf(copy).delete(key))))?.code).toBe(
      CloseCode.writeRefused.code,
    );
    const rewritten = forgedUpdate(cubRoom.doc, (copy) => {
      const record = contributionsOf(copy).get(key)!;
      contributionsOf(copy).set(key, { ...record, versions: [{ ...record.versions[0]!, original: { language: "en", text: "Cuba never said this" } }] });
    });
    expect((await attack(server, draft.id, Room.contributions, cub.token, rewritten))?.code).toBe(CloseCode.invalidRecord.code);

    reviseContribution(cubRoom.doc, "CUB", key, { original: { language: "en", text: `${CUBA}\n\nA second thought.` } }, new Date("2026-12-02T09:00:00Z"));
    withdrawContribution(cubRoom.doc, "CUB", key, new Date("2026-12-03T09:00:00Z"));
    await waitFor(() => contributionsOf(chairRoom.doc).get(key)?.withdrawnAt, Boolean, { what: "the withdrawal at the chair" });
    const seen = contributionsOf(chairRoom.doc).get(key)!;
    expect(seen.versions.map((version) => version.at)).toEqual(["2026-12-01T09:00:00.000Z", "2026-12-02T09:00:00.000Z"]);
    expect(seen.versions[0]!.original.text).toBe(CUBA.trim());

    await server.close();
    const stored = contributionsOf(await storedRoom(dataDir, draft.id, Room.contributions));
    expect(Array.from(stored.keys())).toEqual([key]);
    expect(stored.get(key)?.versions).toHaveLength(2);
    expect(JSON.stringify(stored.toJSON())).not.toMatch(/Forged by SLV|Cuba never said this/);
  });

  it("opens the contributions to observers only while the chair makes them public, apart from stances and comments", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Public contributions" });
    const observer = await invite(server, draft.id, Role.observer);
    expect((await attack(server, draft.id, Room.contributions, observer.token, new Uint8Array([0, 0])))?.code).toBe(CloseCode.roomForbidden.code);

    await server.drafts.setObserversReadContributions(draft.id, true);
    const reading = await connectStockClient(server, draft.id, { room: Room.contributions, token: observer.token });
    expect(reading.provider.synced).toBe(true);
    // The floor stays closed: the two switches are apart.
    expect((await attack(server, draft.id, Room.floor, observer.token, new Uint8Array([0, 0])))?.code).toBe(CloseCode.roomForbidden.code);
    // And an observer still writes nothing there.
    const write = forgedUpdate(reading.doc, (copy) => contributionsOf(copy).set("CUB:x1", { on: {}, versions: [{ at: "2026-12-01T10:00:00.000Z", original: { language: "en", text: "No" } }] }));
    expect((await attack(server, draft.id, Room.contributions, observer.token, write))?.code).toBe(CloseCode.writeRefused.code);
  });

  it("lets a proposal name as its source only its own state's contribution", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "From contributions", doc: doc(h(2, "Regular institutional dialogue"), p("States agree to continue the dialogue.")) });
    const cub = await invite(server, draft.id, Role.delegation, "CUB");
    const text = await connectStockClient(server, draft.id, { token: cub.token });
    const pid = textBlocks(text.doc.getXmlFragment(TextRoot.content))[1]!.pid!;
    const input = { kind: ProposalKind.insert, pid, at: 0, text: "Regular dialogue matters. " } as const;

    const borrowed = forgedUpdate(text.doc, (copy) => {
      const key = propose(copy, "CUB", input);
      const record = copy.getMap<Proposal>(TextRoot.proposals).get(key)!;
      copy.getMap<Proposal>(TextRoot.proposals).set(key, { ...record, source: { contribution: "SLV:abc", version: 1 } });
    });
    expect((await attack(server, draft.id, Room.text, cub.token, borrowed))?.code).toBe(CloseCode.invalidRecord.code);

    const key = propose(text.doc, "CUB", input, new Date(), { contribution: "CUB:abc", version: 1 });
    const other = await connectStockClient(server, draft.id);
    await waitFor(() => other.doc.getMap<Proposal>(TextRoot.proposals).get(key)?.source, Boolean, { what: "CUB's proposal with its source" });
    expect(() => propose(text.doc, "CUB", input, new Date(), { contribution: "SLV:abc", version: 1 })).toThrow(/its own contributions only/);
  });
});
