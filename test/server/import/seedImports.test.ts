import fs from "node:fs";
import path from "node:path";
import { importDocument, type ImportedDocument } from "../../../server/import/importDocument";
import { isPageFurniture } from "../../../server/import/pageDebris";
import { blockLabels } from "../../../shared/numbering";
import { footnotesOf, printedOutline } from "./printedOutline";
import { seedOutlines } from "./seedOutlines";

const folder = path.resolve(__dirname, "../../../../shared/seeds");
// Seeds live outside the repository; without them there are simply no seed cases.
const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith(".txt")).sort() : [];

describe("importing the seed texts", () => {
  const imported = new Map<string, ImportedDocument>();
  beforeAll(async () => {
    for (const file of files) imported.set(file, await importDocument(fs.readFileSync(path.join(folder, file)), file));
  });

  for (const file of files) {
    describe(file, () => {
      const expected = seedOutlines[file];
      const draft = (): ImportedDocument => imported.get(file)!;

      it("has an expected outline", () => {
        expect(expected).toBeDefined();
      });

      it("takes its title from the document, never from the file name", () => {
        expect(draft().title).toBe(expected?.title);
        expect(draft().title ?? "").not.toContain(file.replace(/\.txt$/, ""));
      });

      it("counts the headings, numbered paragraphs, sub-items, footnotes and front matter a preview shows", () => {
        expect(draft().counts).toEqual(expected?.counts);
      });

      it("has each block, numbered or lettered as printed, where the source has it", () => {
        const blocks = expected?.blocks ?? [];
        const lines = printedOutline(draft().doc);
        expect(lines.map((line, i) => line.slice(0, blocks[i]?.length ?? line.length))).toEqual(blocks);
      });

      it("letters sub-items afresh under each paragraph and heading", () => {
        const labels = blockLabels(draft().doc, null);
        const firstOfRun: Array<string | null> = [];
        draft().doc.forEach((block, _offset, i) => {
          const previous = i > 0 ? draft().doc.child(i - 1) : null;
          if (block.type.name === "subitem" && block.attrs.level === 1 && previous?.type.name !== "subitem") firstOfRun.push(labels[i]!.label);
        });
        expect(firstOfRun.every((label) => label === "(a)")).toBe(true);
      });

      it("makes no paragraph of page furniture: running heads, page numbers, symbols alone on a line", () => {
        const lines = printedOutline(draft().doc);
        for (const line of lines) {
          const text = line.slice(line.indexOf(" ") + 1);
          expect(isPageFurniture(text)).toBe(false);
          expect(text).not.toMatch(/^[A-Z]{1,6}\/\d/);
        }
        const counts = new Map<string, number>();
        for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
        expect([...counts].filter(([line, count]) => count > 1 && line.length < 120)).toEqual([]);
      });

      it("turns each footnote reference into a footnote holding its definition", () => {
        expect(footnotesOf(draft().doc)).toEqual(expected?.footnotes);
        expect(printedOutline(draft().doc).join("\n")).not.toMatch(/<\/?sup>/);
      });

      it("keeps the source's words exactly, accents and OCR errors included", () => {
        const all = `${draft().title ?? ""}\n${draft().doc.textContent}`;
        for (const word of expected?.words ?? []) expect(all).toContain(word);
      });

      it("gives every block a unique pid", () => {
        const pids = new Set<unknown>();
        draft().doc.forEach((block) => pids.add(block.attrs.pid));
        expect(pids.size).toBe(draft().doc.childCount);
        expect([...pids].every((pid) => typeof pid === "string")).toBe(true);
      });
    });
  }

  it("imports seed 003, a letter, with its opening, signature and [Original] line unnumbered, and the declaration numbered from 1", () => {
    const lines = printedOutline(imported.get("003_5b033a22578a78a3.txt")!.doc);
    expect(lines.filter((line) => line.startsWith("pre "))).toEqual([
      expect.stringMatching(/^pre Avances en la esfera/),
      expect.stringMatching(/^pre Lucha contra la utilizacién/),
      expect.stringMatching(/^pre Tengo el honor/),
      expect.stringMatching(/^pre Le agradeceria/),
      "pre (Firmado) Bakhtiyor Ibragimov Representante Permanente",
      "pre [Original: ruso]",
    ]);
    expect(lines.find((line) => /^\d/.test(line))).toMatch(/^1 Los Jefes de Estado de los Estados miembros/);
  });

  it("imports seed 004 with the sub-items under '3. Structure:' lettered (a), (b), not (g), (h)", () => {
    const lines = printedOutline(imported.get("004_39c7afa75eb7f069.txt")!.doc);
    const at = lines.indexOf("h2 3. Structure:");
    expect(lines.slice(at + 1, at + 3).map((line) => line.slice(0, 4))).toEqual(["(a) ", "(b) "]);
  });

  it("imports seed 004's item cut by a page break as one item, the running head and footnotes between dropped", () => {
    const lines = printedOutline(imported.get("004_39c7afa75eb7f069.txt")!.doc);
    expect(lines).toContainEqual(expect.stringMatching(/^\(a\) The national opinions .* General Assembly Resolution A\/77\/37\[\^Operative para 3 General Assembly Resolution A\/77\/37\.\] and the consensus results/));
    expect(lines.filter((line) => line.includes("MISIÓN PERMANENTE"))).toEqual(["pre MISIÓN PERMANENTE DE EL SALVADOR ANTE LA ORGANIZACIÓN DE LAS NACIONES UNIDAS"]);
  });

  it("reads **bold** in seed 004's plain text as bold, not as asterisks", () => {
    const doc = imported.get("004_39c7afa75eb7f069.txt")!.doc;
    const bold: string[] = [];
    doc.descendants((node) => {
      if (node.isText && node.marks.some((mark) => mark.type.name === "strong")) bold.push(node.text!);
    });
    expect(bold).toEqual(["international cooperation and assistance"]);
    expect(doc.textContent).not.toContain("**");
  });
});
