/**
 * The chair edits footnotes: a footnote is drawn as a marker (the caret never lands inside one), so
 * its words are changed in a small dialog, opened by clicking the marker or by Enter when the
 * marker is selected; Mod-Alt-F adds a footnote at the caret.
 */
import { keymap } from "prosemirror-keymap";
import type { Node as PMNode } from "prosemirror-model";
import { NodeSelection, Plugin, type Command, type EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { schema } from "../../shared/schema";
import { t } from "../i18n/localize";

/** Asks for a footnote's words; resolves to them, or null when cancelled. */
export type AskFootnote = (current: string, title: string) => Promise<string | null>;

const footnoteType = schema.nodes.footnote!;

function footnoteNode(words: string): PMNode {
  const text = words.trim();
  return footnoteType.create(null, text ? schema.text(text) : null);
}

/** Asks for new words for the footnote at `pos` and puts them in, unless the text moved meanwhile. */
function editFootnoteAt(view: EditorView, pos: number, ask: AskFootnote): void {
  const node = view.state.doc.nodeAt(pos);
  if (node?.type !== footnoteType) return;
  void ask(node.textContent, t("editor.footnoteText")).then((words) => {
    if (words === null) return;
    // Others may have edited while the dialog was open: find the same footnote again.
    const now = view.state.doc.nodeAt(pos);
    if (now?.type !== footnoteType || now.textContent !== node.textContent) return;
    view.dispatch(view.state.tr.replaceWith(pos, pos + now.nodeSize, footnoteNode(words)));
    view.focus();
  });
}

function selectedFootnote(state: EditorState): number | null {
  const selection = state.selection;
  return selection instanceof NodeSelection && selection.node.type === footnoteType ? selection.from : null;
}

/** The chair's footnote commands and clicks. */
export function footnoteEditingPlugins(ask: AskFootnote): Plugin[] {
  const editSelected: Command = (state, _dispatch, view) => {
    const pos = selectedFootnote(state);
    if (pos === null || !view) return false;
    editFootnoteAt(view, pos, ask);
    return true;
  };
  const insertFootnote: Command = (state, _dispatch, view) => {
    if (!view || !state.selection.$from.parent.inlineContent) return false;
    void ask("", t("editor.newFootnote")).then((words) => {
      if (!words?.trim()) return;
      view.dispatch(view.state.tr.replaceSelectionWith(footnoteNode(words)));
      view.focus();
    });
    return true;
  };
  return [
    keymap({ Enter: editSelected, "Mod-Alt-f": insertFootnote }),
    new Plugin({
      props: {
        handleClickOn: (view, _pos, node, nodePos) => {
          if (node.type !== footnoteType) return false;
          editFootnoteAt(view, nodePos, ask);
          return true;
        },
      },
    }),
  ];
}
