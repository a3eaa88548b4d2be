import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { importDocument } from "../../../server/import/importDocument";
import { MAX_IMPORT_BYTES } from "../../../server/import/importDraftText";
import { ImportRefusal, ImportRefusalId } from "../../../server/import/ImportRefusal";
import { formatOf } from "../../../server/import/readSourceFile";
import { MetaKey, TextRoot } from "../../../shared/documentLayout";
import { draftText, TextFormat, TextView } from "../../../shared/export/draftText";
import { doc, item, p, pre } from "../../support/dsl";
import { yDraft } from "../../support/yDraft";
import { printedOutline } from "./printedOutline";

/** The refusal `bytes` named `fileName` meets, or a failure when it is imported. */
async function refusalOf(bytes: Buffer, fileName: string): Promise<ImportRefusal> {
  try {
    await importDocument(bytes, fileName);
  } catch (error) {
    if (error instanceof ImportRefusal) return error;
    throw error;
  }
  throw new Error(`${fileName} was imported`);
}

const text = (source: string): Buffer => Buffer.from(source, "utf8");

describe("importDocument", () => {
  describe("reading text", () => {
    it("reads a .md file as Markdown and a .txt file as plain text", async () => {
      const source = text("# Draft outcome\n\nCalls for *sustained* action.");
      expect((await importDocument(source, "draft.md")).format).toBe("markdown");
      expect((await importDocument(source, "draft.txt")).format).toBe("text");
    });

    it("reads a file with no telling name as Markdown when it has Markdown headings, else as text", async () => {
      expect((await importDocument(text("## Preamble\n\nText."), "pasted")).format).toBe("markdown");
      expect((await importDocument(text("Text.\n\nMore text."), "pasted")).format).toBe("text");
    });

    it("takes the title from the document and counts what the preview shows", async () => {
      const imported = await importDocument(text("# Zero draft\n\n## A. Scope\n\n1. Text[^1].\n\n(a) one\n\n[^1]: A note."), "zero-draft-v3.md");
      expect(imported.title).toBe("Zero draft");
      expect(imported.counts).toEqual({ headings: 1, paragraphs: 1, subitems: 1, footnotes: 1, preamble: 0 });
    });

    it("has no title when the document names none, rather than the file's name", async () => {
      expect((await importDocument(text("Text.\n\nMore text."), "003_5b033a22578a78a3.txt")).title).toBeNull();
    });

    it("reads UTF-8 with a byte-order mark and UTF-16 as Windows saves it", async () => {
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text("Misión permanente.")]);
      expect((await importDocument(withBom, "a.txt")).doc.textContent).toBe("Misión permanente.");
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Misión permanente.", "utf16le")]);
      expect((await importDocument(utf16, "a.txt")).doc.textContent).toBe("Misión permanente.");
    });
  });

  describe("refusing what is not a text, Markdown or Word file", () => {
    it("refuses a binary file with NUL bytes, saying it is not a text, Markdown or Word file", async () => {
      const refusal = await refusalOf(Buffer.from([0x54, 0x65, 0x78, 0x74, 0x00, 0x01, 0x02, 0x03]), "data.txt");
      expect(refusal.id).toBe(ImportRefusalId.notText);
      expect(refusal.httpStatus).toBe(415);
      expect(refusal.message).toBe("This is not a text, Markdown or Word file.");
    });

    it("refuses a program renamed to .docx, .md or .txt, whatever its name", async () => {
      const elf = fs.readFileSync(process.execPath).subarray(0, 64 * 1024);
      for (const name of ["report.docx", "report.md", "report.txt", "report"]) {
        const refusal = await refusalOf(elf, name);
        expect(refusal.id).toBe(ImportRefusalId.notText);
        expect(refusal.message).toBe("This is not a text, Markdown or Word file: it looks like a program (ELF).");
      }
    });

    it("refuses a PDF and says what to do instead", async () => {
      const refusal = await refusalOf(text("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "report.pdf");
      expect(refusal.id).toBe(ImportRefusalId.notText);
      expect(refusal.message).toMatch(/^This is not a text, Markdown or Word file: it looks like a PDF/);
    });

    it("refuses a Word file that would unpack past the limit, stating the size", async () => {
      const bomb = fs.readFileSync(path.join(__dirname, "../../fixtures/import/seed-004.docx"));
      // The directory's first entry claims 100 MB (offset 24 of a central directory entry).
      const directory = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      const first = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      expect(directory).toBeGreaterThan(0);
      const forged = Buffer.from(bomb);
      forged.writeUInt32LE(100 * 1024 * 1024, first + 24);
      const refusal = await refusalOf(forged, "bomb.docx");
      expect(refusal.id).toBe(ImportRefusalId.tooLarge);
      expect(refusal.message).toMatch(/^The Word file unpacks to 100\.\d MB; the largest accepted is 64 MB\.$/);
    });

    it("refuses a zip archive that is not a Word file", async () => {
      const refusal = await refusalOf(fs.readFileSync(path.join(__dirname, "../../fixtures/import/not-word.zip")), "report.docx");
      expect(refusal.message).toBe("This is not a text, Markdown or Word file: it looks like a zip archive.");
    });

    it("refuses text in an old code page, saying to save it as UTF-8", async () => {
      const refusal = await refusalOf(Buffer.from("Misi\xf3n permanente de El Salvador.", "latin1"), "a.txt");
      expect(refusal.id).toBe(ImportRefusalId.notUtf8);
      expect(refusal.message).toBe("This text is not in UTF-8 (byte 4 is not valid UTF-8); save it as UTF-8 and try again.");
    });

    it("refuses an empty file and one of only whitespace", async () => {
      expect((await refusalOf(Buffer.alloc(0), "a.txt")).id).toBe(ImportRefusalId.empty);
      expect((await refusalOf(text(" \n\t\n"), "a.md")).id).toBe(ImportRefusalId.empty);
    });

    it("refuses a file over the limit, stating its real size", async () => {
      const refusal = await refusalOf(Buffer.alloc(Math.round(7.4 * 1024 * 1024), 0x61), "big.txt");
      expect(refusal.id).toBe(ImportRefusalId.tooLarge);
      expect(refusal.httpStatus).toBe(413);
      expect(refusal.message).toBe("The file is 7.4 MB; the largest accepted is 5 MB.");
    });

    it("never says a file just over the limit is the size of the limit", async () => {
      const refusal = await refusalOf(Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61), "big.txt");
      expect(refusal.message).toBe("The file is 5.1 MB; the largest accepted is 5 MB.");
    });

    it("throws nothing but an ImportRefusal for random bytes, whatever the file is called", async () => {
      const names = fc.constantFrom("a.txt", "a.md", "a.docx", "a", "a.pdf");
      const zipLike = fc.uint8Array({ maxLength: 2000 }).map((rest) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...rest]));
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 4000 }), zipLike, fc.string().map((s) => text(s))), names, async (bytes, name) => {
          try {
            const imported = await importDocument(Buffer.from(bytes), name);
            expect(imported.doc.childCount).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(ImportRefusal);
          }
        }),
        { numRuns: 400 },
      );
    });
  });
});

describe("importing documents made of the pieces real ones have, in any order", () => {
  const pieces = fc.constantFrom(
    "1. The Group met.", "12) Decides", "(a) one;", "- b. two", "  - ii. three", "- bullet", "## 2. Scope", "# Title", "**Courtesy translation**",
    "A/77/37", "2/5", "20-17890 (E)", "- 3 -", "MISIÓN PERMANENTE", "Letter dated 1 May 2020 from the Chair", "Carta de fecha 22 de diciembre",
    "(Firmado) Bakhtiyor Ibragimov", "[Original: ruso]", "Annex", "Juan Fernández González", "La Habana, 12 December 2016",
    "Text<sup>3</sup> more", "<sup>3</sup> A note.", "[^1]: Note.", "ref[^1]", "¹ Note", "word¹", "---", "**bold** and *em* _x_", "\\*", "",
    "lower-case continuation", "ENDS IN CAPITALS", "Submitted by", "\f", "\u0007", "   indented line",
  );
  const documents = fc.array(fc.tuple(pieces, fc.constantFrom("\n", "\n\n", "\n\n\n", " ")), { maxLength: 40 })
    .map((parts) => parts.map(([piece, gap]) => piece + gap).join(""));

  it("throws nothing but an ImportRefusal, and every block it makes has a pid", async () => {
    await fc.assert(
      fc.asyncProperty(documents, fc.constantFrom("a.txt", "a.md", "a"), async (source, name) => {
        try {
          const imported = await importDocument(text(source), name);
          imported.doc.forEach((block) => expect(typeof block.attrs.pid).toBe("string"));
          imported.doc.check();
        } catch (error) {
          expect(error).toBeInstanceOf(ImportRefusal);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("formatOf", () => {
  it("reads .md and .markdown as Markdown, in any case", () => {
    expect(["draft.md", "Draft.MD", "a.b.markdown"].map((name) => formatOf(name, "Text."))).toEqual(["markdown", "markdown", "markdown"]);
  });

  it("reads .txt as plain text even with Markdown headings, since PDF copies are sent as .txt", () => {
    expect(["draft.txt", "draft.md.txt"].map((name) => formatOf(name, "## A. Scope"))).toEqual(["text", "text"]);
  });

  it("reads a file named otherwise by its content", () => {
    expect(formatOf("md", "[^1]: A note.")).toBe("markdown");
    expect(formatOf("draft", "A. SCOPE\n\nText.")).toBe("text");
  });
});

describe("reading Concord's own Markdown export back", () => {
  it("keeps an [Original] line as preamble and the paragraphs numbered from 1", async () => {
    const ydoc = yDraft(doc(pre("[Original: Russian]"), p("The Heads of State met:"), item(1, "in Minsk;"), p("They agreed.")));
    ydoc.getMap(TextRoot.meta).set(MetaKey.title, "Letter dated 22 December 2020");
    const exported = draftText(ydoc, TextView.clean, TextFormat.markdown);
    const imported = await importDocument(text(exported), "export.md");
    expect(imported.title).toBe("Letter dated 22 December 2020");
    expect(printedOutline(imported.doc)).toEqual(["pre [Original: Russian]", "1 The Heads of State met:", "(a) in Minsk;", "2 They agreed."]);
  });
});
