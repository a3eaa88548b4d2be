/**
 * Takes a person from a side panel to a paragraph: the caret goes to its start, it scrolls into
 * view and the editor takes the focus. The paragraph panel follows the caret, as it does for a
 * gutter badge, so it then shows that paragraph.
 */
import { TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";

/** Focuses paragraph `pid` of `view`; false when it is not in the text. */
export function focusParagraph(view: EditorView, pid: string): boolean {
  let at = -1;
  view.state.doc.forEach((node, offset) => {
    if (at < 0 && node.attrs.pid === pid) at = offset;
  });
  if (at < 0) return false;
  view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at + 1))));
  view.focus();
  (view.nodeDOM(at) as HTMLElement | null)?.scrollIntoView?.({ block: "center" });
  return true;
}
