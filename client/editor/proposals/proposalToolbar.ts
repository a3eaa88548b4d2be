/**
 * A delegation's buttons for proposing, each with its keyboard shortcut: the same as typing over
 * the text, for those who prefer a button or use a screen reader.
 */
import type { EditorView } from "prosemirror-view";
import type { EditorState } from "prosemirror-state";
import { composerOf } from "./proposalPlugin";
import type { ProposalComposer } from "./proposalComposer";

const BUTTONS: Array<{ label: string; keys: string; run: (composer: ProposalComposer, state: EditorState) => boolean }> = [
  { label: "Propose words", keys: "type at the caret or over a selection", run: (composer, state) => composer.startWords(state, "") },
  { label: "Propose deleting words", keys: "Delete", run: (composer, state) => composer.proposeDeletion(state) },
  { label: "Propose a new paragraph", keys: "Control+Shift+Enter", run: (composer, state) => composer.startParagraph(state) },
  { label: "Propose deleting the paragraph", keys: "Control+Shift+Backspace", run: (composer, state) => composer.proposeParagraphDeletion(state) },
];

/** Puts the proposing buttons for `view` into `bar`; nothing when the editor has no composer. */
export function mountProposalToolbar(bar: HTMLElement, view: EditorView): void {
  if (!composerOf(view.state)) return;
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Propose changes");
  for (const { label, keys, run } of BUTTONS) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.title = keys;
    if (keys.includes("+") || keys === "Delete") button.setAttribute("aria-keyshortcuts", keys);
    // Keep the editor's selection: a mouse press on the button would otherwise take the focus first.
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => {
      const composer = composerOf(view.state);
      if (composer) run(composer, view.state);
    });
    bar.append(button);
  }
}
