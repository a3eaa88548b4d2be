/** Paragraph names as a sentence says them ("paragraph 5", "5 (a)", "paragraph 3 bis"), by pid, from the Yjs text and the round's numbers. */
import type * as Y from "yjs";
import { readDraftText } from "../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../shared/documentLayout";
import { labelSequence } from "../../../shared/numbering";
import { revisionBaseline } from "../../../shared/revisions/revisionBaseline";
import { t } from "../../i18n/localize";

/** Each numbered block's name, by pid. */
export function blockLabelsOfText(doc: Y.Doc): Map<string, string> {
  const { blocks } = readDraftText(doc.getXmlFragment(TextRoot.content));
  const labels = labelSequence(blocks, revisionBaseline(doc));
  const names = new Map<string, string>();
  let paragraph = "";
  blocks.forEach((block, index) => {
    const label = labels[index];
    if (!block.pid || label === null || label === undefined) return;
    if (!label.startsWith("(")) paragraph = label;
    names.set(block.pid, label.startsWith("(") ? `${paragraph} ${label}` : t("consensus.paragraphInSentence", { label }));
  });
  return names;
}
