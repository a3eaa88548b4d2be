/**
 * `GET /api/drafts/:id/redline` on a real server (issue 13): the chair publishes Rev.1, accepts
 * CUB's new paragraph after paragraph 3, edits words and deletes the last paragraph, and publishes
 * Rev.2. Any member reads the redline, observers too, as JSON, HTML, Word and PDF; the Word redline
 * read back by LibreOffice has the changes as tracked changes authored "Rev.1 → Rev.2" (acceptance
 * 5), the PDF read by pdftotext has the new numbers and "4 → 5". Unknown revisions are 404s, a bad
 * query a 400.
 */
import * as Y from "yjs";
import { ProposalKind } from "../../../schemas/records";
import type { ConcordServer } from "../../../server/ConcordServer";
import { LIVE_TEXT, redlinePath } from "../../../shared/appPaths";
import { MetaKey, Room, TextRoot } from "../../../shared/documentLayout";
import { acceptProposal } from "../../../shared/proposals/clearProposal";
import { propose } from "../../../shared/proposals/proposeChange";
import { BlockChange, type Redline } from "../../../shared/revisions/redlineModel";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { replaceWords } from "../../../shared/text/editBlock";
import { doc, fn, h, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { pdfText } from "../../support/pdfText";
import { readDocxWithLibreOffice } from "../../support/readWithLibreOffice";
import { publish } from "../../support/revisionRequests";
import { connectStockClient, paragraphTexts } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";
import { wordSpan } from "../../support/yDraft";

const SYMBOL = "A/AC.292/2025/CRP.1";
const CUB_PARAGRAPH = "States stressed the importance of bridging the digital divide.";

/** The server's copy of the draft's text, as a reader would get it. */
async function serverText(server: ConcordServer, draftId: string): Promise<string[]> {
  const room = (await server.rooms.open(draftId, Room.text))!;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, room.encodedState());
  server.rooms.released(room);
  return paragraphTexts(copy.getXmlFragment(TextRoot.content));
}

/** A draft with Rev.1 published, then CUB's paragraph accepted after paragraph 3, words of paragraph 1 changed, paragraph 5 deleted, and Rev.2 published. */
async function twoRevisions() {
  const server = await startTestServer();
  const draft = await server.drafts.create({
    title: "Pre-draft report of the OEWG",
    doc: doc(
      h(1, "A. Introduction"),
      p("States should promote an open and peaceful ICT environment.", fn("A/RES/73/27.")),
      p("The Group recalled its mandate."),
      p("Capacity-building remains essential."),
      p("Several States drew attention to critical infrastructure."),
      p("The Group will meet again in 2026."),
    ),
  });
  const chair = await connectStockClient(server, draft.id);
  chair.doc.getMap(TextRoot.meta).set(MetaKey.symbol, SYMBOL);
  await waitFor(() => serverText(server, draft.id), (texts) => texts.length === 6, { what: "the draft on the server" });
  const chairToken = (await invite(server, draft.id, Role.chair)).token;
  const rev1 = (await publish(server, draft.id, chairToken, { label: "Rev.1" })).id;

  const cuba = await connectStockClient(server, draft.id, { token: (await invite(server, draft.id, Role.delegation, "CUB")).token });
  const blocks = () => textBlocks(chair.doc.getXmlFragment(TextRoot.content));
  const key = propose(cuba.doc, "CUB", { kind: ProposalKind.newParagraph, after: blocks()[3]!.pid!, text: CUB_PARAGRAPH });
  await waitFor(() => chair.doc.getMap(TextRoot.proposals).has(key), Boolean, { what: "CUB's proposal at the chair" });
  acceptProposal(chair.doc, key);
  const first = blocks()[1]!;
  const { from, to } = wordSpan(first.text, "an open and peaceful");
  replaceWords(first.element, from, to, "a free, open");
  chair.doc.getXmlFragment(TextRoot.content).delete(blocks().length - 1, 1);
  await waitFor(() => serverText(server, draft.id), (texts) => texts.length === 6 && texts.includes(CUB_PARAGRAPH) && texts[1]!.includes("a free, open"), { what: "the chair's changes on the server" });
  // The server records the renumbering itself: CUB's 3 bis becomes 4, and 4 becomes 5.
  const rev2 = (await publish(server, draft.id, chairToken, { label: "Rev.2" })).id;
  return { server, draft, chair, rev1, rev2 };
}

async function redline(server: ConcordServer, draftId: string, token: string | null, from: string, to: string, format: string): Promise<Response> {
  return fetch(`${server.url}${redlinePath(draftId, from, to, format)}`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
}

describe("the redline route", () => {
  jest.setTimeout(240_000);

  it("shows an observer Rev.1 → Rev.2: the new paragraph 4 (was 3 bis) added, 4 → 5, words inserted and deleted, the last paragraph deleted", async () => {
    const { server, draft, rev1, rev2 } = await twoRevisions();
    const observer = (await invite(server, draft.id, Role.observer)).token;
    const response = await redline(server, draft.id, observer, rev1, rev2, "json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const answer = (await response.json()) as Redline;
    expect([answer.draftId, answer.title, answer.symbol, answer.language]).toEqual([draft.id, "Pre-draft report of the OEWG", SYMBOL, "en"]);
    expect(answer.from).toEqual({ id: rev1, label: "Rev.1", at: expect.any(String) });
    expect(answer.to).toEqual({ id: rev2, label: "Rev.2", at: expect.any(String) });
    expect(answer.blocks.map((block) => [block.change, block.oldLabel, block.newLabel, block.interimLabel, block.moved])).toEqual([
      [BlockChange.unchanged, null, null, null, false],
      [BlockChange.changed, "1", "1", null, false],
      [BlockChange.unchanged, "2", "2", null, false],
      [BlockChange.unchanged, "3", "3", null, false],
      [BlockChange.added, null, "4", "3 bis", false],
      [BlockChange.unchanged, "4", "5", null, false],
      [BlockChange.deleted, "5", null, null, false],
    ]);
    expect(answer.blocks[1]!.words).toEqual([
      { change: "same", text: "States should promote " },
      { change: "deleted", text: "an" },
      { change: "inserted", text: "a free," },
      { change: "same", text: " open " },
      { change: "deleted", text: "and peaceful " },
      { change: "same", text: "ICT environment." },
    ]);
    expect(answer.blocks[1]!.footnotes).toEqual([{ oldNumber: 1, newNumber: 1, change: BlockChange.unchanged, words: [{ change: "same", text: "A/RES/73/27." }] }]);
    expect(answer.blocks[4]!.words).toEqual([{ change: "inserted", text: CUB_PARAGRAPH }]);
    expect(answer.counts).toEqual({ changed: 1, added: 1, deleted: 1, moved: 0 });
  });

  it("compares a revision with the live text when `to` is live or left out", async () => {
    const { server, draft, chair, rev2 } = await twoRevisions();
    const delegation = (await invite(server, draft.id, Role.delegation, "SLV")).token;
    const second = textBlocks(chair.doc.getXmlFragment(TextRoot.content))[2]!;
    replaceWords(second.element, 0, 3, "This");
    await waitFor(() => serverText(server, draft.id), (texts) => texts[2] === "This Group recalled its mandate.", { what: "the edit on the server" });
    const live = (await (await redline(server, draft.id, delegation, rev2, LIVE_TEXT, "json")).json()) as Redline;
    expect(live.to).toEqual({ id: LIVE_TEXT, label: "Live text", at: null });
    expect(live.counts).toEqual({ changed: 1, added: 0, deleted: 0, moved: 0 });
    expect(live.blocks[2]!.words).toEqual([
      { change: "deleted", text: "The" },
      { change: "inserted", text: "This" },
      { change: "same", text: " Group recalled its mandate." },
    ]);
    const leftOut = await fetch(`${server.url}/api/drafts/${draft.id}/redline?from=${rev2}`, { headers: { authorization: `Bearer ${delegation}` } });
    expect(((await leftOut.json()) as Redline).to.id).toBe(LIVE_TEXT);
  });

  it("refuses a stranger (401), a member of another draft (403), an unknown revision or draft (404) and a bad query (400)", async () => {
    const { server, draft, rev1, rev2 } = await twoRevisions();
    const token = (await invite(server, draft.id, Role.observer)).token;
    expect((await redline(server, draft.id, null, rev1, rev2, "json")).status).toBe(401);
    const other = await server.drafts.create({ title: "Another draft", doc: doc(p("Other words.")) });
    const outsider = (await invite(server, other.id, Role.chair)).token;
    expect((await redline(server, draft.id, outsider, rev1, rev2, "json")).status).toBe(403);
    for (const [from, to] of [
      ["no-such-revision", rev2],
      [rev1, "no-such-revision"],
    ] as const) {
      const missing = await redline(server, draft.id, token, from, to, "json");
      expect({ from, to, status: missing.status }).toEqual({ from, to, status: 404 });
      expect(await missing.json()).toEqual({ error: "not-found", reason: "revision-not-found", values: {}, message: "That revision does not exist." });
    }
    // Another draft's revision is not this draft's.
    expect((await redline(server, other.id, outsider, rev1, LIVE_TEXT, "json")).status).toBe(404);
    expect((await redline(server, "0123456789abcdef0123", token, rev1, rev2, "json")).status).toBe(404);
    const cases: Array<[query: string, message: RegExp]> = [
      [`to=${rev2}`, /^query: must have required property 'from'|^query\.from/],
      [`from=${rev1}&format=rtf`, /^query\.format: must be one of json, html, docx, pdf, not "rtf"$/],
      [`from=${LIVE_TEXT}`, /^query\.from: must be a published revision's id, not "live"$/],
      [`from=${rev1}&colour=red`, /^query\.colour: unknown field$/],
      [`from=`, /^query\.from/],
    ];
    for (const [query, message] of cases) {
      const response = await fetch(`${server.url}/api/drafts/${draft.id}/redline?${query}`, { headers: { authorization: `Bearer ${token}` } });
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect({ query, message: (await response.json()).message }).toEqual({ query, message: expect.stringMatching(message) });
    }
  });

  it("writes the HTML redline with <ins> and <del>, what became of each paragraph in words, and a file named after the symbol and the revisions", async () => {
    const { server, draft, rev1, rev2 } = await twoRevisions();
    const token = (await invite(server, draft.id, Role.observer)).token;
    const response = await redline(server, draft.id, token, rev1, rev2, "html");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="A_AC.292_2025_CRP.1-redline-Rev.1-Rev.2.html"; filename*=UTF-8''A_AC.292_2025_CRP.1-redline-Rev.1-Rev.2.html`,
    );
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en" dir="ltr">/);
    expect(html).toContain("<title>Rev.1 → Rev.2</title>");
    expect(html).toContain("States should promote <del>an</del><ins>a free,</ins> open <del>and peaceful </del>ICT environment.");
    expect(html).toContain(`<span class="num"><bdi dir="ltr">4</bdi>. </span><span class="mark">[Added (was 3 bis)]</span> <ins>${CUB_PARAGRAPH}</ins>`);
    expect(html).toContain(`<span class="num"><bdi dir="ltr">4 → 5</bdi>. </span>Several States`);
    expect(html).toContain(`<span class="mark">[Deleted]</span> <del>The Group will meet again in 2026.</del>`);
  });

  it("writes the Word redline whose insertions and deletions LibreOffice reads as tracked changes authored Rev.1 → Rev.2", async () => {
    const { server, draft, rev1, rev2 } = await twoRevisions();
    const token = (await invite(server, draft.id, Role.delegation, "SLV")).token;
    const response = await redline(server, draft.id, token, rev1, rev2, "docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`filename="A_AC.292_2025_CRP.1-redline-Rev.1-Rev.2.docx"`);
    const [reading] = await readDocxWithLibreOffice([Buffer.from(await response.arrayBuffer())]);
    expect(reading!.fodt).toMatch(/<text:changed-region\b/);
    expect(reading!.fodt).toContain("<dc:creator>Rev.1 → Rev.2</dc:creator>");
    expect(reading!.changes.map((change) => [change.kind, change.creator, change.text])).toEqual([
      ["deletion", "Rev.1 → Rev.2", "an"],
      ["insertion", "Rev.1 → Rev.2", "a free,"],
      ["deletion", "Rev.1 → Rev.2", "and peaceful "],
      ["insertion", "Rev.1 → Rev.2", `4.\t${CUB_PARAGRAPH}\n`],
      ["deletion", "Rev.1 → Rev.2", "4"],
      ["insertion", "Rev.1 → Rev.2", "5"],
      // The last paragraph of a document keeps its mark: there is no paragraph after it to join.
      ["deletion", "Rev.1 → Rev.2", "5.\tThe Group will meet again in 2026."],
    ]);
    // What a tracked change cannot say is a comment by Concord.
    expect(reading!.annotations).toEqual([{ creator: "Concord", text: "Added (was 3 bis)" }]);
  });

  it("prints the PDF redline with the new paragraph's number and 4 → 5", async () => {
    const { server, draft, rev1, rev2 } = await twoRevisions();
    const token = (await invite(server, draft.id, Role.observer)).token;
    const response = await redline(server, draft.id, token, rev1, rev2, "pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("Rev.1 → Rev.2");
    expect(text).toMatch(/^\s*4\.\s+\[Added \(was 3 bis\)\] States stressed/m);
    expect(text).toMatch(/^\s*4 → 5\.\s+Several States/m);
    expect(text).toContain("[Deleted]");
  });
});
