/**
 * The drafts list over real HTTP: each draft a user is a member of, with the user's role and the
 * figures the status publisher saved with the draft, read without loading the draft's rooms.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { ProposalKind, StanceKind } from "../../../schemas/records";
import { CloseCode } from "../../../shared/closeCodes";
import { declareAgreed, setStance } from "../../../shared/consensus/stanceWrites";
import type { ListedDraft } from "../../../shared/draftListing";
import { MetaKey, Room, TextRoot } from "../../../shared/documentLayout";
import { propose } from "../../../shared/proposals/proposeChange";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { SQLITE_FILE_NAME } from "../../../server/storage/SqliteStorage";
import type { ConcordServer } from "../../../server/ConcordServer";
import { doc, h, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

async function listDrafts(server: ConcordServer, token: string): Promise<ListedDraft[]> {
  const response = await fetch(`${server.url}/api/drafts`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return ((await response.json()) as { drafts: ListedDraft[] }).drafts;
}

const threeParagraphs = () =>
  doc(h(1, "A. Introduction"), p("States should promote an open ICT environment."), p("The Group met in New York."), p("The Group adopted its report."));

describe("the drafts list", () => {
  it("reports agreed of total paragraphs, open proposals, objected paragraphs and the member's role once they are written", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Pre-draft report", doc: threeParagraphs() });
    const cuba = await invite(server, draft.id, Role.delegation, "CUB");
    const salvador = await invite(server, draft.id, Role.delegation, "SLV");
    const chairInvitation = await invite(server, draft.id, Role.chair);
    const observer = await invite(server, draft.id, Role.observer);

    // A new draft is listed with its figures before anyone opens it.
    expect(await listDrafts(server, cuba.token)).toEqual([
      expect.objectContaining({ id: draft.id, title: "Pre-draft report", symbol: null, role: Role.delegation, state: "CUB", progress: { agreed: 0, total: 3, openProposals: 0, objected: 0 } }),
    ]);

    const chair = await connectStockClient(server, draft.id, { token: chairInvitation.token });
    const cubaText = await connectStockClient(server, draft.id, { token: cuba.token });
    const salvadorFloor = await connectStockClient(server, draft.id, { token: salvador.token, room: Room.floor });
    const [, first, second, third] = textBlocks(chair.doc.getXmlFragment(TextRoot.content)).map((block) => block.pid!);

    propose(cubaText.doc, "CUB", { kind: ProposalKind.replace, pid: first!, from: 24, to: 28, text: "free" });
    setStance(salvadorFloor.doc, "SLV", second!, StanceKind.object, "The Group also met in Geneva.");
    declareAgreed(chair.doc, null, third!);
    chair.doc.transact(() => {
      chair.doc.getMap(TextRoot.meta).set(MetaKey.symbol, "A/AC.292/2025/CRP.1");
      chair.doc.getMap(TextRoot.meta).set(MetaKey.title, "Zero draft report");
    });

    const expected = { agreed: 1, total: 3, openProposals: 1, objected: 1 };
    const [listed] = await waitFor(() => listDrafts(server, cuba.token), (drafts) => JSON.stringify(drafts[0]?.progress) === JSON.stringify(expected), {
      what: "the list to follow the proposal, the objection and the agreement",
    });
    expect(listed).toMatchObject({ id: draft.id, title: "Zero draft report", symbol: "A/AC.292/2025/CRP.1", role: Role.delegation, state: "CUB", progress: expected });
    expect(listed!.progress).toEqual(expected);

    // Every member sees the same figures, with their own part in the draft.
    expect((await listDrafts(server, chairInvitation.token))[0]).toMatchObject({ role: Role.chair, state: null, progress: expected });
    expect((await listDrafts(server, observer.token))[0]).toMatchObject({ role: Role.observer, state: null, progress: expected });
  });

  it("reads the figures without loading any room", async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const draft = await first.drafts.create({ title: "Quiet", doc: threeParagraphs() });
    const { token } = await invite(first, draft.id, Role.chair);
    const chair = await connectStockClient(first, draft.id, { token });
    declareAgreed(chair.doc, null, textBlocks(chair.doc.getXmlFragment(TextRoot.content))[1]!.pid!);
    await waitFor(() => listDrafts(first, token), (drafts) => drafts[0]?.progress?.agreed === 1, { what: "the agreement in the list" });
    chair.destroy();
    await first.close();

    const second = await startTestServer({ dataDir });
    const [listed] = await listDrafts(second, token);
    expect(listed!.progress).toEqual({ agreed: 1, total: 3, openProposals: 0, objected: 0 });
    await second.status.settled();
    expect(await second.rooms.loaded(draft.id, Room.text)).toBeNull();
    expect(await second.rooms.loaded(draft.id, Room.floor)).toBeNull();
  });

  it("summarizes, when the server starts, a draft stored before summaries were kept", async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const draft = await first.drafts.create({ title: "Older", doc: threeParagraphs() });
    const { token } = await invite(first, draft.id, Role.observer);
    await first.close();
    // As a data folder from before migration 4 would hold it.
    const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
    db.prepare("UPDATE drafts SET symbol = NULL, progress = NULL WHERE id = ?").run(draft.id);
    db.close();

    const second = await startTestServer({ dataDir });
    await second.status.settled();
    const [listed] = await listDrafts(second, token);
    expect(listed).toMatchObject({ title: "Older", role: Role.observer, progress: { agreed: 0, total: 3, openProposals: 0, objected: 0 } });
  });

  it("lets the chair alone open and close stances and comments to observers, closing an observer's floor at once", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Policy" });
    const chair = await invite(server, draft.id, Role.chair);
    const cuba = await invite(server, draft.id, Role.delegation, "CUB");
    const observer = await invite(server, draft.id, Role.observer);
    const patch = (token: string, body: unknown) =>
      fetch(`${server.url}/api/drafts/${draft.id}`, { method: "PATCH", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

    expect((await patch(cuba.token, { observersReadFloor: true })).status).toBe(403);
    expect((await patch(chair.token, { observersReadFloor: "yes" })).status).toBe(400);
    expect((await patch(chair.token, { observersReadFloor: true, title: "Other" })).status).toBe(400);
    const opened = await patch(chair.token, { observersReadFloor: true });
    expect(opened.status).toBe(200);
    expect((await listDrafts(server, observer.token))[0]!.observersReadFloor).toBe(true);

    const watching = await connectStockClient(server, draft.id, { token: observer.token, room: Room.floor });
    const closed = new Promise<number>((resolve) => watching.provider.on("connection-close", (event: CloseEvent | null) => event && resolve(event.code)));
    expect((await patch(chair.token, { observersReadFloor: false })).status).toBe(200);
    expect(await closed).toBe(CloseCode.roomForbidden.code);
    expect((await listDrafts(server, chair.token))[0]!.observersReadFloor).toBe(false);
    const snapshot = await fetch(`${server.url}/api/drafts/${draft.id}/rooms/${Room.floor}/snapshot`, { headers: { authorization: `Bearer ${observer.token}` } });
    expect(snapshot.status).toBe(403);
  });
});
