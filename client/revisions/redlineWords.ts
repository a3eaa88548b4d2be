/**
 * The redline's words for what its marks show: a block's number across the two texts ("4 → 5", "4
 * (was 3 bis)"), what became of it ("Paragraph added", "Words changed; moved") and the comparison's
 * summary, so a screen reader and a printed page say the same as the colours.
 */
import { assertNever } from "../../shared/assertNever";
import { BlockChange, type RedlineBlock, type RedlineCounts, type RedlineFootnote } from "../../shared/revisions/redlineModel";
import { changeArrow } from "../../shared/revisions/redlineWords";
import { textDirection } from "../../shared/textDirection";
import { uiLanguage } from "../i18n/localize";

/** The arrow from an old number to a new one, pointing the way the page reads ("4 ← 5" on an Arabic page). */
function arrow(): string {
  return changeArrow(textDirection(uiLanguage()));
}

/** How a block's kind is named in a sentence. */
function kindName(block: Pick<RedlineBlock, "type">): string {
  switch (block.type) {
    case "heading":
      return "Heading";
    case "paragraph":
      return "Paragraph";
    case "subitem":
      return "Sub-item";
    case "preamble":
      return "Unnumbered paragraph";
    default:
      return assertNever(block.type);
  }
}

/** The number printed beside a block: "4", "4 → 5" when it changed, "4 (was 3 bis)" for a paragraph added during the round; null when unnumbered on both sides. */
export function numberShown(block: Pick<RedlineBlock, "oldLabel" | "newLabel" | "interimLabel">): string | null {
  const { oldLabel, newLabel, interimLabel } = block;
  if (oldLabel !== null && newLabel !== null) return oldLabel === newLabel ? newLabel : `${oldLabel} ${arrow()} ${newLabel}`;
  const label = newLabel ?? oldLabel;
  if (label === null) return null;
  return interimLabel !== null && interimLabel !== label ? `${label} (was ${interimLabel})` : label;
}

/** The same number in words for a screen reader: "Paragraph 4, now 5". */
export function numberSaid(block: Pick<RedlineBlock, "type" | "oldLabel" | "newLabel" | "interimLabel">): string | null {
  const { oldLabel, newLabel, interimLabel } = block;
  const kind = kindName(block);
  if (oldLabel !== null && newLabel !== null) return oldLabel === newLabel ? `${kind} ${newLabel}` : `${kind} ${oldLabel}, now ${newLabel}`;
  const label = newLabel ?? oldLabel;
  if (label === null) return null;
  return interimLabel !== null && interimLabel !== label ? `${kind} ${label}, numbered ${interimLabel} during the round` : `${kind} ${label}`;
}

/** What became of a block, in words; null for a block that stayed as it was. */
export function changeWords(block: Pick<RedlineBlock, "type" | "change" | "moved">): string | null {
  const kind = kindName(block);
  const moved = block.moved ? "moved" : null;
  switch (block.change) {
    case BlockChange.added:
      return `${kind} added`;
    case BlockChange.deleted:
      return `${kind} deleted`;
    case BlockChange.changed:
      return moved ? "Words changed; moved" : "Words changed";
    case BlockChange.unchanged:
      return moved ? `${kind} moved` : null;
    default:
      return assertNever(block.change);
  }
}

/** A footnote's heading: "Footnote 2 → 3: added". */
export function footnoteWords(footnote: Pick<RedlineFootnote, "oldNumber" | "newNumber" | "change">): string {
  const { oldNumber, newNumber } = footnote;
  const number = oldNumber !== null && newNumber !== null && oldNumber !== newNumber ? `${oldNumber} ${arrow()} ${newNumber}` : String(newNumber ?? oldNumber ?? "");
  const change: Record<BlockChange, string> = { added: "added", deleted: "deleted", changed: "words changed", unchanged: "unchanged" };
  return `Footnote ${number}: ${change[footnote.change]}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The summary under the choice: "Rev.1 → Rev.2: 2 paragraphs changed, 1 paragraph added." */
export function countsWords(from: string, to: string, counts: RedlineCounts): string {
  const parts: string[] = [];
  if (counts.changed > 0) parts.push(`${count(counts.changed, "paragraph")} changed`);
  if (counts.added > 0) parts.push(`${count(counts.added, "paragraph")} added`);
  if (counts.deleted > 0) parts.push(`${count(counts.deleted, "paragraph")} deleted`);
  if (counts.moved > 0) parts.push(`${count(counts.moved, "paragraph")} moved`);
  return `${from} ${arrow()} ${to}: ${parts.length === 0 ? "no change" : parts.join(", ")}.`;
}
