/**
 * The secretariat's desk over real HTTP: only organizers preview imports and create drafts; a
 * refused body names its field; a binary file is refused with the reason; a draft made from a file
 * holds what its preview showed, and the organizer becomes its chair unless another is named.
 */
import { MetaKey, TextRoot } from "../../../shared/documentLayout";
import type { DraftsListing } from "../../../shared/draftListing";
import { FILE_NAME_HEADER, MAX_UPLOAD_BYTES, type ImportPreview } from "../../../shared/importPreview";
import { Role } from "../../../shared/roles";
import { textBlocks } from "../../../shared/text/blockText";
import type { ConcordServer } from "../../../server/ConcordServer";
import { invite, organizer } from "../../support/members";
import { connectStockClient } from "../../support/stockClient";
import { startTestServer } from "../../support/testServer";

const REPORT = `# Zero draft of the annual progress report

## A. Introduction

1. The Group met in New York.[^1]

2. States recalled the framework:

(a) norms of responsible State behaviour;

(b) confidence-building measures.

[^1]: See A/78/265.
`;

/** A few bytes of an ELF program, as a renamed binary would arrive. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200, 0), Buffer.from("GLIBC_2.34")]);

function auth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

function createDraft(server: ConcordServer, token: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/drafts`, { method: "POST", headers: { ...auth(token), "content-type": "application/json" }, body: JSON.stringify(body) });
}

function preview(server: ConcordServer, token: string, bytes: Buffer | string, name: string): Promise<Response> {
  return fetch(`${server.url}/api/imports/preview`, {
    method: "POST",
    headers: { ...auth(token), "content-type": "application/octet-stream", [FILE_NAME_HEADER]: encodeURIComponent(name) },
    body: typeof bytes === "string" ? bytes : new Uint8Array(bytes),
  });
}

function createFromFile(server: ConcordServer, token: string, fields: unknown, file: string, name: string): Promise<Response> {
  const form = new FormData();
  form.append("draft", JSON.stringify(fields));
  form.append("file", new Blob([file], { type: "text/markdown" }), name);
  return fetch(`${server.url}/api/drafts`, { method: "POST", headers: auth(token), body: form });
}

async function listing(server: ConcordServer, token: string): Promise<DraftsListing> {
  return (await (await fetch(`${server.url}/api/drafts`, { headers: auth(token) })).json()) as DraftsListing;
}

describe("creating drafts from the secretariat's desk", () => {
  it("lets only organizers create drafts: a chair, a delegation and an observer get 403, a stranger 401", async () => {
    const server = await startTestServer();
    const existing = await server.drafts.create({ title: "Existing" });
    const body = { title: "Zero draft", language: "en" };
    for (const [role, state] of [[Role.chair], [Role.delegation, "CUB"], [Role.observer]] as const) {
      const { token } = await invite(server, existing.id, role, state);
      const refused = await createDraft(server, token, body);
      expect({ role, status: refused.status }).toEqual({ role, status: 403 });
      expect((await refused.json()).message).toMatch(/secretariat/);
      expect((await preview(server, token, REPORT, "report.md")).status).toBe(403);
    }
    expect((await fetch(`${server.url}/api/drafts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).status).toBe(401);
    expect((await server.drafts.list()).map((draft) => draft.title)).toEqual(["Existing"]);

    const { token } = await organizer(server);
    const created = await createDraft(server, token, { ...body, symbol: "A/AC.292/2026/CRP.1", language: "fr", revision: "Zero draft", silenceNoticeHours: 48 });
    expect(created.status).toBe(201);
    const answer = await created.json();
    expect(answer.chair).toEqual({ name: "Secretariat", signInPath: null });
    const mine = await listing(server, token);
    expect(mine.organizer).toBe(true);
    expect(mine.drafts.map((draft) => [draft.title, draft.role])).toEqual([
      ["Zero draft", Role.chair],
      ["Existing", null],
    ]);
    const reader = await connectStockClient(server, answer.draft.id, { token });
    expect(reader.doc.getMap(TextRoot.meta).toJSON()).toMatchObject({
      [MetaKey.title]: "Zero draft",
      [MetaKey.symbol]: "A/AC.292/2026/CRP.1",
      [MetaKey.language]: "fr",
      [MetaKey.revision]: "Zero draft",
      [MetaKey.silenceNoticeHours]: 48,
    });
  });

  it("refuses a bad body with a 400 that names the field", async () => {
    const server = await startTestServer();
    const { token } = await organizer(server);
    const cases: Array<[unknown, RegExp]> = [
      [{ language: "en" }, /title: required/],
      [{ title: "", language: "en" }, /title: must NOT have fewer than 1 characters/],
      [{ title: "   ", language: "en" }, /title: must have a character other than a space/],
      [{ title: "x".repeat(301), language: "en" }, /title: must NOT have more than 300 characters/],
      [{ title: "Zero draft", language: "de" }, /language: must be one of ar, zh, en, fr, ru, es/],
      [{ title: "Zero draft", language: "en", silenceNoticeHours: -1 }, /silenceNoticeHours: must be >= 0/],
      [{ title: "Zero draft", language: "en", silenceNoticeHours: 721 }, /silenceNoticeHours: must be <= 720/],
      [{ title: "Zero draft", language: "en", silenceNoticeHours: "72" }, /silenceNoticeHours: must be integer/],
      [{ title: "Zero draft", language: "en", symbol: 7 }, /symbol: must be string/],
      [{ title: "Zero draft", language: "en", chairName: " " }, /chairName: must have a character other than a space/],
      [{ title: "Zero draft", language: "en", owner: "me" }, /owner: unknown field/],
      [[1, 2], /body: must be object/],
    ];
    for (const [body, reason] of cases) {
      const response = await createDraft(server, token, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect({ body, message: (await response.json()).message }).toEqual({ body, message: expect.stringMatching(reason) });
    }
    const broken = await fetch(`${server.url}/api/drafts`, { method: "POST", headers: { ...auth(token), "content-type": "application/json" }, body: '{"title": "x", ' });
    expect(broken.status).toBe(400);
    expect(await server.drafts.list()).toEqual([]);
  });

  it("previews what the import makes of a file: title, headings, numbered paragraphs, sub-items and footnotes", async () => {
    const server = await startTestServer();
    const { token } = await organizer(server);
    const response = await preview(server, token, REPORT, "zero draft.md");
    expect(response.status).toBe(200);
    const { preview: shown } = (await response.json()) as { preview: ImportPreview };
    expect(shown.fileName).toBe("zero draft.md");
    expect(shown.title).toBe("Zero draft of the annual progress report");
    expect(shown.blocks.map((block) => [block.type, block.label, block.words, block.footnotes])).toEqual([
      ["heading", null, "A. Introduction", []],
      ["paragraph", "1", "The Group met in New York.", [1]],
      ["paragraph", "2", "States recalled the framework:", []],
      ["subitem", "(a)", "norms of responsible State behaviour;", []],
      ["subitem", "(b)", "confidence-building measures.", []],
    ]);
    expect(shown.footnotes).toEqual([{ number: 1, words: "See A/78/265." }]);
    expect(shown.counts).toEqual({ heading: 1, paragraph: 2, subitem: 2, footnote: 1 });
  });

  it("refuses a binary file with the reason, and a file announced as too large with its real size, each by its refusal's id and values", async () => {
    const server = await startTestServer();
    const { token } = await organizer(server);
    const binary = await preview(server, token, ELF, "report.txt");
    expect(binary.status).toBe(415);
    expect(await binary.json()).toEqual({ error: "not-a-text-file", reason: "not-a-text-file", values: {}, message: expect.stringMatching(/not a text, Markdown or Word file/) });
    const unnamed = await fetch(`${server.url}/api/imports/preview`, { method: "POST", headers: { ...auth(token), "content-type": "application/octet-stream" }, body: REPORT });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toEqual({ error: "bad-request", reason: "file-unnamed", values: { header: "x-file-name" }, message: expect.stringMatching(/x-file-name/) });
    const json = await fetch(`${server.url}/api/imports/preview`, { method: "POST", headers: { ...auth(token), "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    expect(await json.json()).toEqual(expect.objectContaining({ error: "unsupported-type", reason: "wrong-content-type", values: { type: "application/octet-stream" } }));
    const large = await preview(server, token, Buffer.alloc(MAX_UPLOAD_BYTES + 1024 * 1024, 0x61), "large.txt");
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ error: "too-large", reason: "file-too-large", values: { megabytes: 11, limitMegabytes: 10 }, message: "The file is 11 MB; the largest accepted is 10 MB." });
  });

  it("creates a draft from a file sent with its fields as a multipart form, holding what the preview showed", async () => {
    const server = await startTestServer();
    const { token } = await organizer(server);
    const created = await createFromFile(server, token, { title: "Zero draft", language: "en", silenceNoticeHours: 72 }, REPORT, "report.md");
    expect(created.status).toBe(201);
    const { draft } = await created.json();
    const reader = await connectStockClient(server, draft.id, { token });
    expect(textBlocks(reader.doc.getXmlFragment(TextRoot.content)).map((block) => block.type)).toEqual(["heading", "paragraph", "paragraph", "subitem", "subitem"]);
    expect(reader.doc.getMap(TextRoot.meta).get(MetaKey.silenceNoticeHours)).toBe(72);

    const refusedFile = await fetch(`${server.url}/api/drafts`, {
      method: "POST",
      headers: auth(token),
      body: (() => {
        const form = new FormData();
        form.append("draft", JSON.stringify({ title: "Binary", language: "en" }));
        form.append("file", new Blob([new Uint8Array(ELF)]), "report.docx");
        return form;
      })(),
    });
    expect(refusedFile.status).toBe(415);
    const noFields = new FormData();
    noFields.append("file", new Blob([REPORT]), "report.md");
    const missing = await fetch(`${server.url}/api/drafts`, { method: "POST", headers: auth(token), body: noFields });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "bad-request", reason: "form-part-missing", values: { part: "draft" }, message: expect.stringMatching(/"draft" part/) });
    const badFields = await createFromFile(server, token, { title: "", language: "en" }, REPORT, "report.md");
    expect(await badFields.json()).toEqual(expect.objectContaining({ error: "bad-request", values: expect.objectContaining({ field: "title" }), message: expect.stringMatching(/body\.title/) }));
    expect((await server.drafts.list()).map((listed) => listed.title)).toEqual(["Zero draft"]);
  });

  it("reads no malformed multipart body: no boundary, cut short, two parts of one name", async () => {
    const server = await startTestServer();
    const { token } = await organizer(server);
    const send = (contentType: string, body: string) => fetch(`${server.url}/api/drafts`, { method: "POST", headers: { ...auth(token), "content-type": contentType }, body });
    const fields = '{"title":"x","language":"en"}';
    const part = (name: string, content: string, file = "") =>
      `--B\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ""}\r\n\r\n${content}\r\n`;
    expect((await send("multipart/form-data", `${part("draft", fields)}--B--`)).status).toBe(400);
    expect((await send("multipart/form-data; boundary=B", `${part("draft", fields)}${part("file", "1. A", "a.txt")}`)).status).toBe(400);
    const twice = await send("multipart/form-data; boundary=B", `${part("draft", fields)}${part("draft", fields)}${part("file", "1. A", "a.txt")}--B--`);
    expect(twice.status).toBe(400);
    expect((await twice.json()).message).toMatch(/two parts named "draft"/);
    const good = await send("multipart/form-data; boundary=B", `${part("draft", fields)}${part("file", "1. A paragraph.", "a.txt")}--B--`);
    expect(good.status).toBe(201);
  });

  it("invites another chair when the form names one, and the organizer still administers the draft's members", async () => {
    const server = await startTestServer();
    const { token } = await organizer(server);
    const created = await createDraft(server, token, { title: "Chaired by another", language: "es", chairName: "Ambassador Rivera" });
    const { draft, chair } = await created.json();
    expect(chair.name).toBe("Ambassador Rivera");
    const signIn = await fetch(`${server.url}${chair.signInPath}`, { method: "POST", redirect: "manual" });
    expect(signIn.headers.get("location")).toBe(`/d/${draft.id}`);
    const members = await (await fetch(`${server.url}/api/drafts/${draft.id}/members`, { headers: auth(token) })).json();
    expect(members.members).toEqual([
      expect.objectContaining({ name: "Ambassador Rivera", role: Role.chair, state: null, signedInAt: expect.stringMatching(/^\d{4}-/), revokedAt: null }),
    ]);
    expect((await listing(server, token)).drafts).toEqual([expect.objectContaining({ id: draft.id, role: null })]);
  });
});
