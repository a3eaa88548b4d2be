import * as Y from "yjs";
import { ConsensusStatus, ProposalKind, StanceKind } from "../../../schemas/records";
import { validateRecord } from "../../../schemas/validateRecord";
import { draftConsensus } from "../../../shared/consensus/consensusStatus";
import { agreementRefusal, declareAgreed, setStance, stancesOn } from "../../../shared/consensus/stanceWrites";
import { FloorRoot } from "../../../shared/documentLayout";
import { rejectProposal } from "../../../shared/proposals/clearProposal";
import { propose } from "../../../shared/proposals/proposeChange";
import { doc, p } from "../../support/dsl";
import { pidAt, yDraft } from "../../support/yDraft";

describe("stances and the chair's agreement", () => {
  it("refuse an objection without a reason, and write records the schema accepts", () => {
    const floor = new Y.Doc();
    expect(() => setStance(floor, "SLV", "p1", StanceKind.object, "  ")).toThrow(/needs a reason/);
    setStance(floor, "SLV", "p1", StanceKind.object, "Too vague.");
    setStance(floor, "CUB", "p1", StanceKind.reserve);
    setStance(floor, "UZB", "p1", StanceKind.none, "ignored");
    for (const [key, value] of floor.getMap(FloorRoot.stances)) expect(validateRecord(FloorRoot.stances, key, value)).toEqual({ ok: true });
    expect([...stancesOn(floor, "p1").keys()]).toEqual(["CUB", "SLV"]);
  });

  it("refuse to declare a paragraph agreed while a state objects or a proposal on it is open", () => {
    const text = yDraft(doc(p("States should promote an open ICT environment.")));
    const floor = new Y.Doc();
    const pid = pidAt(text, 0);
    setStance(floor, "SLV", pid, StanceKind.object, "Too vague.");
    expect(() => declareAgreed(text, floor, pid)).toThrow("Not while SLV objects");
    setStance(floor, "SLV", pid, StanceKind.none);
    const key = propose(text, "CUB", { kind: ProposalKind.delete, pid, from: 0, to: 7 });
    expect(agreementRefusal(text, floor, pid)).toMatchObject({ reason: "proposal-open-on-paragraph", message: "Not while a proposal on it is open" });
    rejectProposal(text, key);
    declareAgreed(text, floor, pid);
    expect(draftConsensus(text, floor).paragraphs.get(pid)?.status).toBe(ConsensusStatus.agreed);
    expect(agreementRefusal(text, floor, pid)).toMatchObject({ reason: "already-agreed", message: "It is already agreed" });
  });
});
