/**
 * The audit keeps what a write said (DESIGN.md section 8): a chair's edit of paragraph 3 with its
 * words before and after, a delegation's objection with its reason, read through the chair's API
 * with filters by state and by paragraph, after the update log is compacted and the server restarted.
 */
import * as Y from "yjs";
import type { AuditEntryView, AuditPage } from "../../../shared/audit/auditEntry";
import { Room, TextRoot } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { setStance } from "../../../shared/consensus/stanceWrites";
import { StanceKind } from "../../../schemas/records";
import { textBlocks } from "../../../shared/text/blockText";
import { doc, p, h } from "../../support/dsl";
import { invite } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer, tempDataDir } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const PARAGRAPH_3 = "States should promote an open, secure and peaceful ICT environment.";

function draftDoc() {
  return doc(h(1, "A. Introduction"), p("The Group met in New York."), p("It held five sessions."), p(PARAGRAPH_3), p("The Chair thanked the delegations."));
}

async function readAudit(url: string, token: string, query = ""): Promise<{ status: number; page: AuditPage | null }> {
  const response = await fetch(`${url}${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, page: response.ok ? ((await response.json()) as AuditPage) : null };
}

/** The words of paragraph `pid` in an entry, if it changed it. */
function wordsOf(entry: AuditEntryView, pid: string) {
  return entry.words?.paragraphs?.find((paragraph) => paragraph.pid === pid);
}

describe("the audit's words", () => {
  it("shows a chair's edit of paragraph 3 before and after and CUB's objection with its reason, to the chair only", async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer({ dataDir });
    const draft = await server.drafts.create({ title: "Audited words", doc: draftDoc() });
    const chair = await invite(server, draft.id, Role.chair);
    const cub = await invite(server, draft.id, Role.delegation, "CUB");
    const slv = await invite(server, draft.id, Role.delegation, "SLV");
    const observer = await invite(server, draft.id, Role.observer);

    const chairText = await connectStockClient(server, draft.id, { token: chair.token });
    const blocks = textBlocks(chairText.doc.getXmlFragment(TextRoot.content));
    const third = blocks[3]!;
    expect(third.text).toBe(PARAGRAPH_3);
    // The chair replaces "open, secure" by "free, open, secure" in two keystroke-sized edits.
    const run = third.element.get(0) as Y.XmlText;
    run.insert(PARAGRAPH_3.indexOf("open"), "free, ");
    run.insert(PARAGRAPH_3.indexOf("open") + "free, ".length, "stable, ");

    const cubFloor = await connectStockClient(server, draft.id, { room: Room.floor, token: cub.token });
    setStance(cubFloor.doc, "CUB", third.pid!, StanceKind.object, "The word “free” prejudges the outcome.");
    const slvFloor = await connectStockClient(server, draft.id, { room: Room.floor, token: slv.token });
    setStance(slvFloor.doc, "SLV", blocks[1]!.pid!, StanceKind.support);

    const base = `${server.url}/api/drafts/${draft.id}/audit`;
    await waitFor(async () => (await readAudit(base, chair.token)).page?.entries.length ?? 0, (count) => count >= 4, { what: "four audit entries" });
    await waitFor(
      async () => (await readAudit(base, chair.token, `?pid=${third.pid}`)).page?.entries.filter((entry) => entry.principal === "server").length ?? 0,
      (count) => count >= 1,
      { what: "the server's publication of paragraph 3's status" },
    );
    const checkAudit = async () => {
      const { page } = await readAudit(base, chair.token);
      const entries = page!.entries;
      expect(entries.map((entry) => entry.seq)).toEqual([...entries.map((entry) => entry.seq)].sort((a, b) => b - a));
      const edits = entries.filter((entry) => entry.principal === "chair" && wordsOf(entry, third.pid!));
      expect(edits).toHaveLength(2);
      // Newest first: the second keystroke, then the first.
      expect(wordsOf(edits[1]!, third.pid!)).toEqual({ pid: third.pid, start: 0, rest: 0, before: PARAGRAPH_3, after: PARAGRAPH_3.replace("open,", "free, open,") });
      expect(wordsOf(edits[0]!, third.pid!)?.after).toBe(PARAGRAPH_3.replace("open,", "free, stable, open,"));
      expect(edits[0]).toMatchObject({ userId: chair.user.id, userName: chair.user.name });
      const objection = entries.find((entry) => entry.principal === "state:CUB")!;
      expect(objection.words?.records).toEqual([{ root: "stances", key: `CUB:${third.pid}`, value: expect.objectContaining({ stance: "object", reason: "The word “free” prejudges the outcome." }) }]);
      expect(objection).toMatchObject({ userId: cub.user.id, userName: cub.user.name, room: Room.floor });

      // One paragraph's history: the edits and the objection, not SLV's support of paragraph 1.
      const history = (await readAudit(base, chair.token, `?pid=${third.pid}`)).page!.entries;
      expect(history.map((entry) => entry.principal).filter((principal) => principal !== "server")).toEqual(["state:CUB", "chair", "chair"]);
      // The server's own writes say what they published: paragraph 3 objected by CUB.
      const published = history.find((entry) => entry.principal === "server")!;
      expect(published.words?.records).toContainEqual({ root: "status", key: third.pid, value: { status: "objected", objectedBy: ["CUB"] } });
      expect(published.touched).toContainEqual({ root: "status", key: third.pid });
      const byState = (await readAudit(base, chair.token, "?state=SLV")).page!.entries;
      expect(byState).toHaveLength(1);
      expect(byState[0]!.words?.records?.[0]).toMatchObject({ key: `SLV:${blocks[1]!.pid}`, value: { stance: "support" } });
    };
    await checkAudit();

    // Filters are checked; delegations and observers are refused.
    expect((await readAudit(base, chair.token, "?state=cuba")).status).toBe(400);
    expect((await readAudit(base, chair.token, "?pid=no%20such")).status).toBe(400);
    expect((await readAudit(base, chair.token, "?state=CUB&state=SLV")).status).toBe(400);
    for (const token of [cub.token, observer.token]) expect((await readAudit(base, token)).status).toBe(403);

    // The words outlive the update log: compacted, then read by a new process.
    chairText.destroy();
    cubFloor.destroy();
    slvFloor.destroy();
    for (const room of [Room.text, Room.floor]) await (await server.rooms.open(draft.id, room))!.compact();
    expect(await server.storage.loadUpdates(draft.id, Room.text)).toHaveLength(1);
    await server.close();
    server = await startTestServer({ dataDir });
    const restartedBase = `${server.url}/api/drafts/${draft.id}/audit`;
    const { page } = await readAudit(restartedBase, chair.token, `?pid=${third.pid}`);
    expect(page!.entries.map((entry) => entry.principal).filter((principal) => principal !== "server")).toEqual(["state:CUB", "chair", "chair"]);
  });
});
