/**
 * The ProseMirror editor bound to a draft's `content` through y-prosemirror: shared text, remote
 * carets, undo of one's own changes only, UN numbering and pid repair.
 */
import { baseKeymap } from "prosemirror-commands";
import { keymap } from "prosemirror-keymap";
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from "y-prosemirror";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { schema } from "../../shared/schema";
import { indentBlock, outdentBlock } from "./blockCommands";
import { numberingPlugin } from "./numberingPlugin";
import { uniquePidPlugin } from "./uniquePidPlugin";

/** Mounts an editor on `fragment` inside `place`; read-only unless `editable`. */
export function createEditor(place: HTMLElement, fragment: Y.XmlFragment, awareness: Awareness, editable: boolean): EditorView {
  const state = EditorState.create({
    schema,
    plugins: [
      ySyncPlugin(fragment),
      yCursorPlugin(awareness),
      yUndoPlugin(),
      keymap({
        "Mod-z": undo,
        "Mod-y": redo,
        "Mod-Shift-z": redo,
        Tab: indentBlock,
        "Shift-Tab": outdentBlock,
      }),
      keymap(baseKeymap),
      ...(editable ? [uniquePidPlugin()] : []),
      numberingPlugin(),
    ],
  });
  return new EditorView(place, {
    state,
    editable: () => editable,
    attributes: { class: "draft-text", "aria-label": editable ? "Draft text" : "Draft text, read-only", spellcheck: "true" },
  });
}
