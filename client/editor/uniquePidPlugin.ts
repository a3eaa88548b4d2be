/**
 * Keeps every block's `pid` unique: after a local change (a split copies the paragraph's
 * attributes, a paste copies them too) the copies get fresh ids by the rule in `shared/pid.ts`.
 * Changes that y-prosemirror brings in from Yjs are left alone: answering them would write into
 * the shared text from every reader's page (an observer's refused write, or an empty paragraph
 * added before the first sync). The rule is deterministic, so writers that repair the same
 * document write the same ids.
 */
import { Plugin } from "prosemirror-state";
import { ySyncPluginKey } from "y-prosemirror";
import { pidRepairs } from "../../shared/pid";

/** The pid repair plugin, for editors that may write the text. */
export function uniquePidPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey))) return null;
      const repairs = pidRepairs(newState.doc);
      if (repairs.length === 0) return null;
      const tr = newState.tr;
      for (const { pos, pid } of repairs) tr.setNodeAttribute(pos, "pid", pid);
      return tr;
    },
  });
}
