/**
 * A delegation's buttons for proposing, each with its keyboard shortcut: the same as typing over
 * the text, for those who prefer a button or use a screen reader.
 */
import type { EditorView } from "prosemirror-view";
import type { EditorState } from "prosemirror-state";
import { setLocalAttribute, setLocalText } from "../../i18n/localizedElements";
import type { MessageKey } from "../../i18n/messageKeys";
import { composerOf } from "./proposalPlugin";
import type { ProposalComposer } from "./proposalComposer";

/** Each button: its words, the keys as a person reads them, the shortcut as `aria-keyshortcuts` names it, and its command. */
const BUTTONS: Array<{ label: MessageKey; keys: MessageKey; shortcut: string | null; run: (composer: ProposalComposer, state: EditorState) => boolean }> = [
  { label: "proposals.proposeWords", keys: "proposals.proposeWordsKeys", shortcut: null, run: (composer, state) => composer.startWords(state, "") },
  { label: "proposals.proposeDeletion", keys: "proposals.proposeDeletionKeys", shortcut: "Delete", run: (composer, state) => composer.proposeDeletion(state) },
  { label: "proposals.proposeParagraph", keys: "proposals.proposeParagraphKeys", shortcut: "Control+Shift+Enter", run: (composer, state) => composer.startParagraph(state) },
  { label: "proposals.proposeParagraphDeletion", keys: "proposals.proposeParagraphDeletionKeys", shortcut: "Control+Shift+Backspace", run: (composer, state) => composer.proposeParagraphDeletion(state) },
];

/** Puts the proposing buttons for `view` into `bar`; nothing when the editor has no composer. */
export function mountProposalToolbar(bar: HTMLElement, view: EditorView): void {
  if (!composerOf(view.state)) return;
  bar.setAttribute("role", "toolbar");
  setLocalAttribute(bar, "aria-label", "proposals.toolbar");
  for (const { label, keys, shortcut, run } of BUTTONS) {
    const button = document.createElement("button");
    button.type = "button";
    setLocalText(button, label);
    setLocalAttribute(button, "title", keys);
    if (shortcut) button.setAttribute("aria-keyshortcuts", shortcut);
    // Keep the editor's selection: a mouse press on the button would otherwise take the focus first.
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => {
      const composer = composerOf(view.state);
      if (composer) run(composer, view.state);
    });
    bar.append(button);
  }
}
