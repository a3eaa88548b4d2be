import * as Y from "yjs";
import { ProposalDecisionKind, ProposalKind, type ProposalDecision } from "../../../schemas/records";
import { validateRecord } from "../../../schemas/validateRecord";
import { TextRoot } from "../../../shared/documentLayout";
import { acceptProposal, rejectProposal, reopenProposal, setAsideProposal } from "../../../shared/proposals/clearProposal";
import { propose, type ProposalInput } from "../../../shared/proposals/proposeChange";
import { decisionKey, readProposals } from "../../../shared/proposals/readProposals";
import { doc, item, p } from "../../support/dsl";
import { peerOf, pidAt, texts, yDraft } from "../../support/yDraft";

const FIRST = "States should promote an open, secure and stable ICT environment.";
const SECOND = "The Group welcomed regional initiatives.";

function draft() {
  return yDraft(doc(p(FIRST), item(1, "confidence-building measures;"), p(SECOND)));
}

function decisionOf(ydoc: Y.Doc, key: string): ProposalDecision | undefined {
  return ydoc.getMap<ProposalDecision>(TextRoot.decisions).get(decisionKey(key));
}

describe("clearing a proposal", () => {
  const cases: Array<[string, (ydoc: Y.Doc) => ProposalInput, string[]]> = [
    ["an insertion", (d) => ({ kind: ProposalKind.insert, pid: pidAt(d, 0), at: 37, text: " and peaceful" }), [
      "States should promote an open, secure and peaceful and stable ICT environment.", "confidence-building measures;", SECOND]],
    ["a deletion", (d) => ({ kind: ProposalKind.delete, pid: pidAt(d, 0), from: 30, to: 41 }), ["States should promote an open, stable ICT environment.", "confidence-building measures;", SECOND]],
    ["a replacement", (d) => ({ kind: ProposalKind.replace, pid: pidAt(d, 0), from: 25, to: 29, text: "free" }), [FIRST.replace("open", "free"), "confidence-building measures;", SECOND]],
    ["a new paragraph", (d) => ({ kind: ProposalKind.newParagraph, after: pidAt(d, 0), text: "States should respect human rights online." }), [FIRST, "confidence-building measures;", "States should respect human rights online.", SECOND]],
    ["a paragraph deletion", (d) => ({ kind: ProposalKind.deleteParagraph, pid: pidAt(d, 2) }), [FIRST, "confidence-building measures;"]],
  ];

  it.each(cases)("accepting %s yields the expected text, and reopening restores it", (_, input, expected) => {
    const ydoc = draft();
    const before = texts(ydoc);
    const key = propose(ydoc, "CUB", input(ydoc));
    acceptProposal(ydoc, key);
    expect(texts(ydoc)).toEqual(expected);
    const decision = decisionOf(ydoc, key)!;
    expect(decision.decision).toBe(ProposalDecisionKind.accepted);
    expect(validateRecord(TextRoot.decisions, decisionKey(key), decision)).toEqual({ ok: true });
    expect(readProposals(ydoc).find((view) => view.key === key)!.open).toBe(false);

    expect(reopenProposal(ydoc, key)).toBe(true);
    expect(texts(ydoc)).toEqual(before);
    expect(decisionOf(ydoc, key)!.decision).toBe(ProposalDecisionKind.reopened);
    const reopened = readProposals(ydoc).find((view) => view.key === key)!;
    expect(reopened.open).toBe(true);
    expect(reopened.where.orphaned).toBe(false);
  });

  it("sends the change to the text and its decision to other peers as one update", () => {
    const chair = draft();
    const key = propose(chair, "CUB", { kind: ProposalKind.replace, pid: pidAt(chair, 0), from: 25, to: 29, text: "free" });
    const reader = peerOf(chair);
    const updates: Uint8Array[] = [];
    chair.on("update", (update: Uint8Array) => updates.push(update));
    acceptProposal(chair, key);
    expect(updates).toHaveLength(1);
    Y.applyUpdate(reader, updates[0]!);
    expect(texts(reader)[0]).toBe(FIRST.replace("open", "free"));
    expect(decisionOf(reader, key)?.decision).toBe(ProposalDecisionKind.accepted);
  });

  it("labels proposals on the same words Alt 1, Alt 2 in the order made, and accepting Alt 2 sets Alt 1 aside", () => {
    const ydoc = draft();
    const pid = pidAt(ydoc, 0);
    const cuba = propose(ydoc, "CUB", { kind: ProposalKind.replace, pid, from: 25, to: 29, text: "free" }, new Date("2025-03-01T09:00:00Z"));
    const salvador = propose(ydoc, "SLV", { kind: ProposalKind.replace, pid, from: 25, to: 29, text: "inclusive" }, new Date("2025-03-01T09:05:00Z"));
    const other = propose(ydoc, "UZB", { kind: ProposalKind.delete, pid, from: 54, to: 58 }, new Date("2025-03-01T09:06:00Z"));
    const labels = () => Object.fromEntries(readProposals(ydoc).map((view) => [view.key, view.altLabel]));
    expect(labels()).toEqual({ [cuba]: "Alt 1", [salvador]: "Alt 2", [other]: null });

    acceptProposal(ydoc, salvador);
    expect(texts(ydoc)[0]).toBe(FIRST.replace("open", "inclusive"));
    expect(decisionOf(ydoc, cuba)).toMatchObject({ decision: ProposalDecisionKind.setAside, alongside: salvador });
    expect(validateRecord(TextRoot.decisions, decisionKey(cuba), decisionOf(ydoc, cuba))).toEqual({ ok: true });
    expect(readProposals(ydoc).filter((view) => view.open).map((view) => view.key)).toEqual([other]);

    reopenProposal(ydoc, salvador);
    expect(texts(ydoc)[0]).toBe(FIRST);
    expect(labels()).toEqual({ [cuba]: "Alt 1", [salvador]: "Alt 2", [other]: null });
  });

  it("rejects, sets aside and reopens without touching the text", () => {
    const ydoc = draft();
    const key = propose(ydoc, "CUB", { kind: ProposalKind.delete, pid: pidAt(ydoc, 0), from: 0, to: 7 });
    rejectProposal(ydoc, key, "No support in the room");
    expect(decisionOf(ydoc, key)).toMatchObject({ decision: ProposalDecisionKind.rejected, note: "No support in the room" });
    expect(() => setAsideProposal(ydoc, key)).toThrow(/not open/);
    reopenProposal(ydoc, key);
    setAsideProposal(ydoc, key);
    expect(decisionOf(ydoc, key)?.decision).toBe(ProposalDecisionKind.setAside);
    expect(texts(ydoc)[0]).toBe(FIRST);
  });

  it("labels new paragraphs after the same paragraph bis, ter, and counts a sub-item with its paragraph", () => {
    const ydoc = draft();
    const first = propose(ydoc, "CUB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 0), text: "One." }, new Date("2025-03-01T09:00:00Z"));
    const second = propose(ydoc, "SLV", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 1), text: "Two." }, new Date("2025-03-01T09:01:00Z"));
    const third = propose(ydoc, "UZB", { kind: ProposalKind.newParagraph, after: pidAt(ydoc, 2), text: "Three." }, new Date("2025-03-01T09:02:00Z"));
    const labels = Object.fromEntries(readProposals(ydoc).map((view) => [view.key, view.addedLabel]));
    expect(labels).toEqual({ [first]: "1 bis", [second]: "1 ter", [third]: "2 bis" });
  });

  it("refuses to accept an orphaned proposal, and says why", () => {
    const ydoc = draft();
    const key = propose(ydoc, "CUB", { kind: ProposalKind.replace, pid: pidAt(ydoc, 2), from: 4, to: 9, text: "Committee" });
    ydoc.getXmlFragment(TextRoot.content).delete(2, 1);
    expect(() => acceptProposal(ydoc, key)).toThrow(/orphaned/);
    expect(decisionOf(ydoc, key)).toBeUndefined();
  });
});

describe("proposal records from a hostile or broken client", () => {
  const anchor = { pid: "p1", quote: "", prefix: "", suffix: "" };
  it("are refused when their words break the paragraph or the kind's shape", () => {
    const at = "2025-03-01T09:00:00Z";
    expect(validateRecord(TextRoot.proposals, "CUB:a1", { kind: "insert", anchor, text: "two\nlines", createdAt: at })).toMatchObject({ ok: false });
    expect(validateRecord(TextRoot.proposals, "CUB:a1", { kind: "delete", anchor, text: "words", createdAt: at })).toMatchObject({ ok: false });
    expect(validateRecord(TextRoot.proposals, "CUB:a1", { kind: "replace", anchor, createdAt: at })).toMatchObject({ ok: false });
    expect(validateRecord(TextRoot.proposals, "CUB:a1", { kind: "insert", anchor, text: "fine", createdAt: at })).toEqual({ ok: true });
  });

  it("that no longer resolve are shown as orphaned, never dropped or thrown on", () => {
    const ydoc = draft();
    ydoc.getMap(TextRoot.proposals).set("CUB:ghost", { kind: "replace", anchor: { pid: "gone", start: "AAAA", quote: "x", prefix: "", suffix: "" }, text: "y", createdAt: "2025-03-01T09:00:00Z" });
    const [view] = readProposals(ydoc);
    expect(view).toMatchObject({ key: "CUB:ghost", open: true, where: { orphaned: true } });
  });
});
