/**
 * How a footnote is drawn in the editor: a marker whose title (and copy-and-paste attribute) holds
 * its words. ProseMirror redraws a node only when its type or attributes change, and a footnote's
 * words are its content, so without this view an edited footnote kept showing its old words.
 */
import type { Node as PMNode } from "prosemirror-model";
import type { NodeView } from "prosemirror-view";
import { FOOTNOTE_TEXT_ATTR } from "../../shared/schema";

/** The view of one footnote node. */
export function footnoteView(node: PMNode): NodeView {
  const dom = document.createElement("sup");
  dom.className = "footnote";
  const show = (footnote: PMNode) => {
    dom.title = footnote.textContent;
    dom.setAttribute(FOOTNOTE_TEXT_ATTR, footnote.textContent);
  };
  show(node);
  return {
    dom,
    update: (next) => {
      if (next.type !== node.type) return false;
      show(next);
      return true;
    },
    // The marker has no editable inside: nothing in it is the document's to read back.
    ignoreMutation: () => true,
  };
}
