/** The proposal composer tells a delegation why a proposal was refused, in the UI language. */
import "../../../support/english";
import { EditorState, TextSelection } from "prosemirror-state";
import { ProposalComposer } from "../../../../client/editor/proposals/proposalComposer";
import { MAX_QUOTE_LENGTH } from "../../../../shared/anchors/createAnchor";
import { TextRoot } from "../../../../shared/documentLayout";
import { doc, p } from "../../../support/dsl";
import { yDraft } from "../../../support/yDraft";
import { speak } from "../../../support/speak";

afterEach(() => speak("en"));

describe("the proposal composer", () => {
  it("says in the UI language that a selection quotes more words than a proposal can, and proposes nothing", () => {
    const text = doc(p("word ".repeat(MAX_QUOTE_LENGTH / 4)));
    const ydoc = yDraft(text);
    const reports: string[] = [];
    const composer = new ProposalComposer(ydoc, "CUB", (message) => reports.push(message), () => undefined);
    const state = EditorState.create({ doc: text, selection: TextSelection.create(text, 1, MAX_QUOTE_LENGTH + 3) });
    speak("es");
    composer.proposeDeletion(state);
    speak("zh");
    composer.startWords(state, "x");
    expect(reports).toEqual([`Seleccione como máximo ${MAX_QUOTE_LENGTH.toLocaleString("es")} caracteres.`, `最多选择 ${MAX_QUOTE_LENGTH.toLocaleString("zh")} 个字符。`]);
    expect(ydoc.getMap(TextRoot.proposals).size).toBe(0);
    expect(composer.active).toBe(false);
  });
});
