/**
 * Keeps every block's `pid` unique: after any change (a split copies the paragraph's attributes,
 * a paste copies them too) the copies get fresh ids by the rule in `shared/pid.ts`. The rule is
 * deterministic, so peers repairing the same merged document write the same ids.
 */
import { Plugin } from "prosemirror-state";
import { pidRepairs } from "../../shared/pid";

/** The pid repair plugin. */
export function uniquePidPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const repairs = pidRepairs(newState.doc);
      if (repairs.length === 0) return null;
      const tr = newState.tr;
      for (const { pos, pid } of repairs) tr.setNodeAttribute(pos, "pid", pid);
      return tr;
    },
  });
}
