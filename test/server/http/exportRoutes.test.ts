/**
 * `GET /api/drafts/:id/export` on a real server: every format answers with its media type and a
 * file named after the draft's symbol; observers get the clean text, and the bracketed text and the
 * compilation only where the draft opens the floor to them; reservations go only to readers of the
 * floor; a bad query is a 400 naming the value; a server without Chromium says so (503). The PDF of
 * the demo draft holds every paragraph number and none of the app (issue 12, acceptance 3).
 */
import * as Y from "yjs";
import { ProposalKind, StanceKind } from "../../../schemas/records";
import { createDemoDraft } from "../../../server/demo/createDemoDraft";
import { PdfPrinter } from "../../../server/export/pdf/PdfPrinter";
import { exportPath } from "../../../shared/appPaths";
import { FloorRoot, MetaKey, Room, TextRoot } from "../../../shared/documentLayout";
import { EXPORT_FILES, EXPORT_FORMATS, ExportFormat } from "../../../shared/export/exportFormat";
import { ExportView } from "../../../shared/export/exportModel";
import { labelSequence } from "../../../shared/numbering";
import { revisionBaseline } from "../../../shared/revisions/revisionBaseline";
import { propose } from "../../../shared/proposals/proposeChange";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import { doc, fn, h, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { pdfText } from "../../support/pdfText";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";
import type { ConcordServer } from "../../../server/ConcordServer";

const SYMBOL = "A/AC.292/2025/CRP.1";

/** How each format's file begins. */
const FILE_STARTS: Record<ExportFormat, RegExp> = {
  [ExportFormat.markdown]: /^# Pre-draft/,
  [ExportFormat.text]: /^Pre-draft/,
  [ExportFormat.html]: /^<!doctype html>/i,
  [ExportFormat.json]: /^\{/,
  [ExportFormat.akn]: /^<\?xml/,
  [ExportFormat.docx]: /^PK\x03\x04/,
  [ExportFormat.pdf]: /^%PDF-/,
};

/** A draft with a symbol, CUB's open proposal and SLV's reservation on paragraph 1. */
async function draftWithRecords(server: ConcordServer) {
  const draft = await server.drafts.create({
    title: "Pre-draft report of the OEWG",
    doc: doc(h(1, "A. Introduction"), p("States should promote an open and peaceful ICT environment.", fn("A/RES/73/27.")), p("The Group recalled its mandate.")),
  });
  const chair = await connectStockClient(server, draft.id);
  chair.doc.getMap(TextRoot.meta).set(MetaKey.symbol, SYMBOL);
  const cuba = await connectStockClient(server, draft.id, { token: (await invite(server, draft.id, Role.delegation, "CUB")).token });
  const pid = textBlocks(cuba.doc.getXmlFragment(TextRoot.content))[1]!.pid!;
  propose(cuba.doc, "CUB", { kind: ProposalKind.replace, pid, from: 21, to: 25, text: "a free" });
  const salvador = await connectStockClient(server, draft.id, { room: Room.floor, token: (await invite(server, draft.id, Role.delegation, "SLV")).token });
  salvador.doc.getMap(FloorRoot.stances).set(`SLV:${pid}`, { stance: StanceKind.reserve, reason: "Pending instructions from the capital.", at: new Date().toISOString() });
  await waitFor(async () => (await serverCopy(server, draft.id, Room.text)).getMap(TextRoot.proposals).size, (size) => size === 1, { what: "the proposal on the server" });
  await waitFor(async () => (await serverCopy(server, draft.id, Room.floor)).getMap(FloorRoot.stances).size, (size) => size === 1, { what: "the reservation on the server" });
  await waitFor(async () => (await serverCopy(server, draft.id, Room.text)).getMap(TextRoot.meta).get(MetaKey.symbol), (symbol) => symbol === SYMBOL, { what: "the symbol on the server" });
  return draft;
}

/** A copy of a room as the server holds it. */
async function serverCopy(server: ConcordServer, draftId: string, name: Room): Promise<Y.Doc> {
  const room = (await server.rooms.open(draftId, name))!;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, room.encodedState());
  server.rooms.released(room);
  return copy;
}

async function exportAs(server: ConcordServer, draftId: string, token: string, format: string, view: string): Promise<Response> {
  return fetch(`${server.url}${exportPath(draftId, format, view)}`, { headers: { authorization: `Bearer ${token}` } });
}

describe("the export route", () => {
  jest.setTimeout(240_000);

  it("answers every format with its media type and a file named after the draft's symbol", async () => {
    const server = await startTestServer();
    const draft = await draftWithRecords(server);
    const token = (await invite(server, draft.id, Role.chair)).token;
    for (const format of EXPORT_FORMATS) {
      const response = await exportAs(server, draft.id, token, format, ExportView.bracketed);
      expect({ format, status: response.status }).toEqual({ format, status: 200 });
      expect(response.headers.get("content-type")).toBe(EXPORT_FILES[format].contentType);
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="A_AC.292_2025_CRP.1-bracketed.${EXPORT_FILES[format].extension}"; filename*=UTF-8''A_AC.292_2025_CRP.1-bracketed.${EXPORT_FILES[format].extension}`,
      );
      const start = Buffer.from(await response.arrayBuffer()).subarray(0, 16).toString("latin1");
      expect({ format, start }).toEqual({ format, start: expect.stringMatching(FILE_STARTS[format]) });
    }
  });

  it("gives an observer the clean text, and the bracketed text and the compilation only where the draft opens the floor to observers", async () => {
    const server = await startTestServer();
    const draft = await draftWithRecords(server);
    const token = (await invite(server, draft.id, Role.observer)).token;
    const clean = await exportAs(server, draft.id, token, ExportFormat.text, ExportView.clean);
    expect(clean.status).toBe(200);
    expect(await clean.text()).toContain("States should promote an open and peaceful ICT environment.");
    for (const view of [ExportView.bracketed, ExportView.compilation]) {
      const refused = await exportAs(server, draft.id, token, ExportFormat.markdown, view);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: "forbidden", reason: "observer-export-view", values: {}, message: `Observers may export only the clean text of this draft, not the ${view} view.` });
    }
    await server.drafts.setObserversReadFloor(draft.id, true);
    const bracketed = await exportAs(server, draft.id, token, ExportFormat.text, ExportView.bracketed);
    expect(bracketed.status).toBe(200);
    expect(await bracketed.text()).toContain("CUB");
  });

  it("gives reservations only to readers of the floor", async () => {
    const server = await startTestServer({ pdfPrinter: new PdfPrinter({ chromiumPath: "/nonexistent/chromium" }) });
    const draft = await draftWithRecords(server);
    const delegation = (await invite(server, draft.id, Role.delegation, "UZB")).token;
    const observer = (await invite(server, draft.id, Role.observer)).token;
    const reason = "Pending instructions from the capital.";
    expect(await (await exportAs(server, draft.id, delegation, ExportFormat.html, ExportView.bracketed)).text()).toContain(reason);
    expect(await (await exportAs(server, draft.id, observer, ExportFormat.html, ExportView.clean)).text()).not.toContain(reason);
    await server.drafts.setObserversReadFloor(draft.id, true);
    expect(await (await exportAs(server, draft.id, observer, ExportFormat.html, ExportView.bracketed)).text()).toContain(reason);
  });

  it("writes the interchange with its proposals only outside the clean view, and refuses Akoma Ntoso for the compilation", async () => {
    const server = await startTestServer();
    const draft = await draftWithRecords(server);
    const token = (await invite(server, draft.id, Role.chair)).token;
    const proposalsIn = async (view: ExportView) => ((await (await exportAs(server, draft.id, token, ExportFormat.json, view)).json()) as { proposals: Array<{ key: string }> }).proposals;
    expect(await proposalsIn(ExportView.clean)).toEqual([]);
    expect((await proposalsIn(ExportView.bracketed)).map((proposal) => proposal.key)).toEqual([expect.stringMatching(/^CUB:/)]);
    expect((await proposalsIn(ExportView.compilation)).map((proposal) => proposal.key)).toEqual([expect.stringMatching(/^CUB:/)]);
    const refused = await exportAs(server, draft.id, token, ExportFormat.akn, ExportView.compilation);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "bad-request", reason: "export-view-refused", values: {}, message: "Akoma Ntoso is written for the clean or bracketed text, not the compilation of proposals." });
  });

  it("refuses a bad format or view with a 400 naming the value, and a stranger with a 401", async () => {
    const server = await startTestServer();
    const draft = await draftWithRecords(server);
    const token = (await invite(server, draft.id, Role.chair)).token;
    const cases: Array<[query: string, message: RegExp]> = [
      ["format=rtf&view=clean", /^query\.format: must be one of md, txt, html, json, akn, docx, pdf, not "rtf"$/],
      ["format=pdf&view=annotated", /^query\.view: must be one of bracketed, clean, compilation, not "annotated"$/],
      ["format=pdf&format=docx", /^query\.format: must be one of md, txt, html, json, akn, docx, pdf$/],
      ["format=pdf&colour=red", /^query\.colour: unknown field$/],
    ];
    for (const [query, message] of cases) {
      const response = await fetch(`${server.url}/api/drafts/${draft.id}/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect((await response.json()).message).toMatch(message);
    }
    expect((await fetch(`${server.url}${exportPath(draft.id, ExportFormat.pdf, ExportView.clean)}`)).status).toBe(401);
    expect((await exportAs(server, "0123456789abcdef0123", token, ExportFormat.pdf, ExportView.clean)).status).toBe(404);
  });

  it("says that PDF needs Chromium when the server has none (503), and still exports the other formats", async () => {
    const server = await startTestServer({ pdfPrinter: new PdfPrinter({ chromiumPath: "/nonexistent/chromium" }) });
    const draft = await createDemoDraft(server.drafts);
    const token = (await invite(server, draft.id, Role.chair)).token;
    const response = await exportAs(server, draft.id, token, ExportFormat.pdf, ExportView.clean);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "unavailable", reason: "pdf-missing", values: {}, message: expect.stringMatching(/PDF export needs Chromium, which this server does not have at \/nonexistent\/chromium/) });
    expect((await exportAs(server, draft.id, token, ExportFormat.html, ExportView.clean)).status).toBe(200);
  });

  it("prints the demo draft to a PDF that holds every paragraph number and none of the app", async () => {
    const server = await startTestServer();
    const draft = await createDemoDraft(server.drafts);
    const token = (await invite(server, draft.id, Role.observer)).token;
    const response = await exportAs(server, draft.id, token, ExportFormat.pdf, ExportView.clean);
    expect(response.status).toBe(200);
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    const copy = await serverCopy(server, draft.id, Room.text);
    const numbers = labelSequence(textBlocks(copy.getXmlFragment(TextRoot.content)), revisionBaseline(copy)).filter((label): label is string => label !== null && /^\d+$/.test(label));
    expect(numbers.length).toBeGreaterThan(20);
    // Each paragraph's number opens a line of the printed page ("12." or "12").
    const printed = new Set(text.split("\n").flatMap((line) => /^\s*(\d+)\.?(\s|$)/.exec(line)?.[1] ?? []));
    expect(numbers.filter((number) => !printed.has(number))).toEqual([]);
    for (const chrome of ["Sign out", "Online", "Offline", "Saved", "Download"]) expect({ chrome, found: text.includes(chrome) }).toEqual({ chrome, found: false });
  });
});
