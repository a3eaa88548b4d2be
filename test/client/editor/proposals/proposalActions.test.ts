/** A proposal's buttons tell the person why an action was refused, in the UI language. */
import "../../../support/english";
import { ProposalKind } from "../../../../schemas/records";
import { proposalActions, type ActionContext } from "../../../../client/editor/proposals/proposalActions";
import { rejectProposal } from "../../../../shared/proposals/clearProposal";
import { propose } from "../../../../shared/proposals/proposeChange";
import { readProposals } from "../../../../shared/proposals/readProposals";
import { Role } from "../../../../shared/roles";
import { doc, p } from "../../../support/dsl";
import { pidAt, yDraft } from "../../../support/yDraft";
import { speak } from "../../../support/speak";

afterEach(() => speak("en"));

describe("a proposal's actions", () => {
  it("say in the UI language that a proposal decided meanwhile is no longer open", () => {
    const ydoc = yDraft(doc(p("States should promote an open ICT environment.")));
    const key = propose(ydoc, "CUB", { kind: ProposalKind.delete, pid: pidAt(ydoc, 0), from: 0, to: 7 });
    const view = readProposals(ydoc).find((candidate) => candidate.key === key)!;
    const reports: string[] = [];
    const context: ActionContext = { ydoc, author: { role: Role.chair }, report: (message) => reports.push(message), askWords: async () => null };
    speak("fr");
    const reject = proposalActions(view, context).find((action) => action.label === "Rejeter")!;
    // Another window of the chair's decided it after these buttons were drawn.
    rejectProposal(ydoc, key);
    reject.run();
    expect(reports).toEqual(["Cette proposition n’est plus ouverte : elle a été tranchée ou retirée entre-temps."]);
  });
});
