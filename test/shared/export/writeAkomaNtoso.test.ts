/**
 * Acceptance 2: the Akoma Ntoso export of every seed draft validates against the OASIS schema
 * (`xmllint --schema ../shared/akn/akomantoso30.xsd`, read from there), in the clean and the
 * bracketed view; a deliberately broken document fails the same check; typed text stays text.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prosemirrorToYXmlFragment } from "y-prosemirror";
import * as Y from "yjs";
import { ProposalKind, StanceKind } from "../../../schemas/records";
import { importDraftText, ImportFormat } from "../../../server/import/importDraftText";
import { setStance } from "../../../shared/consensus/stanceWrites";
import { MetaKey, TextRoot } from "../../../shared/documentLayout";
import { ExportView } from "../../../shared/export/exportModel";
import { readExportDraft } from "../../../shared/export/readExportDraft";
import { writeAkomaNtoso } from "../../../shared/export/writeAkomaNtoso";
import { propose, supportProposal } from "../../../shared/proposals/proposeChange";
import { BlockType } from "../../../shared/schema";
import { textBlocks } from "../../../shared/text/blockText";
import { doc, fn, h, item, p, pre } from "../../support/dsl";
import { walkthroughDraft } from "../../support/walkthroughDraft";
import { pidAt, secondsApart, yDraft } from "../../support/yDraft";

const SCHEMA = path.resolve(__dirname, "../../../../shared/akn/akomantoso30.xsd");
const SEEDS = path.resolve(__dirname, "../../../../shared/seeds");
const AT = "2025-03-04T09:00:00.000Z";

let folder: string;
beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "concord-akn-"));
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** Runs xmllint on `documents` (name → XML) at once; returns each name's verdict and xmllint's complaints. */
function validate(documents: Record<string, string>): { valid: Record<string, boolean>; errors: string } {
  const files = Object.entries(documents).map(([name, xml]) => {
    const file = path.join(folder, `${name.replace(/[^\w.-]/g, "_")}.xml`);
    fs.writeFileSync(file, xml);
    return [name, file] as const;
  });
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, ...files.map(([, file]) => file)], { encoding: "utf8" });
  if (run.error) throw run.error;
  const valid = Object.fromEntries(files.map(([name, file]) => [name, run.stderr.includes(`${file} validates`)]));
  return { valid, errors: run.stderr.split("\n").filter((line) => !line.endsWith(" validates")).join("\n") };
}

/** A seed file as a draft, with proposals of each kind and a reservation on its first paragraphs. */
function seedDraft(file: string): { text: Y.Doc; floor: Y.Doc } {
  const imported = importDraftText(fs.readFileSync(file, "utf8"), ImportFormat.text);
  const text = new Y.Doc();
  prosemirrorToYXmlFragment(imported.doc, text.getXmlFragment(TextRoot.content));
  text.getMap(TextRoot.meta).set(MetaKey.title, imported.title ?? path.basename(file));
  const floor = new Y.Doc();
  const clock = secondsApart();
  const blocks = textBlocks(text.getXmlFragment(TextRoot.content)).filter((block) => block.type === BlockType.paragraph && block.text.length > 10);
  const [first, second, third] = blocks;
  if (first?.pid) {
    const replaced = propose(text, "CUB", { kind: ProposalKind.replace, pid: first.pid, from: 0, to: 5, text: "Also <noted> & " }, clock());
    propose(text, "SLV", { kind: ProposalKind.replace, pid: first.pid, from: 0, to: 5, text: "Further" }, clock());
    supportProposal(text, "UZB", replaced);
    propose(text, "UZB", { kind: ProposalKind.insert, pid: first.pid, at: 8, text: " indeed" }, clock());
    propose(text, "SLV", { kind: ProposalKind.newParagraph, after: first.pid, text: "States stressed the digital divide." }, clock());
    setStance(floor, "UZB", first.pid, StanceKind.reserve, "Pending instructions.", clock());
  }
  if (second?.pid) propose(text, "CUB", { kind: ProposalKind.deleteParagraph, pid: second.pid }, clock());
  if (third?.pid) propose(text, "SLV", { kind: ProposalKind.delete, pid: third.pid, from: 2, to: 9 }, clock());
  return { text, floor };
}

const akn = (text: Y.Doc, floor: Y.Doc | null, view: ExportView) => writeAkomaNtoso(readExportDraft(text, floor, { draftId: "seed", view, exportedAt: AT }));

describe("the Akoma Ntoso export", () => {
  it("validates against the OASIS schema for every seed draft, clean and bracketed", () => {
    const seeds = fs.readdirSync(SEEDS).filter((name) => name.endsWith(".txt"));
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    const documents: Record<string, string> = {};
    for (const name of seeds) {
      const { text, floor } = seedDraft(path.join(SEEDS, name));
      documents[`${name}-clean`] = akn(text, null, ExportView.clean);
      documents[`${name}-bracketed`] = akn(text, floor, ExportView.bracketed);
    }
    const { valid, errors } = validate(documents);
    expect(errors).toBe("");
    expect(Object.values(valid).every(Boolean)).toBe(true);
    const bracketed = documents[`${seeds[0]}-bracketed`]!;
    expect(bracketed).toMatch(/<span class="bracket" refersTo="#CUB #UZB">\[Alt 1 CUB, UZB: <del>[^<]*<\/del> <ins>Also &lt;noted&gt; &amp;<\/ins>\]<\/span>/);
    expect(bracketed).toContain('<TLCOrganization eId="SLV" href="/ontology/organization/un/slv" showAs="El Salvador"/>');
    expect(bracketed).toMatch(/<paragraph eId="para_\d+bis" class="proposed" refersTo="#SLV"><num>\d+ bis\.<\/num>/);
    expect(bracketed).toMatch(/<authorialNote marker="\d+" placement="bottom" eId="fnote_\d+"><p>UZB reserves its position on this paragraph: Pending instructions\.<\/p><\/authorialNote>/);
  });

  it("identifies the work, expression and manifestation from the symbol, language and revision", () => {
    const { text } = walkthroughDraft();
    const xml = akn(text, null, ExportView.clean);
    expect(xml).toContain('<FRBRthis value="/akn/un/doc/report/2025-03-04/a-ac-292-2025-crp-1/!main"/>');
    expect(xml).toContain('<FRBRuri value="/akn/un/doc/report/2025-03-04/a-ac-292-2025-crp-1/eng@pre-draft"/>');
    expect(xml).toContain('<FRBRcountry value="un"/>');
    expect(xml).toContain('<FRBRlanguage language="eng"/>');
    expect(xml).toMatch(/<paragraph eId="para_6"><num>6\.<\/num><intro><p>[^<]*<\/p><\/intro><point eId="para_6__point_a"><num>\(a\)<\/num><content>/);
    expect(xml).toMatch(/<section eId="sec_1"><heading>A\. Introduction<\/heading><paragraph eId="para_1">/);
    expect(xml).toMatch(/<authorialNote marker="1" placement="bottom" eId="fnote_1"><p>See General Assembly resolution 79\/237/);
  });

  it("fails the same check for a deliberately broken document", () => {
    const { text } = walkthroughDraft();
    const good = akn(text, null, ExportView.clean);
    const { valid } = validate({
      good,
      unknownElement: good.replace("<mainBody>", "<mainBody><bogus/>"),
      duplicateEId: good.replace('<paragraph eId="para_2">', '<paragraph eId="para_1">'),
      noMeta: good.replace(/<meta>[\s\S]*<\/meta>/, ""),
    });
    expect(valid).toEqual({ good: true, unknownElement: false, duplicateEId: false, noMeta: false });
  });

  it("keeps hostile typed text as text and still validates", () => {
    const hostile = `]]> <!-- <paragraph eId="x"/> & \u0001 "' <![CDATA[`;
    const text = yDraft(doc(p(hostile, fn(hostile)), p("Second")));
    text.getMap(TextRoot.meta).set(MetaKey.title, hostile);
    text.getMap(TextRoot.meta).set(MetaKey.symbol, hostile);
    text.getMap(TextRoot.meta).set(MetaKey.revision, hostile);
    propose(text, "CUB", { kind: ProposalKind.insert, pid: pidAt(text, 1), at: 0, text: hostile }, new Date(Date.UTC(2025, 0, 1)));
    const xml = akn(text, null, ExportView.bracketed);
    expect(xml).not.toContain("<!--");
    expect(validate({ hostile: xml }).valid).toEqual({ hostile: true });
  });

  it("validates odd shapes a draft being edited can take", () => {
    const shapes = {
      empty: new Y.Doc(),
      headingAlone: yDraft(doc(h(1, "A. Introduction"))),
      itemsFirst: yDraft(doc(item(2, "a roman item first"), item(1, "then a letter"), p("Then a paragraph."))),
      deepHeadings: yDraft(doc(h(3, "Deep"), p("One."), h(1, "Top"), h(2, "Middle"), item(1, "orphan item"), h(2, "Again"), p(""))),
    };
    const documents = Object.fromEntries(Object.entries(shapes).map(([name, text]) => [name, akn(text, null, ExportView.bracketed)]));
    const { valid, errors } = validate(documents);
    expect(errors).toBe("");
    expect(valid).toEqual({ empty: true, headingAlone: true, itemsFirst: true, deepHeadings: true });
  });

  it("puts leading unnumbered blocks in the preamble and later ones in unnumbered containers", () => {
    const text = yDraft(doc(pre("Letter dated 1 March 2025 from the Chair"), pre("[Original: Spanish]"), p("The Group met."), item(1, "in New York;"), pre("(Signed) The Chair")));
    const xml = akn(text, null, ExportView.clean);
    expect(xml).toContain("<preamble><p>Letter dated 1 March 2025 from the Chair</p><p>[Original: Spanish]</p></preamble>");
    expect(xml).toContain('<paragraph eId="para_1"><num>1.</num><intro><p>The Group met.</p></intro><point eId="para_1__point_a">');
    expect(xml).toMatch(/<hcontainer name="unnumbered" eId="hcontainer_\w+"><content><p>\(Signed\) The Chair<\/p><\/content><\/hcontainer>/);
    expect(validate({ preamble: xml }).valid).toEqual({ preamble: true });
  });
});
