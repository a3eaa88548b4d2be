import { ProposalDecisionKind, ProposalKind } from "../../../../schemas/records";
import { writeCompilationDocx } from "../../../../server/export/docx/writeCompilationDocx";
import { writeDocx } from "../../../../server/export/docx/writeDocx";
import {
  added,
  bracket,
  detachedBracket,
  exportDraft,
  heading,
  note,
  para,
  paraWith,
  proposal,
  reservation,
  subitem,
  thread,
  words,
} from "../../../support/exportDsl";
import { readZipEntry } from "../../../support/readZip";

const { insert, replace, delete: remove, newParagraph, deleteParagraph } = ProposalKind;

/** The parts of a written .docx that the tests read. */
async function parts(file: Promise<Buffer>) {
  const zip = await file;
  const entry = (name: string) => {
    try {
      return readZipEntry(zip, name);
    } catch {
      return "";
    }
  };
  return {
    document: entry("word/document.xml"),
    comments: entry("word/comments.xml"),
    footnotes: entry("word/footnotes.xml"),
    header: entry("word/header1.xml"),
    styles: entry("word/styles.xml"),
    settings: entry("word/settings.xml"),
  };
}

/** The text of every `w:ins` (or `w:del`) by `author`, in order. */
function changes(xml: string, tag: "ins" | "del", author: string): string[] {
  const found: string[] = [];
  const pattern = new RegExp(`<w:${tag} [^>]*w:author="${author.replace(/[()]/g, "\\$&")}"[^>]*>([\\s\\S]*?)</w:${tag}>`, "g");
  for (const match of xml.matchAll(pattern)) found.push([...match[1]!.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((text) => text[1]).join(""));
  return found;
}

/** The words of the paragraphs of a part, one string per paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((text) => text[1]).join(""));
}

const walkthroughLike = (view: "clean" | "bracketed") =>
  exportDraft(view, [
    heading(1, "A. Introduction"),
    para("1", "The Group met in ", words("New York", "em"), ".", note(1, "See A/75/816.")),
    paraWith(
      "2",
      { reservations: [reservation("CUB", "The paragraph prejudges the outcome.")], comments: [thread("SLV", "We support adding resilience.", "secure", ["chair", "Noted."])] },
      "An ",
      bracket("open, secure, stable", proposal(replace, ["CUB", "SLV"], "open, secure, stable and resilient")),
      " ICT environment.",
    ),
    para(
      "3",
      "States should ",
      bracket("promote", proposal(replace, "CUB", "advance", { altLabel: "Alt 1" }), proposal(replace, "UZB", "uphold", { altLabel: "Alt 2" })),
      " norms",
      bracket("", proposal(insert, "SLV", " of responsible behaviour")),
      " and ",
      bracket("never ", proposal(remove, "UZB")),
      "stop.",
    ),
    added("3 bis", proposal(newParagraph, ["UZB", "CUB"], "A new paragraph on capacity-building.")),
    paraWith("4", { deletions: [proposal(deleteParagraph, "SLV")] }, "The Group singles out military capabilities.", note(2, "A note on 4.")),
    subitem(1, "(a)", "first item;"),
  ]);

describe("writeDocx, bracketed", () => {
  it("writes a replacement as the state's deletion of the chair's words and its insertion of its own", async () => {
    const { document } = await parts(writeDocx(walkthroughLike("bracketed")));
    // The comment on "secure" cuts the deletion in three, all by Cuba.
    expect(changes(document, "del", "Cuba (CUB)").join("")).toContain("open, secure, stable");
    expect(changes(document, "ins", "Cuba (CUB)")).toContain("open, secure, stable and resilient");
  });

  it("writes each alternative as an insertion by its sponsor, with a comment naming the alternatives", async () => {
    const { document, comments } = await parts(writeDocx(walkthroughLike("bracketed")));
    expect(changes(document, "ins", "Cuba (CUB)")).toContain("advance");
    expect(changes(document, "ins", "Uzbekistan (UZB)")).toContain("uphold");
    expect(changes(document, "del", "Cuba (CUB)")).toContain("promote");
    expect(comments).toContain("Alt 1 — Cuba (CUB): replace “promote” with “advance”");
    expect(comments).toContain("Alt 2 — Uzbekistan (UZB): replace “promote” with “uphold”");
  });

  it("names the co-sponsors of a proposal in a comment on it", async () => {
    const { comments } = await parts(writeDocx(walkthroughLike("bracketed")));
    expect(comments).toContain("Cuba (CUB), co-sponsored by El Salvador (SLV): replace “open, secure, stable” with “open, secure, stable and resilient”");
  });

  it("writes an insertion and a deletion of words by their states", async () => {
    const { document } = await parts(writeDocx(walkthroughLike("bracketed")));
    expect(changes(document, "ins", "El Salvador (SLV)")).toContain(" of responsible behaviour");
    expect(changes(document, "del", "Uzbekistan (UZB)")).toContain("never ");
  });

  it("writes a proposed paragraph as an inserted paragraph, its mark included, numbered 3 bis", async () => {
    const { document, comments } = await parts(writeDocx(walkthroughLike("bracketed")));
    const paragraph = document.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*3 bis[\s\S]*?<\/w:p>/)![0];
    expect(paragraph).toMatch(/<w:pPr>[\s\S]*<w:rPr><w:ins [^>]*w:author="Uzbekistan \(UZB\)"/);
    expect(changes(paragraph, "ins", "Uzbekistan (UZB)")).toEqual(["3 bis.\tA new paragraph on capacity-building."]);
    expect(comments).toContain("Uzbekistan (UZB), co-sponsored by Cuba (CUB): add a paragraph: “A new paragraph on capacity-building.”");
  });

  it("writes a paragraph proposed for deletion as deleted runs, its number and mark included", async () => {
    const { document } = await parts(writeDocx(walkthroughLike("bracketed")));
    expect(changes(document, "del", "El Salvador (SLV)")).toEqual(["4.\t", "The Group singles out military capabilities.", ""]);
    expect(document).toMatch(/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:rPr><w:del [^>]*w:author="El Salvador \(SLV\)"[^>]*\/>(?:(?!<w:p>)[\s\S])*4\.\t/);
    expect(paragraphs(document)).toContain("4.\tThe Group singles out military capabilities.");
    // Its footnote goes with it.
    expect(document).toMatch(/<w:del [^>]*w:author="El Salvador \(SLV\)"[^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="\d+"\/><\/w:r><\/w:del>/);
  });

  it("writes reservations as footnotes beside the chair's own", async () => {
    const { footnotes } = await parts(writeDocx(walkthroughLike("bracketed")));
    expect(paragraphs(footnotes)).toEqual(expect.arrayContaining(["See A/75/816.", "Reservation by Cuba: The paragraph prejudges the outcome."]));
  });

  it("writes a comment thread as Word comments on its quoted words, the reply threaded under it", async () => {
    const { document, comments } = await parts(writeDocx(walkthroughLike("bracketed")));
    expect(comments).toMatch(/w:author="El Salvador \(SLV\)"[\s\S]*We support adding resilience\./);
    expect(comments).toMatch(/w:author="Chair"[\s\S]*Noted\./);
    const threadId = /<w:comment w:id="(\d+)"[^>]* w:author="El Salvador \(SLV\)"/.exec(comments)![1];
    const range = new RegExp(`<w:commentRangeStart w:id="${threadId}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${threadId}"/>`).exec(document)![1]!;
    expect(paragraphs(`<w:p>${range}</w:p>`)[0]).toBe("secure");
    // LibreOffice drops a comment whose reference is not inside a run.
    expect(document).toMatch(new RegExp(`<w:r>(?:<w:rPr>[\\s\\S]*?</w:rPr>)?<w:commentReference w:id="${threadId}"/></w:r>`));
  });

  it("numbers footnotes 1…n and comments after them, as LibreOffice needs to read each footnote's own words", async () => {
    const { document } = await parts(writeDocx(walkthroughLike("bracketed")));
    const ids = (tag: string) => [...document.matchAll(new RegExp(`<w:${tag} w:id="(-?\\d+)"`, "g"))].map((match) => Number(match[1]));
    const footnotes = ids("footnoteReference");
    const comments = ids("commentReference");
    expect(footnotes.length).toBeGreaterThan(1);
    expect(comments.length).toBeGreaterThan(1);
    expect(footnotes).toEqual(footnotes.map((_id, index) => index + 1));
    for (const id of comments) expect(id).toBeGreaterThan(footnotes.length);
  });

  it("starts a new paragraph of a comment at each line break its author typed", async () => {
    const draft = exportDraft("bracketed", [paraWith("1", { comments: [thread("SLV", "First line.\nSecond line.")] }, "Text.")]);
    expect(paragraphs((await parts(writeDocx(draft))).comments)).toEqual(["First line.", "Second line."]);
  });

  it("opens a comment on an empty paragraph before it closes it", async () => {
    const draft = exportDraft("bracketed", [paraWith("1", { comments: [thread("SLV", "Why is this empty?")] })]);
    const { document } = await parts(writeDocx(draft));
    expect(document).toMatch(/<w:commentRangeStart w:id="(\d+)"\/><w:commentRangeEnd w:id="\1"\/>/);
  });

  it("keeps the chair's emphasis and numbers paragraphs and sub-items as text on a hanging indent", async () => {
    const { document } = await parts(writeDocx(walkthroughLike("bracketed")));
    expect(document).toMatch(/<w:i\/>[\s\S]*?<w:t[^>]*>New York</);
    expect(paragraphs(document)).toContain("1.\tThe Group met in New York.");
    expect(paragraphs(document)).toContain("(a)\tfirst item;");
    expect(document).toMatch(/<w:ind w:left="567" w:hanging="567"\/>/);
  });

  it("lists open proposals whose words are gone after the text", async () => {
    const orphaned = exportDraft("bracketed", [para("1", "Text.")], {}, [{ proposal: proposal(remove, "CUB"), quote: "lost words" }]);
    const { document } = await parts(writeDocx(orphaned));
    expect(paragraphs(document)).toEqual(expect.arrayContaining(["Proposals whose words are no longer in the text", "Cuba (CUB): delete “lost words”"]));
  });

  it("writes a bracket overlapping another as a comment by its state on its words, not a second change of them", async () => {
    const draft = exportDraft("bracketed", [
      para("1", "States ", bracket("should promote", proposal(replace, "CUB", "must advance")), " norms.", detachedBracket("promote norms", proposal(remove, "UZB"))),
    ]);
    const { document, comments } = await parts(writeDocx(draft));
    expect(changes(document, "del", "Uzbekistan (UZB)")).toEqual([]);
    expect(comments).toMatch(/w:author="Uzbekistan \(UZB\)"[^>]*>[\s\S]*Uzbekistan \(UZB\): delete “promote norms”/);
    expect(paragraphs(document)).toContain("1.\tStates should promotemust advance norms.");
    const range = /<w:commentRangeStart w:id="(\d+)"\/>([\s\S]*?)<w:commentRangeEnd w:id="\1"\/>/.exec(document)![2]!;
    expect(paragraphs(`<w:p>${range}</w:p>`)[0]).toBe("promotemust advance norms");
  });

  it("leaves out characters XML forbids, wherever people typed them, so Word can open the file", async () => {
    const hostile = "bad\uFFFF\u0001\uFFFEwords";
    const draft = exportDraft("bracketed", [
      paraWith("1", { comments: [thread("SLV", hostile)], reservations: [reservation("CUB", hostile)] }, hostile, bracket("", proposal(insert, "CUB", hostile)), note(1, hostile)),
    ]);
    const xml = await parts(writeDocx(draft));
    for (const part of [xml.document, xml.comments, xml.footnotes]) {
      expect(part).toContain("badwords");
      expect(part).not.toMatch(/[\uFFFE\uFFFF\u0001]/);
    }
  });

  it("dates changes to the second, as Word writes them, and still writes a comment with no time at all", async () => {
    const undated = { ...thread("SLV", "Undated."), at: "not a time" };
    const draft = exportDraft("bracketed", [paraWith("1", { comments: [undated] }, bracket("", proposal(insert, "CUB", "x", { createdAt: "2025-01-01T10:00:00.123Z" })))]);
    const { document, comments } = await parts(writeDocx(draft));
    expect(document).toMatch(/<w:ins [^>]*w:date="2025-01-01T10:00:00Z"/);
    expect(paragraphs(comments)).toEqual(["Undated."]);
  });

  it("refuses a paragraph-level proposal inside a bracket of words, naming it", async () => {
    const bad = exportDraft("bracketed", [para("1", bracket("x", proposal(newParagraph, "CUB", "y", { key: "CUB:bad" })))]);
    await expect(writeDocx(bad)).rejects.toThrow("CUB:bad");
  });
});

describe("writeDocx, clean", () => {
  it("has no tracked change and no comment, and leaves proposed paragraphs out", async () => {
    const { document, comments } = await parts(writeDocx(walkthroughLike("clean")));
    expect(document).not.toMatch(/<w:(ins|del)\b/);
    expect(comments).not.toMatch(/<w:comment\b/);
    expect(document).not.toContain("3 bis");
    expect(paragraphs(document)).toEqual(
      expect.arrayContaining([
        "2.\tAn open, secure, stable ICT environment.",
        "3.\tStates should promote norms and never stop.",
        "4.\tThe Group singles out military capabilities.",
      ]),
    );
  });

  it("writes footnotes as real Word footnotes and the symbol and revision in the header", async () => {
    const { document, footnotes, header } = await parts(writeDocx(walkthroughLike("clean")));
    expect(document).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(paragraphs(footnotes)).toContain("See A/75/816.");
    expect(paragraphs(header)).toEqual(["A/AC.292/2025/CRP.1", "Zero draft"]);
  });

  it("sets the document's language from the draft's", async () => {
    const { styles } = await parts(writeDocx(exportDraft("clean", [para("1", "Texte.")], { language: "fr" })));
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="fr"\/>/);
  });
});

describe("writeDocx, an Arabic draft", () => {
  const arabic = exportDraft(
    "bracketed",
    [para("1", "يرحب الفريق ", bracket("", proposal(insert, "EGY", "بالتقدم ")), "المحرز.")],
    { language: "ar", title: "مشروع التقرير", symbol: "A/AC.292/2025/CRP.1" },
  );

  it("lays every paragraph out right to left, its runs too, in Arabic", async () => {
    const { document, styles, header } = await parts(writeDocx(arabic));
    const bodyParagraphs = [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((p) => p[0]);
    for (const paragraph of bodyParagraphs) expect(paragraph).toContain("<w:bidi/>");
    expect(document).toMatch(/<w:rtl\/>[\s\S]*?<w:t[^>]*>يرحب الفريق </);
    expect(changes(document, "ins", "Egypt (EGY)")).toEqual(["بالتقدم "]);
    expect(styles).toMatch(/<w:lang w:val="ar" w:bidi="ar"\/>/);
    expect(header).toContain("<w:bidi/>");
  });
});

describe("writeCompilationDocx", () => {
  it("lists every proposal under its paragraph by state, with co-sponsors, alternatives and decisions", async () => {
    const accepted = proposal(insert, "SLV", " firmly", { decision: ProposalDecisionKind.accepted });
    const draft = exportDraft("compilation", [
      paraWith("1", { proposals: [accepted] }, "The Group firmly agreed."),
      para("2", "States should ", bracket("promote", proposal(replace, ["CUB", "SLV"], "advance", { altLabel: "Alt 1" }), proposal(replace, "UZB", "uphold", { altLabel: "Alt 2" })), " norms."),
      para("3", "Nothing proposed here."),
      paraWith("4", { proposals: [proposal(newParagraph, "UZB", "New words.", { addedLabel: "4 bis", withdrawn: true })] }, "Last."),
    ], {}, [], [proposal(remove, "CUB", null, { quote: "gone words", decision: ProposalDecisionKind.rejected })]);
    const { document } = await parts(writeCompilationDocx(draft));
    expect(document).not.toMatch(/<w:(ins|del)\b/);
    expect(paragraphs(document)).toEqual([
      "Pre-draft report of the Open-ended Working Group",
      "Compilation of proposals",
      "1.\tThe Group firmly agreed.",
      "El Salvador (SLV): insert “ firmly” (accepted)",
      "2.\tStates should promote norms.",
      "Alt 1 — Cuba (CUB), co-sponsored by El Salvador (SLV): replace “promote” with “advance”",
      "Alt 2 — Uzbekistan (UZB): replace “promote” with “uphold”",
      "3.\tNothing proposed here.",
      "4.\tLast.",
      "Uzbekistan (UZB): add paragraph 4 bis: “New words.” (withdrawn)",
      "Proposals on paragraphs no longer in the text",
      "Cuba (CUB): delete “gone words” (rejected)",
    ]);
  });

  it("is what writeDocx writes for the compilation view", async () => {
    const draft = exportDraft("compilation", [para("1", bracket("x", proposal(remove, "CUB")))]);
    expect(paragraphs((await parts(writeDocx(draft))).document)).toContain("Cuba (CUB): delete “x”");
  });
});
