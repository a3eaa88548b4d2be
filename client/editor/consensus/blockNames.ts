/** Paragraph names as people say them ("paragraph 5", "5 (a)"), by pid, from the Yjs text. */
import type * as Y from "yjs";
import { readDraftText } from "../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../shared/documentLayout";
import { labelSequence } from "../../../shared/numbering";

/** Each numbered block's name, by pid. */
export function blockLabelsOfText(doc: Y.Doc): Map<string, string> {
  const { blocks } = readDraftText(doc.getXmlFragment(TextRoot.content));
  const labels = labelSequence(blocks);
  const names = new Map<string, string>();
  let paragraph = "";
  blocks.forEach((block, index) => {
    const label = labels[index];
    if (!block.pid || label === null || label === undefined) return;
    if (!label.startsWith("(")) paragraph = label;
    names.set(block.pid, label.startsWith("(") ? `${paragraph} ${label}` : `paragraph ${label}`);
  });
  return names;
}
