/**
 * The numbers the live text's blocks read now, by pid: what delegations cite while a round lasts.
 * Publishing a revision compares them with the revision's fresh numbers to record the renumbering
 * (`revisionNumbering`), so this is the one place that says how the live text is numbered.
 */
import type * as Y from "yjs";
import { TextRoot } from "../documentLayout";
import { labelSequence } from "../numbering";
import { textBlocks } from "../text/blockText";
import { revisionBaseline } from "./revisionBaseline";

/** Each numbered block's live label ("12", "3 bis", "(a)") by pid; headings, preamble and blocks without a pid are absent. */
export function liveLabels(doc: Y.Doc): Map<string, string> {
  const blocks = textBlocks(doc.getXmlFragment(TextRoot.content));
  const labels = labelSequence(blocks, revisionBaseline(doc));
  const live = new Map<string, string>();
  blocks.forEach((block, index) => {
    const label = labels[index];
    if (block.pid !== null && label !== null && label !== undefined) live.set(block.pid, label);
  });
  return live;
}
