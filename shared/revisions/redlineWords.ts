/**
 * The words a redline document says about itself (its title, the numbers "4 → 5", what became of a
 * paragraph, the summary line), in one place for the HTML, PDF and Word writers, so that a
 * translation replaces this file and touches no layout.
 */
import { TextDirection } from "../textDirection";
import { BlockChange, type Redline, type RedlineBlock, type RedlineCounts, type RedlineFootnote } from "./redlineModel";

/** Between an old and a new number, and between the two sides, in left-to-right text. */
export const CHANGE_ARROW = "→";

/**
 * The arrow from old to new in text running `direction`. It points the way the text is read: "→"
 * in an English redline, "←" in an Arabic one, where "4 ← 5" shows the old number on the right.
 */
export function changeArrow(direction: TextDirection): string {
  return direction === TextDirection.rtl ? "←" : CHANGE_ARROW;
}

/** The redline's title and its tracked changes' author: "Rev.1 → Rev.2" ("Rev.1 ← Rev.2" in right-to-left text). */
export function redlineTitle(redline: Pick<Redline, "from" | "to">, direction: TextDirection = TextDirection.ltr): string {
  return `${redline.from.label} ${changeArrow(direction)} ${redline.to.label}`;
}

/** A number that may have changed: "4 → 5" where both exist and differ, else whichever there is; null for neither. */
export function changedNumber(oldLabel: string | null, newLabel: string | null, direction: TextDirection = TextDirection.ltr): string | null {
  if (oldLabel !== null && newLabel !== null && oldLabel !== newLabel) return `${oldLabel} ${changeArrow(direction)} ${newLabel}`;
  return newLabel ?? oldLabel;
}

/** What became of a block, in words, where colour alone would not say it: "Added (was 3 bis)", "Deleted", "Moved"; null when nothing needs saying. */
export function blockMark(block: RedlineBlock): string | null {
  const marks: string[] = [];
  if (block.change === BlockChange.added) marks.push(block.interimLabel ? `Added (was ${block.interimLabel})` : "Added");
  if (block.change === BlockChange.deleted) marks.push("Deleted");
  if (block.moved) marks.push("Moved");
  return marks.length === 0 ? null : marks.join(", ");
}

/** What a footnote is called before its number. */
export const FOOTNOTE_WORD = "Footnote";

/** A footnote's heading under its block: "Footnote 1 → 2", "Footnote 3 (added)". */
export function footnoteHeading(footnote: RedlineFootnote, direction: TextDirection = TextDirection.ltr): string {
  const number = changedNumber(footnote.oldNumber === null ? null : String(footnote.oldNumber), footnote.newNumber === null ? null : String(footnote.newNumber), direction);
  const what = footnote.change === BlockChange.added ? " (added)" : footnote.change === BlockChange.deleted ? " (deleted)" : "";
  return `${FOOTNOTE_WORD} ${number ?? ""}${what}`;
}

/** The summary line: "3 blocks changed, 1 added, 0 deleted, 1 moved", or that nothing changed. */
export function redlineSummary(counts: RedlineCounts): string {
  if (counts.changed + counts.added + counts.deleted + counts.moved === 0) return "No changes.";
  return `${counts.changed} ${counts.changed === 1 ? "block" : "blocks"} changed, ${counts.added} added, ${counts.deleted} deleted, ${counts.moved} moved.`;
}

/** One side as the document names it: "Rev.1 (2025-03-01)", or the live text with the time it was read. */
export function sideLine(redline: Redline, which: "from" | "to"): string {
  const side = redline[which];
  return `${side.label} (${(side.at ?? redline.madeAt).slice(0, 10)})`;
}
