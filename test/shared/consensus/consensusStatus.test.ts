import * as Y from "yjs";
import { ConsensusStatus, ProposalKind } from "../../../schemas/records";
import { draftConsensus } from "../../../shared/consensus/consensusStatus";
import { fingerprintOf } from "../../../shared/consensus/fingerprint";
import { FloorRoot, TextRoot } from "../../../shared/documentLayout";
import { rejectProposal } from "../../../shared/proposals/clearProposal";
import { propose, withdrawProposal } from "../../../shared/proposals/proposeChange";
import { textBlocks } from "../../../shared/text/blockText";
import { deleteWords, insertWords } from "../../../shared/text/editBlock";
import { readProposals } from "../../../shared/proposals/readProposals";
import { doc, h, item, p, pre } from "../../support/dsl";
import { pidAt, yDraft } from "../../support/yDraft";

const AT = "2025-03-03T10:00:00Z";

function setup() {
  const text = yDraft(doc(h(1, "A. Introduction"), p("States should promote an open ICT environment."), item(1, "regional measures;"), p("The Group met.")));
  const floor = new Y.Doc();
  const para = pidAt(text, 1);
  const block = () => textBlocks(text.getXmlFragment(TextRoot.content))[1]!;
  const agree = () => text.getMap(TextRoot.decisions).set(`agreed:${para}`, { at: AT, fingerprint: fingerprintOf(block()) });
  const stance = (state: string, stance: string, reason?: string) => floor.getMap(FloorRoot.stances).set(`${state}:${para}`, reason ? { stance, reason, at: AT } : { stance, at: AT });
  const statusOf = () => draftConsensus(text, floor).paragraphs.get(para);
  return { text, floor, para, block, agree, stance, statusOf };
}

describe("the consensus of a paragraph", () => {
  it("is open when nothing is said about it, and counts paragraphs and sub-items but not headings", () => {
    const { text, floor, statusOf } = setup();
    expect(statusOf()).toEqual({ status: ConsensusStatus.open });
    expect(draftConsensus(text, floor).progress).toEqual({ agreed: 0, total: 3, openProposals: 0, objected: 0 });
  });

  it("counts no preamble: a letter's opening and signature are not negotiated paragraphs", () => {
    const text = yDraft(doc(pre("Letter dated 22 December 2020"), p("The Group met."), pre("(Signed) A. B.")));
    const result = draftConsensus(text, new Y.Doc());
    expect(result.progress.total).toBe(1);
    expect([...result.paragraphs.keys()]).toEqual([pidAt(text, 1)]);
  });

  it("is agreed when the chair agreed it and its text is unchanged", () => {
    const { text, floor, agree, statusOf } = setup();
    agree();
    expect(statusOf()).toEqual({ status: ConsensusStatus.agreed });
    expect(draftConsensus(text, floor).progress).toEqual({ agreed: 1, total: 3, openProposals: 0, objected: 0 });
  });

  it("is objected whenever a state objects, whatever else holds, naming the objectors", () => {
    const { text, agree, stance, statusOf, para } = setup();
    agree();
    propose(text, "UZB", { kind: ProposalKind.delete, pid: para, from: 0, to: 7 });
    text.getMap(TextRoot.decisions).set("silence:s1", { pids: "all", startedAt: AT, deadline: "2025-03-06T10:00:00Z" });
    stance("SLV", "object", "Not acceptable");
    stance("CUB", "object", "Needs balance");
    stance("UZB", "support");
    expect(statusOf()).toEqual({ status: ConsensusStatus.objected, objectedBy: ["CUB", "SLV"] });
  });

  it("is not blocked by a reservation", () => {
    const { agree, stance, statusOf } = setup();
    agree();
    stance("CUB", "reserve", "Interpretative statement to follow");
    expect(statusOf()).toEqual({ status: ConsensusStatus.agreed });
  });

  it("is bracketed while a proposal on it is open, even one whose words are gone, and not once it is cleared", () => {
    const { text, agree, block, statusOf, para } = setup();
    const key = propose(text, "CUB", { kind: ProposalKind.replace, pid: para, from: 24, to: 28, text: "free" });
    expect(statusOf()).toEqual({ status: ConsensusStatus.bracketed });
    deleteWords(block().element, 24, 29);
    expect(readProposals(text)[0]!.where.orphaned).toBe(true);
    expect(statusOf()).toEqual({ status: ConsensusStatus.bracketed });
    agree();
    rejectProposal(text, key);
    expect(statusOf()).toEqual({ status: ConsensusStatus.agreed });
  });

  it("is under silence while a procedure covering it runs, and not once it is settled", () => {
    const { text, para, statusOf } = setup();
    const decisions = text.getMap(TextRoot.decisions);
    decisions.set("silence:s1", { pids: [para], startedAt: AT, deadline: "2025-03-06T10:00:00Z" });
    expect(statusOf()).toEqual({ status: ConsensusStatus.underSilence });
    decisions.set("silence:s1", { pids: [para], startedAt: AT, deadline: "2025-03-06T10:00:00Z", outcome: { settledAt: "2025-03-06T10:00:00Z", adopted: [], brokenBy: [] } });
    expect(statusOf()).toEqual({ status: ConsensusStatus.open });
  });

  it("is open and changed since agreed once the agreed text changes", () => {
    const { agree, block, statusOf } = setup();
    agree();
    insertWords(block().element, 0, "All ");
    expect(statusOf()).toEqual({ status: ConsensusStatus.open, changedSinceAgreed: true });
  });
});

describe("the progress of a draft", () => {
  it("counts open proposals, orphaned ones too, and objected paragraphs, and stops counting what is cleared or withdrawn", () => {
    const { text, floor, para, block, stance } = setup();
    const sub = pidAt(text, 2);
    const first = propose(text, "CUB", { kind: ProposalKind.replace, pid: para, from: 24, to: 28, text: "free" });
    propose(text, "SLV", { kind: ProposalKind.insert, pid: para, at: 7, text: " all" });
    const third = propose(text, "UZB", { kind: ProposalKind.delete, pid: sub, from: 0, to: 8 });
    stance("SLV", "object", "Not acceptable");
    stance("CUB", "object", "Needs balance");
    floor.getMap(FloorRoot.stances).set(`UZB:${sub}`, { stance: "reserve", reason: "Ad referendum", at: AT });
    expect(draftConsensus(text, floor).progress).toEqual({ agreed: 0, total: 3, openProposals: 3, objected: 1 });

    deleteWords(block().element, 24, 29);
    expect(draftConsensus(text, floor).progress.openProposals).toBe(3);
    rejectProposal(text, first);
    withdrawProposal(text, "UZB", third);
    stance("SLV", "none");
    expect(draftConsensus(text, floor).progress).toEqual({ agreed: 0, total: 3, openProposals: 1, objected: 1 });
    stance("CUB", "support");
    expect(draftConsensus(text, floor).progress).toEqual({ agreed: 0, total: 3, openProposals: 1, objected: 0 });
  });
});
