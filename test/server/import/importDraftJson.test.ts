/**
 * The JSON interchange: the export validates against `schemas/draft.schema.json`, import reads it
 * back (acceptance 4: export → import → export is identical for random drafts with proposals, so
 * pids, text, marks, footnotes, proposals, supports and decisions survive), and a broken or hostile
 * file is refused (an `ImportRefusal` naming the field) before anything is written.
 */
import fc from "fast-check";
import type { Node as PMNode } from "prosemirror-model";
import { prosemirrorToYXmlFragment } from "y-prosemirror";
import * as Y from "yjs";
import { checkDraftJson } from "../../../schemas/draftJson";
import { ProposalKind } from "../../../schemas/records";
import { initialTextUpdate } from "../../../server/drafts/Drafts";
import { importDraftJson } from "../../../server/import/importDraftJson";
import { ImportRefusal, ImportRefusalId } from "../../../server/import/ImportRefusal";
import { MAX_IMPORT_BYTES } from "../../../server/import/importDraftText";
import { DecisionPrefix, MetaKey, TextRoot } from "../../../shared/documentLayout";
import { ExportView } from "../../../shared/export/exportModel";
import { readExportDraft } from "../../../shared/export/readExportDraft";
import { writeJson } from "../../../shared/export/writeJson";
import { acceptProposal, rejectProposal, setAsideProposal } from "../../../shared/proposals/clearProposal";
import { propose, supportProposal, withdrawProposal, type ProposalInput } from "../../../shared/proposals/proposeChange";
import { textBlocks } from "../../../shared/text/blockText";
import { doc, em, fn, h, item, p, pre, strong } from "../../support/dsl";
import { walkthroughDraft } from "../../support/walkthroughDraft";
import { secondsApart, yDraft } from "../../support/yDraft";

const STATES = ["CUB", "SLV", "UZB"];
const WORDS = ["ICT ", "security", " and ", "peace", "States", ", ", "the Group ", "norms", "."];
const OPTIONS = { draftId: "d1", view: ExportView.clean, exportedAt: "2025-03-04T09:00:00.000Z" };

const exportJson = (textDoc: Y.Doc) => writeJson(readExportDraft(textDoc, null, OPTIONS));

/** A new `text` room holding what `json` imports into. */
function imported(json: string): Y.Doc {
  const draft = importDraftJson(json);
  const textDoc = new Y.Doc();
  prosemirrorToYXmlFragment(draft.doc, textDoc.getXmlFragment(TextRoot.content));
  draft.writeRecords(textDoc);
  return textDoc;
}

const piece = fc.oneof(
  fc.record({ kind: fc.constant("words" as const), text: fc.constantFrom(...WORDS), mark: fc.constantFrom("none", "em", "strong") }),
  fc.record({ kind: fc.constant("footnote" as const), text: fc.constantFrom("", "A/RES/73/27.", "See annex <b>&</b>.") }),
);
const block = fc.record({ type: fc.constantFrom("heading", "paragraph", "paragraph", "subitem", "preamble"), level: fc.constantFrom(1, 2), pieces: fc.array(piece, { maxLength: 5 }) });
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const proposal = fc.record({
  state: fc.nat(STATES.length - 1),
  kind: fc.constantFrom(...Object.values(ProposalKind)),
  block: fraction,
  from: fraction,
  length: fc.nat(12),
  text: fc.constantFrom(...WORDS),
  cosponsors: fc.subarray(STATES),
  fate: fc.constantFrom("open", "open", "accept", "reject", "setAside", "withdraw"),
});
const draftShape = fc.record({
  blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
  proposals: fc.array(proposal, { maxLength: 8 }),
  agreed: fc.subarray([0, 1, 2]),
  symbol: fc.constantFrom(null, "A/AC.292/2025/CRP.1"),
});

type DraftShape = typeof draftShape extends fc.Arbitrary<infer Shape> ? Shape : never;

function buildDraft(shape: DraftShape): Y.Doc {
  const blocks: PMNode[] = shape.blocks.map(({ type, level, pieces }) => {
    const content = pieces.map((one) => (one.kind === "footnote" ? fn(one.text) : one.mark === "em" ? em(one.text) : one.mark === "strong" ? strong(one.text) : one.text));
    return type === "heading" ? h(level, ...content) : type === "subitem" ? item(level as 1 | 2, ...content) : type === "preamble" ? pre(...content) : p(...content);
  });
  const textDoc = yDraft(doc(...blocks));
  const meta = textDoc.getMap(TextRoot.meta);
  meta.set(MetaKey.title, "Random <draft> & co");
  if (shape.symbol) meta.set(MetaKey.symbol, shape.symbol);
  const clock = secondsApart();
  for (const made of shape.proposals) {
    const current = textBlocks(textDoc.getXmlFragment(TextRoot.content));
    const target = current[Math.floor(made.block * current.length)];
    if (!target) continue;
    const from = Math.floor(made.from * (target.text.length + 1));
    const to = Math.min(target.text.length, from + Math.max(1, made.length));
    const state = STATES[made.state]!;
    let input: ProposalInput;
    switch (made.kind) {
      case ProposalKind.insert:
        input = { kind: made.kind, pid: target.pid!, at: from, text: made.text };
        break;
      case ProposalKind.delete:
      case ProposalKind.replace:
        if (from >= to) continue;
        input = made.kind === ProposalKind.delete ? { kind: made.kind, pid: target.pid!, from, to } : { kind: made.kind, pid: target.pid!, from, to, text: made.text };
        break;
      case ProposalKind.newParagraph:
        input = { kind: made.kind, after: target.pid!, text: made.text };
        break;
      case ProposalKind.deleteParagraph:
        input = { kind: made.kind, pid: target.pid! };
        break;
      default:
        continue;
    }
    const key = propose(textDoc, state, input, clock());
    for (const cosponsor of made.cosponsors) if (cosponsor !== state) supportProposal(textDoc, cosponsor, key);
    try {
      if (made.fate === "accept") acceptProposal(textDoc, key, clock());
      if (made.fate === "reject") rejectProposal(textDoc, key, "No consensus", clock());
      if (made.fate === "setAside") setAsideProposal(textDoc, key, undefined, clock());
    } catch {
      // An alternative accepted earlier may already have set this one aside: it stays as it is.
    }
    if (made.fate === "withdraw") withdrawProposal(textDoc, state, key, clock());
  }
  const pids = textBlocks(textDoc.getXmlFragment(TextRoot.content)).map((one) => one.pid!);
  for (const index of shape.agreed) if (pids[index]) textDoc.getMap(TextRoot.decisions).set(`${DecisionPrefix.agreed}${pids[index]}`, { at: "2025-02-01T00:00:00.000Z", fingerprint: `f${index}abc` });
  return textDoc;
}

describe("the JSON interchange", () => {
  it("exports the walkthrough's draft in the shape its JSON Schema describes", () => {
    const { text } = walkthroughDraft();
    const json = JSON.parse(exportJson(text));
    expect(checkDraftJson(json)).toEqual({ ok: true, draft: json });
    expect(json.proposals).toHaveLength(8);
    expect(json.proposals.find((one: { sponsors: string[] }) => one.sponsors.join() === "SLV,CUB,UZB")).toMatchObject({ kind: "delete", place: { pid: expect.any(String) } });
    expect(json.proposals.find((one: { decision?: { decision: string } }) => one.decision?.decision === "rejected")).toMatchObject({ decision: { note: "No consensus" } });
  });

  it("reads back what it wrote: export, import, export is identical for random drafts with proposals", () => {
    fc.assert(
      fc.property(draftShape, (shape) => {
        const first = exportJson(buildDraft(shape));
        expect(checkDraftJson(JSON.parse(first)).ok).toBe(true);
        expect(exportJson(imported(first))).toBe(first);
      }),
      { numRuns: Number(process.env.CONCORD_JSON_RUNS ?? 100) },
    );
  });

  it("keeps pids, marks, footnotes, sponsors and decisions through the round trip", () => {
    const { text, keys } = walkthroughDraft();
    const back = readExportDraft(imported(exportJson(text)), null, { ...OPTIONS, view: ExportView.compilation });
    const original = readExportDraft(text, null, { ...OPTIONS, view: ExportView.compilation });
    expect(back.blocks.map((one) => one.type !== "added" && one.pid)).toEqual(original.blocks.map((one) => one.type !== "added" && one.pid));
    const all = back.blocks.flatMap((one) => (one.type === "added" ? [] : one.proposals));
    expect(all.find((one) => one.key === keys.military)?.sponsors).toEqual(["SLV", "CUB", "UZB"]);
    expect(all.find((one) => one.key === keys.geneva)).toMatchObject({ decision: "rejected", quote: "New York" });
    expect(all.find((one) => one.key === keys.withdrawn)).toMatchObject({ withdrawn: true });
  });

  it("becomes a new draft's first text, records and all", () => {
    const json = exportJson(walkthroughDraft().text);
    const draft = importDraftJson(json);
    const textDoc = new Y.Doc();
    Y.applyUpdate(textDoc, initialTextUpdate({ title: draft.title, language: draft.language, doc: draft.doc, writeRecords: draft.writeRecords }));
    expect(exportJson(textDoc)).toBe(json);
  });

  it("refuses a bracketed view, whose runs are not the chair's text alone", () => {
    const { text } = walkthroughDraft();
    expect(() => writeJson(readExportDraft(text, null, { ...OPTIONS, view: ExportView.bracketed }))).toThrow(/not the bracketed one/);
  });

  describe("refuses, naming the problem, and writes nothing", () => {
    const good = () => JSON.parse(exportJson(walkthroughDraft().text));
    const refusal = (value: unknown) => {
      try {
        importDraftJson(typeof value === "string" ? value : JSON.stringify(value));
      } catch (error) {
        expect(error).toBeInstanceOf(ImportRefusal);
        expect(error).toMatchObject({ id: ImportRefusalId.invalidDraftJson, httpStatus: 400 });
        return (error as ImportRefusal).message.replace(/^This is not a Concord draft file: (.*)\.$/s, "$1");
      }
      throw new Error("not refused");
    };

    it("a file over the size limit, before reading it", () => {
      let caught: unknown;
      try {
        importDraftJson(" ".repeat(MAX_IMPORT_BYTES + 1));
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ id: ImportRefusalId.tooLarge, httpStatus: 413 });
    });

    it("a file that is not JSON, or not a draft", () => {
      expect(refusal("{not json")).toBe("draft: the file is not JSON");
      expect(refusal({ format: "concord-draft", version: 2 })).toMatch(/^draft/);
      expect(refusal({ ...good(), blocks: "none" })).toMatch(/blocks/);
    });

    it("a block with an unknown type, a bad pid or a pid used twice", () => {
      const file = good();
      expect(refusal({ ...file, blocks: [{ ...file.blocks[0], type: "script" }] })).toMatch(/type/);
      expect(refusal({ ...file, blocks: [{ ...file.blocks[0], pid: "<b>" }] })).toMatch(/pid/);
      expect(refusal({ ...file, blocks: [file.blocks[0], file.blocks[0]] })).toBe(`draft.blocks: pid ${file.blocks[0].pid} is used twice`);
    });

    it("a proposal placed outside its block, on no block, or not sponsored first by its state", () => {
      const file = good();
      const [first, ...rest] = file.proposals;
      const placed = (place: unknown) => ({ ...file, proposals: [{ ...first, place }, ...rest] });
      expect(refusal(placed({ ...first.place, to: 100000 }))).toMatch(/outside block/);
      expect(refusal(placed({ ...first.place, pid: "nowhere" }))).toMatch(/is no block of the draft/);
      expect(refusal({ ...file, proposals: [{ ...first, sponsors: ["UZB"] }, ...rest] })).toMatch(/must begin with the proposing state, CUB/);
      expect(refusal({ ...file, proposals: [first, first] })).toMatch(/is used twice/);
    });

    it("a proposal record the server would refuse, and words that fake a footnote", () => {
      const file = good();
      const deletion = file.proposals.find((one: { kind: string }) => one.kind === "delete");
      expect(refusal({ ...file, proposals: [{ ...deletion, text: "words a deletion cannot have" }] })).toMatch(/proposals\[.*text/);
      const words = file.blocks.find((one: { content: unknown[] }) => one.content.length > 0);
      expect(refusal({ ...file, blocks: [{ ...words, content: [{ text: "a\uFFFCb" }] }], proposals: [], agreements: [] })).toMatch(/U\+FFFC/);
    });
  });
});
