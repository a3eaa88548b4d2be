/** How a proposal is described to a person: in the UI language, and in the new one as soon as it changes. */
import "../../../support/english";
import { ProposalKind } from "../../../../schemas/records";
import { readDraftText } from "../../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../../shared/documentLayout";
import { acceptProposal } from "../../../../shared/proposals/clearProposal";
import { propose } from "../../../../shared/proposals/proposeChange";
import { readProposals, type ProposalView } from "../../../../shared/proposals/readProposals";
import { describeChange, describeStatus } from "../../../../client/editor/proposals/describeProposal";
import { doc, p } from "../../../support/dsl";
import { pidAt, secondsApart, wordSpan, yDraft } from "../../../support/yDraft";
import { speak } from "../../../support/speak";

const FIRST = "States should promote an open, secure and stable ICT environment.";

/** Records made one second apart, so they are read in the order of the test. */
const at = secondsApart();

function views(): ProposalView[] {
  const ydoc = yDraft(doc(p(FIRST), p("The Group welcomed regional initiatives.")));
  const span = wordSpan(FIRST, "open, secure and stable");
  propose(ydoc, "SLV", { kind: ProposalKind.replace, pid: pidAt(ydoc, 0), ...span, text: "free, open and secure" }, at());
  acceptProposal(ydoc, propose(ydoc, "CUB", { kind: ProposalKind.deleteParagraph, pid: pidAt(ydoc, 1) }, at()));
  return readProposals(ydoc, readDraftText(ydoc.getXmlFragment(TextRoot.content)));
}

describe("the words that describe a proposal", () => {
  afterEach(() => speak("en"));

  it("say what a proposal does and where it stands, in English by default", () => {
    const [replace, deletion] = views();
    expect(describeChange(replace!)).toBe("Replace “open, secure and stable” with “free, open and secure”");
    expect(describeStatus(replace!)).toBe("Open");
    expect(describeChange(deletion!)).toBe("Delete the paragraph");
    expect(describeStatus(deletion!)).toBe("Accepted by the chair");
  });

  it("follow a switch of the UI language at once, with the quoted words left as they were written", () => {
    const [replace, deletion] = views();
    speak("fr");
    expect(describeChange(replace!)).toBe("Remplacer « open, secure and stable » par « free, open and secure »");
    expect(describeStatus(deletion!)).toBe("Acceptée par la présidence");
    speak("ar");
    expect(describeChange(replace!)).toBe("الاستعاضة عن «open, secure and stable» بعبارة «free, open and secure»");
  });
});
