/**
 * The redline's words for what its marks show: a block's number across the two texts ("4 → 5", "4
 * (was 3 bis)"), what became of it ("Paragraph added", "Words changed; moved") and the comparison's
 * summary, so a screen reader and a printed page say the same as the colours. In the UI language;
 * the numbers and revision labels are data.
 */
import { LIVE_TEXT } from "../../shared/appPaths";
import { assertNever } from "../../shared/assertNever";
import { BlockChange, type RedlineBlock, type RedlineCounts, type RedlineFootnote, type RedlineSide } from "../../shared/revisions/redlineModel";
import { formatList } from "../i18n/formatList";
import { t } from "../i18n/localize";

/** The number printed beside a block: "4", "4 → 5" when it changed, "4 (was 3 bis)" for a paragraph added during the round; null when unnumbered on both sides. */
export function numberShown(block: Pick<RedlineBlock, "oldLabel" | "newLabel" | "interimLabel">): string | null {
  const { oldLabel, newLabel, interimLabel } = block;
  if (oldLabel !== null && newLabel !== null) return oldLabel === newLabel ? newLabel : t("revisions.renumbered", { before: oldLabel, after: newLabel });
  const label = newLabel ?? oldLabel;
  if (label === null) return null;
  return interimLabel !== null && interimLabel !== label ? t("revisions.numberWas", { label, interim: interimLabel }) : label;
}

/** The same number in words for a screen reader: "Paragraph 4, now 5". */
export function numberSaid(block: Pick<RedlineBlock, "type" | "oldLabel" | "newLabel" | "interimLabel">): string | null {
  const { type: kind, oldLabel, newLabel, interimLabel } = block;
  if (oldLabel !== null && newLabel !== null) return oldLabel === newLabel ? t("revisions.numberSaid", { kind, label: newLabel }) : t("revisions.numberSaidNow", { kind, before: oldLabel, after: newLabel });
  const label = newLabel ?? oldLabel;
  if (label === null) return null;
  return interimLabel !== null && interimLabel !== label ? t("revisions.numberSaidInterim", { kind, label, interim: interimLabel }) : t("revisions.numberSaid", { kind, label });
}

/** What became of a block, in words; null for a block that stayed as it was. */
export function changeWords(block: Pick<RedlineBlock, "type" | "change" | "moved">): string | null {
  const kind = block.type;
  switch (block.change) {
    case BlockChange.added:
      return t("revisions.blockAdded", { kind });
    case BlockChange.deleted:
      return t("revisions.blockDeleted", { kind });
    case BlockChange.changed:
      return t(block.moved ? "revisions.wordsChangedMoved" : "revisions.wordsChanged");
    case BlockChange.unchanged:
      return block.moved ? t("revisions.blockMoved", { kind }) : null;
    default:
      return assertNever(block.change);
  }
}

/** A footnote's heading: "Footnote 2 → 3: added". */
export function footnoteWords(footnote: Pick<RedlineFootnote, "oldNumber" | "newNumber" | "change">): string {
  const { oldNumber, newNumber } = footnote;
  const number = oldNumber !== null && newNumber !== null && oldNumber !== newNumber ? t("revisions.renumbered", { before: String(oldNumber), after: String(newNumber) }) : String(newNumber ?? oldNumber ?? "");
  return t("revisions.footnote", { number, change: footnote.change });
}

/** The summary under the choice: "Rev.1 → Rev.2: 2 paragraphs changed and 1 paragraph added." */
export function countsWords(from: string, to: string, counts: RedlineCounts): string {
  const parts: string[] = [];
  if (counts.changed > 0) parts.push(t("revisions.countChanged", { count: counts.changed }));
  if (counts.added > 0) parts.push(t("revisions.countAdded", { count: counts.added }));
  if (counts.deleted > 0) parts.push(t("revisions.countDeleted", { count: counts.deleted }));
  if (counts.moved > 0) parts.push(t("revisions.countMoved", { count: counts.moved }));
  return t("revisions.summary", { from, to, changes: parts.length === 0 ? t("revisions.noChange") : formatList(parts) });
}

/** How the page names one side of a comparison: a revision's label, or the live text in the UI language. */
export function sideName(side: Pick<RedlineSide, "id" | "label">): string {
  return side.id === LIVE_TEXT ? t("revisions.liveText") : side.label;
}
