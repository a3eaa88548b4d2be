/**
 * Where things are in the chair's text, as the side panels name them: each block's position and
 * its name by the gutter's numbering ("Paragraph 5", "Paragraph 3 bis", "Paragraph 6 (a) (ii)", a
 * heading by its words).
 */
import type { RevisionNumbers } from "../../schemas/records";
import type { DraftText } from "../../shared/anchors/resolveAnchor";
import { labelSequence } from "../../shared/numbering";
import type { ProposalView } from "../../shared/proposals/readProposals";
import { t } from "../i18n/localize";

/** One block of the text, by pid: its position among the blocks and the name people use for it. */
export interface ParagraphPlace {
  pid: string;
  /** Position of the block in the text, for putting places in text order. */
  index: number;
  name: string;
}

/** A heading is named by its first words. */
const HEADING_NAME_LENGTH = 40;

function headingName(text: string): string {
  const words = text.trim();
  return t("editor.heading", { words: words.length > HEADING_NAME_LENGTH ? `${words.slice(0, HEADING_NAME_LENGTH - 1)}…` : words });
}

/** Every block of `text` that has a pid, named as the gutter numbers it for the round `baseline` (`revisionBaseline`) opened. */
export function paragraphPlaces(text: DraftText, baseline: RevisionNumbers | null): Map<string, ParagraphPlace> {
  const labels = labelSequence(text.blocks, baseline);
  const places = new Map<string, ParagraphPlace>();
  let paragraph = "";
  let letter = "";
  text.blocks.forEach((block, position) => {
    const label = labels[position] ?? null;
    let name: string;
    if (label === null) {
      name = headingName(block.text);
    } else if (!label.startsWith("(")) {
      paragraph = label;
      letter = "";
      name = t("editor.paragraph", { label });
    } else {
      // A roman sub-item belongs to the lettered one before it: "Paragraph 6 (a) (ii)".
      const prefix = block.level === 2 && letter ? `${letter} ` : "";
      if (block.level !== 2) letter = label;
      name = paragraph ? t("editor.paragraph", { label: `${paragraph} ${prefix}${label}` }) : t("editor.item", { label: `${prefix}${label}` });
    }
    if (block.pid) places.set(block.pid, { pid: block.pid, index: block.index, name });
  });
  return places;
}

/** The pid of the paragraph a proposal is on: where its words are now, or where they were made. */
export function proposalPid(view: ProposalView): string {
  return (view.where.orphaned ? null : view.where.block.pid) ?? view.record.anchor.pid;
}
