import * as Y from "yjs";
import { prosemirrorToYXmlFragment } from "y-prosemirror";
import { DocumentFormat, importDocument } from "../../../server/import/importDocument";
import { TextRoot } from "../../../shared/documentLayout";
import { ExportView } from "../../../shared/export/exportModel";
import { readExportDraft } from "../../../shared/export/readExportDraft";
import { writeJson } from "../../../shared/export/writeJson";
import { walkthroughDraft } from "../../support/walkthroughDraft";

const OPTIONS = { draftId: "d1", view: ExportView.compilation, exportedAt: "2025-03-04T09:00:00.000Z" };

describe("importDocument with Concord's interchange file", () => {
  const { text } = walkthroughDraft();
  const json = writeJson(readExportDraft(text, null, { ...OPTIONS, view: ExportView.clean }));

  it.each([["report.json"], ["report.txt"], ["report"]])("reads %s back with its proposals and decisions, by name or by its first bytes", async (name) => {
    const imported = await importDocument(Buffer.from(json), name);
    expect(imported.format).toBe(DocumentFormat.json);
    const back = new Y.Doc();
    prosemirrorToYXmlFragment(imported.doc, back.getXmlFragment(TextRoot.content));
    imported.writeRecords!(back);
    expect(writeJson(readExportDraft(back, null, OPTIONS))).toBe(writeJson(readExportDraft(text, null, OPTIONS)));
    expect(imported.counts.paragraphs).toBeGreaterThan(10);
  });

  it("refuses a .json file that is not a draft, naming the problem", async () => {
    await expect(importDocument(Buffer.from('{"format": "something-else"}'), "x.json")).rejects.toMatchObject({ id: "invalid-draft-json" });
  });
});
