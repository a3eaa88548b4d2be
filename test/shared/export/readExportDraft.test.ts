/**
 * The export model read from both rooms: UN numbers, runs with emphasis, footnotes numbered across
 * the draft, brackets grouping alternatives, deletions, added paragraphs, orphans, reservations,
 * comments, and every proposal (decided ones too) listed under its block.
 */
import * as Y from "yjs";
import { ProposalDecisionKind, ProposalKind, StanceKind } from "../../../schemas/records";
import { addComment } from "../../../shared/comments/commentThreads";
import { setStance } from "../../../shared/consensus/stanceWrites";
import { MetaKey, TextRoot } from "../../../shared/documentLayout";
import { ExportView, type BracketRun, type ExportBlock, type ParagraphBlock } from "../../../shared/export/exportModel";
import { readExportDraft } from "../../../shared/export/readExportDraft";
import { rejectProposal } from "../../../shared/proposals/clearProposal";
import { propose, supportProposal, withdrawProposal } from "../../../shared/proposals/proposeChange";
import { textBlocks } from "../../../shared/text/blockText";
import { deleteWords } from "../../../shared/text/editBlock";
import { doc, em, fn, h, item, p, pre, strong } from "../../support/dsl";
import { pidAt, secondsApart, wordSpan, yDraft } from "../../support/yDraft";

const FIRST = "States should promote an open, secure and peaceful ICT environment.";
const SECOND = "The Group recalled resolution 73/27\uFFFC and the reports of the Groups.";

function draft() {
  const ydoc = yDraft(
    doc(
      h(1, "A. Introduction"),
      p("States should promote an ", em("open"), ", secure and peaceful ICT environment."),
      p("The Group recalled resolution 73/27", fn("A/RES/73/27."), " and the reports of the ", strong("Groups"), "."),
      item(1, "confidence-building measures at the regional level;"),
      item(2, "at the subregional level", fn("See annex.")),
      p("States noted proposals for a legally binding instrument."),
    ),
  );
  const meta = ydoc.getMap(TextRoot.meta);
  meta.set(MetaKey.title, "Pre-draft report");
  meta.set(MetaKey.symbol, "A/AC.292/2025/CRP.1");
  meta.set(MetaKey.language, "es");
  return ydoc;
}

const options = (view: ExportView) => ({ draftId: "draft1", view, exportedAt: "2025-03-03T10:00:00.000Z" });
const paragraph = (blocks: ExportBlock[], number: string) => blocks.find((block): block is ParagraphBlock => block.type === "paragraph" && block.number === number)!;
const brackets = (block: ParagraphBlock) => block.runs.filter((run): run is BracketRun => run.type === "bracket");

describe("the export model", () => {
  it("numbers paragraphs and sub-items as the UN prints them and keeps headings unnumbered", () => {
    const model = readExportDraft(draft(), null, options(ExportView.clean));
    expect(model.meta).toEqual({ title: "Pre-draft report", symbol: "A/AC.292/2025/CRP.1", revision: null, language: "es" });
    expect(model.blocks.map((block) => (block.type === "paragraph" ? block.number : block.type === "subitem" ? block.label : block.type))).toEqual(["heading", "1", "2", "(a)", "(i)", "3"]);
    expect(model.blocks.every((block) => block.type === "added" || block.pid !== "")).toBe(true);
  });

  it("leaves preamble unnumbered and numbers the paragraphs after it from 1", () => {
    const model = readExportDraft(yDraft(doc(pre("[Original: Russian]"), p("The Heads of State met."), item(1, "in Astana;"))), null, options(ExportView.clean));
    expect(model.blocks.map((block) => [block.type, block.type === "paragraph" ? block.number : block.type === "subitem" ? block.label : null])).toEqual([
      ["preamble", null],
      ["paragraph", "1"],
      ["subitem", "(a)"],
    ]);
  });

  it("reads the chair's emphasis as runs and numbers footnotes across the whole draft", () => {
    const model = readExportDraft(draft(), null, options(ExportView.clean));
    expect(paragraph(model.blocks, "1").runs).toEqual([
      { type: "words", text: "States should promote an ", marks: [] },
      { type: "words", text: "open", marks: ["em"] },
      { type: "words", text: ", secure and peaceful ICT environment.", marks: [] },
    ]);
    expect(paragraph(model.blocks, "2").runs).toContainEqual({ type: "footnote", number: 1, text: "A/RES/73/27." });
    expect(paragraph(model.blocks, "2").runs).toContainEqual({ type: "words", text: "Groups", marks: ["strong"] });
    const subSub = model.blocks[4]!;
    expect(subSub.type !== "added" && subSub.runs.at(-1)).toEqual({ type: "footnote", number: 2, text: "See annex." });
  });

  it("draws open proposals on the same words as one bracket of alternatives with their sponsors, only in the bracketed view", () => {
    const ydoc = draft();
    const clock = secondsApart();
    const cuba = propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "open"), text: "free" }, clock());
    const salvador = propose(ydoc, "SLV", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "open"), text: "inclusive" }, clock());
    supportProposal(ydoc, "UZB", salvador);
    propose(ydoc, "UZB", { kind: ProposalKind.insert, pid: pidAt(ydoc, 1), at: wordSpan(FIRST, "peaceful").to, text: " and cooperative" }, clock());

    const bracketed = paragraph(readExportDraft(ydoc, null, options(ExportView.bracketed)).blocks, "1");
    const [alternatives, insertion] = brackets(bracketed);
    expect(alternatives!.words).toEqual([{ type: "words", text: "open", marks: ["em"] }]);
    expect(alternatives!.proposals.map((proposal) => [proposal.key, proposal.altLabel, proposal.sponsors, proposal.text])).toEqual([
      [cuba, "Alt 1", ["CUB"], "free"],
      [salvador, "Alt 2", ["SLV", "UZB"], "inclusive"],
    ]);
    expect(insertion!.words).toEqual([]);
    expect(insertion!.proposals[0]).toMatchObject({ kind: ProposalKind.insert, sponsors: ["UZB"], text: " and cooperative" });
    expect(bracketed.runs[0]).toEqual({ type: "words", text: "States should promote an ", marks: [] });

    const clean = paragraph(readExportDraft(ydoc, null, options(ExportView.clean)).blocks, "1");
    expect(brackets(clean)).toEqual([]);
    expect(clean.proposals.map((proposal) => proposal.key)).toEqual([cuba, salvador, expect.any(String)]);
  });

  it("keeps a footnote inside proposed words out of the bracket, right after it", () => {
    const ydoc = draft();
    propose(ydoc, "CUB", { kind: ProposalKind.delete, pid: pidAt(ydoc, 2), ...wordSpan(SECOND, "73/27\uFFFC and") }, new Date(Date.UTC(2025, 0, 1)));
    const runs = paragraph(readExportDraft(ydoc, null, options(ExportView.bracketed)).blocks, "2").runs;
    const at = runs.findIndex((run) => run.type === "bracket");
    expect(runs[at]).toMatchObject({ words: [{ text: "73/27" }, { text: " and" }] });
    expect(runs[at + 1]).toEqual({ type: "footnote", number: 1, text: "A/RES/73/27." });
  });

  it("marks a bracket whose words overlap an earlier one as detached, after the block's words", () => {
    const ydoc = draft();
    const clock = secondsApart();
    propose(ydoc, "CUB", { kind: ProposalKind.delete, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "open, secure") }, clock());
    propose(ydoc, "SLV", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "secure and"), text: "safe and" }, clock());
    const runs = paragraph(readExportDraft(ydoc, null, options(ExportView.bracketed)).blocks, "1").runs;
    expect(runs.at(-1)).toMatchObject({ type: "bracket", detached: true, words: [{ text: "secure and" }] });
    expect(runs.at(-2)).toEqual({ type: "words", text: " and peaceful ICT environment.", marks: [] });
  });

  it("lists deletions of whole paragraphs, adds proposed paragraphs as bis after the sub-items, and reports orphans", () => {
    const ydoc = draft();
    const clock = secondsApart();
    const deletion = propose(ydoc, "UZB", { kind: ProposalKind.deleteParagraph, pid: pidAt(ydoc, 5) }, clock());
    const added = propose(ydoc, "SLV", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 2), text: "States stressed the digital divide." }, clock());
    const orphan = propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 3), ...wordSpan("confidence-building measures at the regional level;", "at the regional level"), text: "at all levels" }, clock());
    const block = textBlocks(ydoc.getXmlFragment(TextRoot.content))[3]!;
    ydoc.transact(() => deleteWords(block.element, block.text.indexOf(" at the regional level"), block.text.indexOf(";")));

    const model = readExportDraft(ydoc, null, options(ExportView.bracketed));
    expect(model.blocks.map((block) => block.type)).toEqual(["heading", "paragraph", "paragraph", "subitem", "subitem", "added", "paragraph"]);
    expect(model.blocks[5]).toMatchObject({ type: "added", number: "2 bis", proposal: { key: added, sponsors: ["SLV"], text: "States stressed the digital divide." } });
    expect(paragraph(model.blocks, "3").deletions.map((proposal) => proposal.key)).toEqual([deletion]);
    expect(model.orphans).toEqual([{ proposal: expect.objectContaining({ key: orphan, place: null }), quote: "at the regional level" }]);
    expect(model.blocks[3]!.type !== "added" && model.blocks[3]!.proposals.map((proposal) => proposal.key)).toEqual([orphan]);

    const clean = readExportDraft(ydoc, null, options(ExportView.clean));
    expect(clean.blocks.some((block) => block.type === "added")).toBe(false);
    expect(clean.orphans).toEqual([]);
  });

  it("lists under each block every proposal on it, decided and withdrawn ones with their state, for the compilation", () => {
    const ydoc = draft();
    const clock = secondsApart();
    const rejected = propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "secure"), text: "safe" }, clock());
    const withdrawn = propose(ydoc, "SLV", { kind: ProposalKind.insert, pid: pidAt(ydoc, 1), at: 0, text: "All " }, clock());
    const added = propose(ydoc, "UZB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 1), text: "A new one." }, clock());
    rejectProposal(ydoc, rejected, "No support", clock());
    withdrawProposal(ydoc, "SLV", withdrawn, clock());

    const model = readExportDraft(ydoc, null, options(ExportView.compilation));
    const first = paragraph(model.blocks, "1");
    expect(first.proposals.map((proposal) => [proposal.key, proposal.decision, proposal.withdrawn])).toEqual([
      [withdrawn, null, true],
      [rejected, ProposalDecisionKind.rejected, false],
      [added, null, false],
    ]);
    expect(first.proposals[1]).toMatchObject({ quote: "secure", decisionRecord: { decision: "rejected", note: "No support" }, place: { pid: pidAt(ydoc, 1), ...wordSpan(FIRST, "secure") } });
    expect(brackets(first)).toEqual([]);
    expect(model.blocks.some((block) => block.type === "added")).toBe(false);
  });

  it("reads reservations and open comment threads from the floor room, and nothing of it without one", () => {
    const ydoc = draft();
    const floor = new Y.Doc();
    setStance(floor, "SLV", pidAt(ydoc, 1), StanceKind.reserve, "Pending instructions from capital", new Date(Date.UTC(2025, 0, 1)));
    setStance(floor, "CUB", pidAt(ydoc, 1), StanceKind.object, "Too weak", new Date(Date.UTC(2025, 0, 1)));
    addComment(floor, "UZB", { pid: pidAt(ydoc, 1) }, "Could we say *safe*?", new Date(Date.UTC(2025, 0, 2)));

    const first = paragraph(readExportDraft(ydoc, floor, options(ExportView.bracketed)).blocks, "1");
    expect(first.reservations).toEqual([{ state: "SLV", reason: "Pending instructions from capital" }]);
    expect(first.comments).toEqual([{ author: "UZB", body: "Could we say *safe*?", at: "2025-01-02T00:00:00.000Z", quote: null, replies: [] }]);
    const unseen = paragraph(readExportDraft(ydoc, null, options(ExportView.bracketed)).blocks, "1");
    expect([unseen.reservations, unseen.comments]).toEqual([[], []]);
  });

  it("keeps proposals whose paragraph is gone among the unplaced, in every view", () => {
    const ydoc = draft();
    const key = propose(ydoc, "CUB", { kind: ProposalKind.deleteParagraph, pid: pidAt(ydoc, 5) }, new Date(Date.UTC(2025, 0, 1)));
    const content = ydoc.getXmlFragment(TextRoot.content);
    content.delete(5, 1);
    const model = readExportDraft(ydoc, null, options(ExportView.clean));
    expect(model.unplaced.map((proposal) => proposal.key)).toEqual([key]);
  });
});
