/**
 * Written contributions over HTTP on a real server: a delegation's file (text, Markdown, Word) is
 * read by the drafts' importer into the text its form submits, and only a delegation may send one;
 * the chair's compilation puts the contributions under the sections they address, a courtesy
 * translation beside its original, and is refused to observers until the chair makes them public.
 */
import fs from "node:fs";
import path from "node:path";
import { submitContribution, withdrawContribution } from "../../../shared/contributions/contributionWrites";
import { compilationPath, contributionFilePath } from "../../../shared/contributions/contributionPaths";
import { draftPath } from "../../../shared/appPaths";
import { CloseCode } from "../../../shared/closeCodes";
import { Room, TextRoot } from "../../../shared/documentLayout";
import { FILE_NAME_HEADER } from "../../../shared/importPreview";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import type { ConcordServer } from "../../../server/ConcordServer";
import { doc, h, p } from "../../support/dsl";
import { invite } from "../../support/members";
import { readZipEntry } from "../../support/readZip";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";
import { waitFor } from "../../support/waitFor";

const SEEDS = path.resolve(__dirname, "../../../../shared/seeds");
const CUBA = fs.readFileSync(path.join(SEEDS, "000_9d21bf7d8a8fdf4e.txt"));
const SALVADOR_EN = fs.readFileSync(path.join(SEEDS, "004_39c7afa75eb7f069.txt"), "utf8");
const SALVADOR_ES = fs.readFileSync(path.resolve(__dirname, "../../fixtures/contributions/slv-original-es.md"), "utf8");
const SALVADOR_DOCX = fs.readFileSync(path.resolve(__dirname, "../../fixtures/import/seed-004.docx"));

const auth = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

function sendFile(server: ConcordServer, draftId: string, token: string, bytes: Buffer, name: string): Promise<Response> {
  return fetch(`${server.url}${contributionFilePath(draftId)}`, {
    method: "POST",
    headers: { ...auth(token), "content-type": "application/octet-stream", [FILE_NAME_HEADER]: encodeURIComponent(name) },
    body: new Uint8Array(bytes),
  });
}

async function preDraft(server: ConcordServer) {
  return server.drafts.create({
    title: "Pre-draft 2",
    doc: doc(h(2, "Introduction"), p("The Group met four times."), h(2, "Regular institutional dialogue"), p("States agree to continue the dialogue."), p("A programme of action is considered.")),
  });
}

describe("the contribution routes", () => {
  it("read a delegation's text, Markdown or Word file through the drafts' importer, and no one else's", async () => {
    const server = await startTestServer();
    const draft = await preDraft(server);
    const [cub, slv, chair, observer] = await Promise.all([
      invite(server, draft.id, Role.delegation, "CUB"),
      invite(server, draft.id, Role.delegation, "SLV"),
      invite(server, draft.id, Role.chair),
      invite(server, draft.id, Role.observer),
    ]);

    const text = await sendFile(server, draft.id, cub.token, CUBA, "cuba.txt");
    expect(text.status).toBe(200);
    const read = (await text.json()) as { title: string | null; text: string; fileName: string };
    expect(read.fileName).toBe("cuba.txt");
    expect(read.text).toMatch(/once again, thank the Chairman/);
    expect(read.text.split("\n\n").length).toBeGreaterThan(3);

    const word = (await (await sendFile(server, draft.id, slv.token, SALVADOR_DOCX, "el-salvador.docx")).json()) as { title: string | null; text: string };
    expect(word.title).toMatch(/National Opinion of El Salvador/);
    // Numbers, letters and footnotes as the document printed them.
    expect(word.text).toMatch(/^\(a\) It is observed with increased interest .* Charter\[1\]\.$/m);
    expect(word.text).toMatch(/^\[1\] Para 19 General Assembly Resolution A\/68\/98$/m);
    const markdown = (await (await sendFile(server, draft.id, slv.token, Buffer.from(SALVADOR_ES), "opinion.md")).json()) as { title: string | null; text: string };
    expect(markdown.title).toBe("Opinión nacional de El Salvador");
    // The drafts' importer numbers every body paragraph, as it would in a draft.
    expect(markdown.text).toMatch(/^2\. Se observa con creciente interés/m);

    for (const token of [chair.token, observer.token]) expect((await sendFile(server, draft.id, token, CUBA, "cuba.txt")).status).toBe(403);
    const binary = await sendFile(server, draft.id, cub.token, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(100).fill(0)]), "cuba.txt");
    expect(binary.status).toBe(415);
    expect(((await binary.json()) as { message: string }).message).toMatch(/program/);
  });

  it("compile the contributions by section, a translation beside its original, for whoever may read them", async () => {
    const server = await startTestServer();
    const draft = await preDraft(server);
    const [cub, slv, chair, observer] = await Promise.all([
      invite(server, draft.id, Role.delegation, "CUB"),
      invite(server, draft.id, Role.delegation, "SLV"),
      invite(server, draft.id, Role.chair),
      invite(server, draft.id, Role.observer),
    ]);
    const text = await connectStockClient(server, draft.id, { token: chair.token });
    const dialogue = textBlocks(text.doc.getXmlFragment(TextRoot.content)).find((block) => block.text === "Regular institutional dialogue")!.pid!;

    const cubRoom = await connectStockClient(server, draft.id, { room: Room.contributions, token: cub.token });
    submitContribution(cubRoom.doc, "CUB", { pid: dialogue }, { original: { language: "en", text: CUBA.toString("utf8") }, title: "Cuba's considerations" });
    const gone = submitContribution(cubRoom.doc, "CUB", {}, { original: { language: "en", text: "Withdrawn words." } });
    withdrawContribution(cubRoom.doc, "CUB", gone);
    const slvRoom = await connectStockClient(server, draft.id, { room: Room.contributions, token: slv.token });
    submitContribution(slvRoom.doc, "SLV", {}, { original: { language: "es", text: SALVADOR_ES.replace(/^# /, "") }, translation: { language: "en", text: SALVADOR_EN } });

    const compile = (token: string) => fetch(`${server.url}${compilationPath(draft.id, "html")}`, { headers: auth(token) });
    const html = await waitFor(
      async () => (await compile(chair.token)).text(),
      (body) => body.includes("SLV") && body.includes("Cuba"),
      { what: "both contributions in the compilation" },
    );
    const whole = html.indexOf("On the draft as a whole");
    const section = html.indexOf(">Regular institutional dialogue<");
    expect(whole).toBeGreaterThan(-1);
    expect(section).toBeGreaterThan(whole);
    expect(html.indexOf("CUB")).toBeGreaterThan(section);
    expect(html).toMatch(/<th>Original \(es\)<\/th><th>Courtesy translation \(en\)<\/th>/);
    expect(html).toContain('<td lang="es" dir="ltr"><p>Opinión nacional de El Salvador</p>');
    expect(html).not.toContain("Withdrawn words.");

    const word = await fetch(`${server.url}${compilationPath(draft.id, "docx")}`, { headers: auth(chair.token) });
    expect(word.headers.get("content-type")).toMatch(/wordprocessingml/);
    const documentXml = readZipEntry(Buffer.from(await word.arrayBuffer()), "word/document.xml");
    expect(documentXml.indexOf("Regular institutional dialogue")).toBeGreaterThan(documentXml.indexOf("On the draft as a whole"));
    expect(documentXml).toContain("Courtesy translation (en)");
    expect(documentXml).toContain("Opinión nacional de El Salvador");
    expect(documentXml).not.toContain("Withdrawn words.");

    expect((await compile(observer.token)).status).toBe(403);
    await server.drafts.setObserversReadContributions(draft.id, true);
    expect((await compile(observer.token)).status).toBe(200);
    expect((await fetch(`${server.url}${compilationPath(draft.id, "html")}x`, { headers: auth(chair.token) })).status).toBe(400);
  });

  it("let the chair open the contributions to observers and close them again, which closes an observer's socket at once", async () => {
    const server = await startTestServer();
    const draft = await preDraft(server);
    const [chair, observer, cub] = await Promise.all([invite(server, draft.id, Role.chair), invite(server, draft.id, Role.observer), invite(server, draft.id, Role.delegation, "CUB")]);
    const patch = (token: string, body: unknown) =>
      fetch(`${server.url}${draftPath(draft.id)}`, { method: "PATCH", headers: { ...auth(token), "content-type": "application/json", origin: server.url }, body: JSON.stringify(body) });

    expect((await patch(cub.token, { observersReadContributions: true })).status).toBe(403);
    const opened = await patch(chair.token, { observersReadContributions: true });
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { draft: { observersReadContributions: boolean; observersReadFloor: boolean } }).draft).toMatchObject({ observersReadContributions: true, observersReadFloor: false });

    const reading = await connectStockClient(server, draft.id, { room: Room.contributions, token: observer.token });
    const closed = new Promise<number>((resolve) => reading.provider.on("connection-close", (event: CloseEvent | null) => resolve(event?.code ?? 0)));
    expect((await patch(chair.token, { observersReadContributions: false })).status).toBe(200);
    expect(await closed).toBe(CloseCode.roomForbidden.code);
    expect((await patch(chair.token, {})).status).toBe(400);
  });
});
