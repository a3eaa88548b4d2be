/**
 * The ProseMirror editor bound to a draft's `content` through y-prosemirror: shared text, remote
 * carets, undo of one's own changes only, UN numbering, pid repair, the chair's footnotes and the
 * proposals layer.
 */
import { baseKeymap } from "prosemirror-commands";
import { keymap } from "prosemirror-keymap";
import { EditorState, type Command } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from "y-prosemirror";
import type { Awareness } from "y-protocols/awareness";
import { TextRoot } from "../../shared/documentLayout";
import { Role } from "../../shared/roles";
import { schema } from "../../shared/schema";
import { indentBlock, outdentBlock } from "./blockCommands";
import { footnoteEditingPlugins } from "./footnoteEditing";
import { draftLanguagePlugin } from "./draftLanguagePlugin";
import { footnoteView } from "./footnoteView";
import type * as Y from "yjs";
import { paragraphPanelPlugin } from "./consensus/paragraphPanel";
import { statusBadgesPlugin } from "./consensus/statusBadges";
import { numberingPlugin } from "./numberingPlugin";
import type { ActionContext } from "./proposals/proposalActions";
import { proposalPlugin } from "./proposals/proposalPlugin";
import { remoteCaret } from "./remoteCaret";
import { uniquePidPlugin } from "./uniquePidPlugin";
import { setLocalAttribute } from "../i18n/localizedElements";

/** How the editor behaves for the person using it. */
export interface EditorOptions {
  awareness: Awareness;
  /** May change the chair's text (the chair). */
  writesText: boolean;
  /** The proposals layer's document, person and messages. */
  proposals: ActionContext;
  /** Where the focused paragraph's panel goes, what it reads, and the draft (for a paragraph's history). */
  panel: { place: HTMLElement; floorDoc: Y.Doc | null; draftId: string };
}

/** Escape in the text: the focus moves to the paragraph panel beside it, the next stop a keyboard user needs. */
function leaveText(panel: HTMLElement): Command {
  return () => {
    const next = panel.querySelector<HTMLElement>("button, input, select, textarea, a[href]");
    if (!next) return false;
    next.focus();
    return true;
  };
}

/**
 * Mounts an editor on the `content` of the proposals layer's document inside `place`. The chair
 * edits the text; a delegation's typing becomes proposals; an observer reads.
 */
export function createEditor(place: HTMLElement, { awareness, writesText, proposals, panel }: EditorOptions): EditorView {
  const fragment = proposals.ydoc.getXmlFragment(TextRoot.content);
  const interactive = proposals.author.role !== Role.observer;
  const state = EditorState.create({
    schema,
    plugins: [
      ySyncPlugin(fragment),
      yCursorPlugin(awareness, { cursorBuilder: remoteCaret }),
      yUndoPlugin(),
      // Before the keymaps, so that a delegation's Delete or Enter becomes a proposal first.
      proposalPlugin(proposals),
      // Before the base keymap too: Enter on a selected footnote edits it rather than splitting.
      ...(writesText ? footnoteEditingPlugins(proposals.askWords) : []),
      keymap({
        "Mod-z": undo,
        "Mod-y": redo,
        "Mod-Shift-z": redo,
        // Only the chair's Tab indents; everyone else's moves the focus on, as on any page. The
        // chair leaves the text with Escape (WCAG 2.1.2: no keyboard trap).
        ...(writesText ? { Tab: indentBlock, "Shift-Tab": outdentBlock, Escape: leaveText(panel.place) } : {}),
      }),
      keymap(baseKeymap),
      ...(writesText ? [uniquePidPlugin()] : []),
      numberingPlugin(proposals.ydoc),
      draftLanguagePlugin(proposals.ydoc),
      statusBadgesPlugin(proposals.ydoc, proposals.author.role === Role.delegation && panel.floorDoc ? { state: proposals.author.state, floorDoc: panel.floorDoc } : null),
      paragraphPanelPlugin(panel.place, { draftId: panel.draftId, textDoc: proposals.ydoc, floorDoc: panel.floorDoc, author: proposals.author, report: proposals.report }),
    ],
  });
  const view = new EditorView(place, {
    state,
    editable: () => interactive,
    nodeViews: { footnote: footnoteView },
    attributes: { class: "draft-text", spellcheck: "true" },
  });
  // Not among ProseMirror's attributes, which it sets only as the state changes: this one follows the UI language.
  setLocalAttribute(view.dom, "aria-label", writesText ? "editor.textOfChair" : interactive ? "editor.textOfDelegation" : "editor.textReadOnly");
  return view;
}
