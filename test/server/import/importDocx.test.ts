import fs from "node:fs";
import path from "node:path";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { Node as PMNode } from "prosemirror-model";
import { importDocument, type ImportedDocument } from "../../../server/import/importDocument";
import { ImportRefusal, ImportRefusalId } from "../../../server/import/ImportRefusal";
import { doc, em, fn, h, item, p, pre, strong } from "../../support/dsl";
import { seedDocx } from "../../fixtures/import/makeSeedDocx";
import { printedOutline } from "./printedOutline";

const FIXTURE = path.join(__dirname, "../../fixtures/import/seed-004.docx");

function withoutPids(node: PMNode): PMNode {
  const blocks: PMNode[] = [];
  node.forEach((block) => blocks.push(block.type.create({ ...block.attrs, pid: null }, block.content)));
  return node.type.create(null, blocks);
}

describe("importing a Word file (seed 004 as .docx, made by test/fixtures/import/makeSeedDocx.ts)", () => {
  let imported: ImportedDocument;
  beforeAll(async () => {
    imported = await importDocument(fs.readFileSync(FIXTURE), "seed-004.docx");
  });

  it("reads it as Word whatever it is called", async () => {
    expect(imported.format).toBe("docx");
    expect((await importDocument(fs.readFileSync(FIXTURE), "upload.txt")).format).toBe("docx");
  });

  it("takes the title from the Title paragraph, not the file name or the page header", () => {
    expect(imported.title).toBe("National Opinion of El Salvador");
  });

  it("keeps headings, Word-numbered paragraphs, lettered and roman sub-items, footnotes, bold and italic, block by block", () => {
    expect(withoutPids(imported.doc).toJSON()).toEqual(
      doc(
        pre(em("Courtesy translation")),
        h(1, "Scope, structure and content of the Programme of action to advance responsible State behaviour in the use of information and communications technologies in the context of international security."),
        h(2, "1. Introduction"),
        item(1, "It is observed with increased interest how the majority of the Member States of the United Nations give more importance to what happens in cyberspace, in accordance with international law and the United Nations Charter", fn("Para 19 General Assembly Resolution A/68/98"), "."),
        item(1, "The growing dependence on information and communication technologies (ICT) can influence internally the affairs of other States."),
        item(1, "The reports of the 2010", fn("See General Assembly Resolution A/65/201"), " and 2021 Groups of Governmental Experts lay the foundations of the framework of norms, rules and principles."),
        h(2, "2. Goals and Scope"),
        h(3, "a. General:"),
        item(2, "The POA shall be envisioned as a regular action-oriented mechanism."),
        h(3, "b. Specifics:"),
        item(2, "Provide an institutionalized framework for ", strong("international cooperation and assistance"), ", including financial and technical assistance."),
        item(2, "Advance the common understanding on the implementation of the existing framework."),
        h(2, "3. Structure:"),
        item(1, "The POA could be based on a political document endorsed by the General Assembly."),
        item(1, "For the functioning of the structure, the United Nations Office for Disarmament must act as the Secretariat."),
        h(2, "5. Meetings frequency:"),
        p("In order to advance in the implementation of the POA, it is deemed pertinent to convene:"),
        item(1, "Review Meetings of States Parties every 2 years, with a practical focus."),
        item(1, "Review Conferences of States Parties every 4 years."),
        p("The main objective of the follow-up meetings should be to update the practical measures."),
        h(2, "6. Reports to the POA"),
        item(1, "Additional reporting instruments must take into account avoiding ", em("“reporting fatigue”"), "."),
      ).toJSON(),
    );
  });

  it("numbers and letters as the Word file does, lettering afresh under each heading", () => {
    expect(printedOutline(imported.doc).map((line) => line.split(" ")[0])).toEqual([
      "pre", "h1", "h2", "(a)", "(b)", "(c)", "h2", "h3", "(i)", "h3", "(i)", "(ii)", "h2", "(a)", "(b)", "h2", "1", "(a)", "(b)", "2", "h2", "(a)",
    ]);
  });

  it("counts what a preview shows", () => {
    expect(imported.counts).toEqual({ headings: 8, paragraphs: 2, subitems: 11, footnotes: 2, preamble: 1 });
  });

  it("is the file makeSeedDocx.ts makes", async () => {
    const fresh = await importDocument(await seedDocx(), "fresh.docx");
    expect(withoutPids(fresh.doc).toJSON()).toEqual(withoutPids(imported.doc).toJSON());
  });

  it("reads numbers and letters typed by hand, a Heading 1 title, and bold and italic runs", async () => {
    const word = new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Zero draft")] }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("A. Introduction")] }),
            new Paragraph({ children: [new TextRun("1. The Group "), new TextRun({ text: "met", bold: true }), new TextRun(" in New York:")] }),
            new Paragraph({ children: [new TextRun({ text: "(a) in ", italics: true }), new TextRun("plenary;")] }),
            new Paragraph({ children: [new TextRun("(b)\tin consultations.")] }),
            new Paragraph({ children: [new TextRun("2. It adopted its report.")] }),
          ],
        },
      ],
    });
    const typed = await importDocument(await Packer.toBuffer(word), "zero.docx");
    expect(typed.title).toBe("Zero draft");
    expect(withoutPids(typed.doc).toJSON()).toEqual(
      doc(
        h(2, "A. Introduction"),
        p("The Group ", strong("met"), " in New York:"),
        item(1, em("in "), "plenary;"),
        item(1, "in consultations."),
        p("It adopted its report."),
      ).toJSON(),
    );
  });

  it("refuses a Word file whose document part is not XML, saying it could not be read", async () => {
    const attempt = importDocument(fs.readFileSync(path.join(__dirname, "../../fixtures/import/broken.docx")), "broken.docx");
    await expect(attempt).rejects.toBeInstanceOf(ImportRefusal);
    await expect(attempt).rejects.toMatchObject({ id: ImportRefusalId.unreadableWord, httpStatus: 400 });
  });
});
