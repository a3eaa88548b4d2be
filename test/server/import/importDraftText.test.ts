import type { Node as PMNode } from "prosemirror-model";
import {
  ImportFormat,
  importDraftText,
  MAX_IMPORT_BYTES,
} from "../../../server/import/importDraftText";
import { ImportRefusal } from "../../../server/import/ImportRefusal";
import { schema } from "../../../shared/schema";
import { doc, em, fn, item, p, strong } from "../../support/dsl";


/** One line per block, pids ignored: "h2 Title", "p Text", "(a) item", "(i) sub-item"; footnotes as [^text]. */
function outline(node: PMNode): string[] {
  const lines: string[] = [];
  node.forEach((block) => {
    let text = "";
    block.forEach((child) => {
      text += child.isText ? child.text : `[^${child.textContent}]`;
    });
    lines.push(`${tagOf(block)} ${text}`);
  });
  return lines;
}

function tagOf(block: PMNode): string {
  if (block.type.name === "heading") return `h${block.attrs.level}`;
  if (block.type.name === "preamble") return "pre";
  if (block.type.name === "subitem") return block.attrs.level === 2 ? "(i)" : "(a)";
  return "p";
}

function withoutPids(node: PMNode): PMNode {
  const blocks: PMNode[] = [];
  node.forEach((block) => blocks.push(block.type.create({ ...block.attrs, pid: null }, block.content)));
  return node.type.create(null, blocks);
}

function markdown(source: string): string[] {
  return outline(importDraftText(source, ImportFormat.markdown).doc);
}

function text(source: string): string[] {
  return outline(importDraftText(source, ImportFormat.text).doc);
}

function expectDoc(source: string, format: ImportFormat, expected: PMNode): void {
  expect(withoutPids(importDraftText(source, format).doc).toJSON()).toEqual(expected.toJSON());
}

function footnotesOf(node: PMNode): string[] {
  const texts: string[] = [];
  node.descendants((child) => {
    if (child.type.name === "footnote") texts.push(child.textContent);
  });
  return texts;
}

describe("importDraftText", () => {
  describe("reading Markdown", () => {
    it("takes a leading level-1 heading as the title, not as a block", () => {
      const draft = importDraftText("# Draft outcome\n\n## Preamble\n\nText.", ImportFormat.markdown);
      expect(draft.title).toBe("Draft outcome");
      expect(outline(draft.doc)).toEqual(["h2 Preamble", "p Text."]);
    });

    it("keeps a level-1 heading that is not the first block as a heading", () => {
      const draft = importDraftText("Opening words.\n\n# Annex", ImportFormat.markdown);
      expect(draft.title).toBeNull();
      expect(outline(draft.doc)).toEqual(["p Opening words.", "h1 Annex"]);
    });

    it("reads ##, ### and deeper headings as levels 2, 3 and 3", () => {
      expect(markdown("Intro.\n\n## Two\n\n### Three\n\n#### Four\n\n###### Six")).toEqual([
        "p Intro.",
        "h2 Two",
        "h3 Three",
        "h3 Four",
        "h3 Six",
      ]);
    });

    it("drops the number of a numbered paragraph, since numbering is computed", () => {
      expectDoc("1. Welcomes the report.\n\n12. Decides to remain seized.", ImportFormat.markdown,
        doc(p("Welcomes the report."), p("Decides to remain seized.")));
    });

    it("reads unnumbered prose as paragraphs", () => {
      expect(markdown("Recalling its resolutions.\n\nNoting the report.")).toEqual([
        "p Recalling its resolutions.",
        "p Noting the report.",
      ]);
    });

    it("reads (a), a), a., - a. and - (a) as lettered sub-items", () => {
      expectDoc("1. Calls upon States:\n(a) one\nb) two\nc. three\n- d. four\n- (e) five", ImportFormat.markdown,
        doc(p("Calls upon States:"), item(1, "one"), item(1, "two"), item(1, "three"), item(1, "four"), item(1, "five")));
    });

    it("reads (i), ii. and - iii. after a lettered item as roman sub-sub-items", () => {
      expect(markdown("1. Chapeau:\n(a) letter\n(i) one\nii. two\n- iii. three\n(b) next letter")).toEqual([
        "p Chapeau:",
        "(a) letter",
        "(i) one",
        "(i) two",
        "(i) three",
        "(a) next letter",
      ]);
    });

    it("reads (i) after (h) as the next letter", () => {
      const source = ["1. Chapeau:", ..."abcdefgh".split("").map((letter) => `(${letter}) ${letter}`), "(i) ninth"];
      expect(markdown(source.join("\n")).slice(-2)).toEqual(["(a) h", "(a) ninth"]);
    });

    it("keeps (v) roman after (iv), even under (u)", () => {
      const letters = "abcdefghijklmnopqrstu".split("").map((letter) => `(${letter}) ${letter}`);
      const source = ["1. Chapeau:", ...letters, "(i) one", "(ii) two", "(iii) three", "(iv) four", "(v) five"];
      expect(markdown(source.join("\n")).slice(-6)).toEqual([
        "(a) u",
        "(i) one",
        "(i) two",
        "(i) three",
        "(i) four",
        "(i) five",
      ]);
    });

    it("reads roman items straight after a heading as sub-sub-items", () => {
      expect(markdown("### a. General:\n\n- i. The mechanism.")).toEqual(["h3 a. General:", "(i) The mechanism."]);
    });

    it("reads plain bullets as sub-items and bullets indented under them as sub-sub-items", () => {
      expect(markdown("Allows:\n\n- one\n  - one point one\n* two\n - two point one\n- three")).toEqual([
        "p Allows:",
        "(a) one",
        "(i) one point one",
        "(a) two",
        "(i) two point one",
        "(a) three",
      ]);
    });

    it("reads **bold**, *italic* and _italic_ as marks", () => {
      expectDoc("Calls for **urgent** and *sustained* _action_.", ImportFormat.markdown,
        doc(p("Calls for ", strong("urgent"), " and ", em("sustained"), " ", em("action"), ".")));
    });

    it("nests emphasis inside strong text", () => {
      const both = schema.text("inter alia", [schema.marks.em!.create(), schema.marks.strong!.create()]);
      expectDoc("The Council **decides *inter alia* to act**.", ImportFormat.markdown,
        doc(p("The Council ", strong("decides "), both, strong(" to act"), ".")));
    });

    it("leaves snake_case names, lone asterisks and escaped markers as typed", () => {
      expect(markdown("Use file_name_here, 2 * 3 * 4 and \\*not em\\*.")).toEqual([
        "p Use file_name_here, 2 * 3 * 4 and *not em*.",
      ]);
    });

    it("reads a short line wholly in ** as a heading, even when wrapped", () => {
      const draft = importDraftText("Intro.\n\n**Operative\nsection**\n\nText.", ImportFormat.markdown);
      expect(outline(draft.doc)).toEqual(["p Intro.", "h1 Operative section", "p Text."]);
    });

    it("reads a **Courtesy translation** line as front matter, not a section", () => {
      const draft = importDraftText("**Courtesy translation**\n\n# National Opinion\n\nText.", ImportFormat.markdown);
      expect(draft.title).toBe("National Opinion");
      expect(outline(draft.doc)).toEqual(["pre Courtesy translation", "p Text."]);
    });

    it("takes a leading ** title line as the title", () => {
      expect(importDraftText("**National Opinion**\n\nText.", ImportFormat.markdown).title).toBe("National Opinion");
    });

    it("turns [^1] references into footnotes holding their definition, wherever it is", () => {
      expectDoc("[^1]: See resolution 75/240.\n\nRecalls its decision[^1].", ImportFormat.markdown,
        doc(p("Recalls its decision", fn("See resolution 75/240."), ".")));
    });

    it("turns <sup> and superscript references into footnotes and drops their definition lines", () => {
      const source = "The Charter<sup>10</sup> and the Agenda¹.\n\n---\n\n<sup>10</sup> Article 2.\n\n¹ Tunis Agenda.";
      expectDoc(source, ImportFormat.markdown, doc(p("The Charter", fn("Article 2."), " and the Agenda", fn("Tunis Agenda."), ".")));
    });

    it("matches <sup>10</sup> with a ¹⁰ definition", () => {
      expect(footnotesOf(importDraftText("Text<sup>10</sup>.\n\n¹⁰ Ten.", ImportFormat.markdown).doc)).toEqual(["Ten."]);
    });

    it("gives each reference the nearest following definition when numbers restart on every page", () => {
      const source = "Page one[^1].\n\n[^1]: First page note.\n\nPage two[^1].\n\n[^1]: Second page note.";
      expect(footnotesOf(importDraftText(source, ImportFormat.markdown).doc)).toEqual([
        "First page note.",
        "Second page note.",
      ]);
    });

    it("reads a reference that starts a wrapped line as a reference, not a definition", () => {
      expect(markdown("Resolution A/77/37\n<sup>3</sup> and the results.\n\n<sup>3</sup> Operative para 3.")).toEqual([
        "p Resolution A/77/37 [^Operative para 3.] and the results.",
      ]);
    });

    it("keeps the text of a <sup> that holds no number", () => {
      expect(markdown("The 30<sup>th</sup> session.")).toEqual(["p The 30th session."]);
    });

    it("uses the marker as the footnote text when no definition exists", () => {
      expect(markdown("Text[^7] and<sup>8</sup>.")).toEqual(["p Text[^7] and[^8]."]);
    });

    it("leaves a superscript with no definition as text, as in km²", () => {
      expect(markdown("An area of 5 km².")).toEqual(["p An area of 5 km²."]);
    });

    it("drops --- and *** rules", () => {
      expect(markdown("One.\n\n---\n\nTwo.\n\n***\n\n* * *")).toEqual(["p One.", "p Two."]);
    });

    it("joins hard-wrapped lines with single spaces and splits paragraphs at blank lines", () => {
      expect(markdown("Recalling   its\n  resolution 75/240,\n\nNoting")).toEqual([
        "p Recalling its resolution 75/240,",
        "p Noting",
      ]);
    });

    it("counts lines of only whitespace as blank", () => {
      expect(markdown("One.\n   \t \nTwo.")).toEqual(["p One.", "p Two."]);
    });

    it("keeps accents, curly quotes and em dashes exactly", () => {
      const source = "La Misión — “información” y ‘cooperación’ en España…";
      expect(markdown(source)).toEqual([`p ${source}`]);
    });

    it("strips <br> and HTML tags other than <sup>, and leaves a lone < alone", () => {
      expect(markdown("One<br>two <span class=\"x\">three</span> <br/>under <5 %")).toEqual([
        "p One two three under <5 %",
      ]);
    });

    it("reads an empty heading marker as nothing", () => {
      expect(markdown("#\n\nText.")).toEqual(["p Text."]);
    });
  });

  describe("reading plain text", () => {
    it("reads **bold** as bold and leaves single * and _ as typed", () => {
      expectDoc("Calls for **urgent** and *sustained* _action_.", ImportFormat.text,
        doc(p("Calls for ", strong("urgent"), " and *sustained* _action_.")));
    });

    it("still reads headings, sub-items, footnotes and title lines", () => {
      const draft = importDraftText("**Opinion**\n\n## 2. Goals\n\n- a. One<sup>3</sup>.\n\n<sup>3</sup> Note.", ImportFormat.text);
      expect(draft.title).toBe("Opinion");
      expect(outline(draft.doc)).toEqual(["h2 2. Goals", "(a) One[^Note.]."]);
    });

    it("reads a short line in capitals as a heading", () => {
      expect(text("Preamble text.\n\nOPERATIVE SECTION\n\nMore text.")).toEqual([
        "p Preamble text.",
        "h1 OPERATIVE SECTION",
        "p More text.",
      ]);
    });

    it("ends a title in capitals where ordinary case begins, even without a blank line", () => {
      expect(text("Intro.\n\nGENERAL PRINCIPLES\nThe Group agrees.")).toEqual([
        "p Intro.",
        "h1 GENERAL PRINCIPLES",
        "p The Group agrees.",
      ]);
    });

    it("reads a short numbered title followed by sub-items or prose as a heading that keeps its number", () => {
      expect(text("Opinion.\n\n1. Introduction\n\n- a. It is observed.\n\n2. Scope\n\nThe scope is wide.")).toEqual([
        "p Opinion.",
        "h2 1. Introduction",
        "(a) It is observed.",
        "h2 2. Scope",
        "p The scope is wide.",
      ]);
    });

    it("keeps numbered sentences, chapeaus and short lists as paragraphs", () => {
      expect(text("1. Decides to remain seized.\n\n2. Calls upon States:\n\n(a) act\n\n3. Apples\n\n4. Pears")).toEqual([
        "p Decides to remain seized.",
        "p Calls upon States:",
        "(a) act",
        "p Apples",
        "p Pears",
      ]);
    });

    it("rejoins PDF text that has a blank line after every line, breaking only after a sentence", () => {
      const source = [
        "The Group thanks the Chair for",
        "conducting these rounds of",
        "consultations. It regrets",
        "the connection problems.",
        " We therefore consider that",
        "the discussion on the use of",
        "ICTs must continue. Finally, we",
        "underline inclusiveness.",
        "The end of the",
        "statement.",
      ].join("\n\n");
      expect(text(source)).toEqual([
        "p The Group thanks the Chair for conducting these rounds of consultations. It regrets the connection problems.",
        "p We therefore consider that the discussion on the use of ICTs must continue. Finally, we underline inclusiveness.",
        "p The end of the statement.",
      ]);
    });

    it("keeps one paragraph per line when each line is already a whole paragraph", () => {
      expect(text("First paragraph.\n\nSecond paragraph\n\nThird one.\n\nFourth one.\n\nFifth one.\n\nSixth.")).toEqual([
        "p First paragraph.",
        "p Second paragraph",
        "p Third one.",
        "p Fourth one.",
        "p Fifth one.",
        "p Sixth.",
      ]);
    });

    it("starts a paragraph at a first-line indent even without a blank line", () => {
      expect(text("Amenazas a la seguridad\ninternacional.\n Dado el caracter\ntransfronterizo.")).toEqual([
        "p Amenazas a la seguridad internacional.",
        "p Dado el caracter transfronterizo.",
      ]);
    });

    it("keeps the hanging indent of a sub-item in the sub-item", () => {
      expect(text("(a) The first item\n    continues here.")).toEqual(["(a) The first item continues here."]);
    });

    it("keeps the first copy of a page header repeated on every page as front matter and drops the rest", () => {
      const page = (body: string) => `MISIÓN PERMANENTE\nANTE LAS NACIONES UNIDAS\n\n${body}`;
      const draft = importDraftText([page("One."), page("Two."), page("Three.")].join("\n\n---\n\n"), ImportFormat.text);
      expect(draft.title).toBeNull();
      expect(outline(draft.doc)).toEqual(["pre MISIÓN PERMANENTE ANTE LAS NACIONES UNIDAS", "p One.", "p Two.", "p Three."]);
    });

    it("drops page numbers, symbols and job numbers alone on a line", () => {
      const source = "Recalls its resolution.\n\nA/77/37\n\n2/5\n\n20-17890 (E)\n\n- 3 -\n\nPage 4 of 5\n\nNotes the report.";
      expect(text(source)).toEqual(["p Recalls its resolution.", "p Notes the report."]);
    });

    it("keeps a number or symbol that is part of a sentence", () => {
      expect(text("Recalls resolution\nA/77/37 and 75/240.\n\nIn 2020 the Group met.")).toEqual([
        "p Recalls resolution A/77/37 and 75/240.",
        "p In 2020 the Group met.",
      ]);
    });

    it("joins a paragraph a page break cut mid-sentence, but not one that ends a sentence", () => {
      const source = [
        "1. Recalls General Assembly Resolution",
        "2/5",
        "A/77/37 and the consensus results.",
        "3/5",
        "The next paragraph.",
        "2. Ends here and so,",
        "4/5",
        "The Group decides.",
      ].join("\n\n");
      expect(text(source)).toEqual([
        "p Recalls General Assembly Resolution A/77/37 and the consensus results.",
        "p The next paragraph.",
        "p Ends here and so,",
        "p The Group decides.",
      ]);
    });

    it("reads a letter: its title, its opening and signature as front matter, the annex's title as a heading", () => {
      const source = [
        "Agenda item 98",
        "Letter dated 22 December 2020 from the Permanent Representative addressed to the Secretary-General",
        "I have the honour to transmit the joint statement (see annex).",
        "I should be grateful if the letter could be circulated.",
        "(Signed) Bakhtiyor Ibragimov\nPermanent Representative",
        "Annex to the letter dated 22 December 2020",
        "[Original: Russian]",
        "Joint statement of the Heads of State",
        "The Heads of State note the progress made.",
      ].join("\n\n");
      const draft = importDraftText(source, ImportFormat.text);
      expect(draft.title).toBe("Letter dated 22 December 2020 from the Permanent Representative addressed to the Secretary-General");
      expect(outline(draft.doc)).toEqual([
        "pre Agenda item 98",
        "pre I have the honour to transmit the joint statement (see annex).",
        "pre I should be grateful if the letter could be circulated.",
        "pre (Signed) Bakhtiyor Ibragimov Permanent Representative",
        "h1 Annex to the letter dated 22 December 2020",
        "pre [Original: Russian]",
        "h2 Joint statement of the Heads of State",
        "p The Heads of State note the progress made.",
      ]);
    });

    it("reads a dateline before the body and a name, place and date after it as front matter", () => {
      expect(text("Submitted by\n\nCuba\n\nThe Group agrees.\n\nJuan Fernández González\n\nLa Habana, 12 December 2016")).toEqual([
        "pre Submitted by",
        "pre Cuba",
        "p The Group agrees.",
        "pre Juan Fernández González",
        "pre La Habana, 12 December 2016",
      ]);
    });

    it("keeps a short last line that is no name or date as a paragraph", () => {
      expect(text("The Group agrees.\n\nNoting")).toEqual(["p The Group agrees.", "p Noting"]);
    });
  });

  describe("checking its input", () => {
    it("refuses an empty or blank source", () => {
      expect(() => importDraftText("", ImportFormat.text)).toThrow(ImportRefusal);
      expect(() => importDraftText(" \n\t\n", ImportFormat.markdown)).toThrow("The file is empty.");
    });

    it("refuses a source holding only rules and footnote definitions", () => {
      expect(() => importDraftText("---\n\n[^1]: A note.", ImportFormat.markdown)).toThrow(/no text/);
    });

    it("refuses a source over the size limit, naming its size", () => {
      const source = "a".repeat(MAX_IMPORT_BYTES + 1);
      expect(() => importDraftText(source, ImportFormat.text)).toThrow("The file is 5.1 MB; the largest accepted is 5 MB.");
    });

    it("counts the limit in UTF-8 bytes, not characters", () => {
      const source = "é".repeat(MAX_IMPORT_BYTES / 2 + 1);
      expect(() => importDraftText(source, ImportFormat.text)).toThrow(ImportRefusal);
    });

    it("refuses an unknown format, naming it", () => {
      expect(() => importDraftText("Text.", "docx" as ImportFormat)).toThrow(/"docx"/);
    });

    it("gives a source holding only a title one empty paragraph", () => {
      const draft = importDraftText("# Title only", ImportFormat.markdown);
      expect(draft.title).toBe("Title only");
      expect(withoutPids(draft.doc).toJSON()).toEqual(doc(p()).toJSON());
    });
  });

  it("gives every block a unique pid", () => {
    const draft = importDraftText("# T\n\n## H\n\nSame.\n\nSame.\n\n- (a) x\n- (b) x", ImportFormat.markdown);
    const pids: unknown[] = [];
    draft.doc.forEach((block) => pids.push(block.attrs.pid));
    expect(pids.every((pid) => typeof pid === "string")).toBe(true);
    expect(new Set(pids).size).toBe(pids.length);
  });
});
