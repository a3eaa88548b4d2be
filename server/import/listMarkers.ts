/**
 * List markers in imported text: "12." opens a numbered paragraph, "(a)", "a)", "a.", "- iii." and
 * plain "- " bullets open sub-items. Whether "(i)" is the letter after "(h)" or the first roman
 * numeral depends on the items before it, so levels are decided by a small state machine.
 */
import { toRoman } from "../../shared/numbering";

/** How a source line opens a block, with the text after the marker. */
export type LineMarker =
  | { kind: "numbered"; marker: string; rest: string }
  | { kind: "item"; label: string | null; indent: number; rest: string };

// Three digits at most: a wrapped line that starts "2020. The…" is a year, not paragraph 2020.
// "12\." is how Concord's Markdown export keeps a UN number from becoming a Markdown list.
const NUMBERED = /^(\d{1,3})\\?([.)])(?:\s+(.*))?$/;
const LABELED = /^(?:[-*+•]\s+)?(?:\(([a-z]{1,7})\)|([a-z]{1,7})[.)])(?:\s+(.*))?$/;
const BULLET = /^[-*+•]\s+(\S.*)$/;
// UN lists double letters after z: (aa), (bb)…
const LETTER_LABEL = /^([a-z])\1?$/;
// Sub-sub-items never reach 40; the cap keeps "mi." or "di." from reading as 1001 or 501.
const MAX_ROMAN = 39;

const ROMAN_VALUES: ReadonlyMap<string, number> = new Map(
  Array.from({ length: MAX_ROMAN }, (_, i) => [toRoman(i + 1), i + 1] as const),
);

/** The value of a lower-case roman numeral up to xxxix, or null: "iv" → 4. */
function romanValue(label: string): number | null {
  return ROMAN_VALUES.get(label) ?? null;
}

/** The 1-based position of a UN letter label, or null: "b" → 2, "aa" → 27. */
function letterIndex(label: string): number | null {
  if (!/^([a-z])\1*$/.test(label)) return null;
  return (label.length - 1) * 26 + label.charCodeAt(0) - 96;
}

/** Reads the list marker that opens `text` (a line without its indentation), if it has one. */
export function readLineMarker(text: string, indent: number): LineMarker | null {
  const numbered = NUMBERED.exec(text);
  if (numbered) return { kind: "numbered", marker: `${numbered[1]}${numbered[2]}`, rest: numbered[3] ?? "" };
  const labeled = LABELED.exec(text);
  if (labeled) {
    const label = labeled[1] ?? labeled[2] ?? "";
    // Anything else ("vs.", "al.", "(Firmado)") is prose that happens to look like a marker.
    if (LETTER_LABEL.test(label) || romanValue(label) !== null) {
      return { kind: "item", label, indent, rest: labeled[3] ?? "" };
    }
  }
  const bullet = BULLET.exec(text);
  if (bullet) return { kind: "item", label: null, indent, rest: bullet[1] ?? "" };
  return null;
}

/**
 * Decides the level of each sub-item in a run of items. A roman-looking label is roman (level 2)
 * unless it is simply the next letter of the lettered list, so "(i)" after "(h)" stays a letter
 * and "(v)" after "(iv)" stays roman. Plain bullets indented past the run's first item are level 2.
 */
export class SubitemLevels {
  /** Position of the last level-1 item's letter; 0 when the run has none. */
  private letter = 0;
  /** Value of the last item's roman numeral; 0 when the last item was not level 2. */
  private roman = 0;
  private baseIndent: number | null = null;

  /** Starts a new run: a paragraph or heading ends the list before it. */
  reset(): void {
    this.letter = 0;
    this.roman = 0;
    this.baseIndent = null;
  }

  /** The level of the next item, given its label (null for a plain bullet) and indentation. */
  next(label: string | null, indent: number): 1 | 2 {
    const level = label === null ? this.bulletLevel(indent) : this.labelLevel(label);
    this.baseIndent ??= indent;
    if (level === 1) {
      this.letter = (label === null ? null : letterIndex(label)) ?? this.letter + 1;
      this.roman = 0;
    } else {
      this.roman = (label === null ? null : romanValue(label)) ?? this.roman + 1;
    }
    return level;
  }

  private bulletLevel(indent: number): 1 | 2 {
    return this.baseIndent !== null && indent > this.baseIndent ? 2 : 1;
  }

  private labelLevel(label: string): 1 | 2 {
    const roman = romanValue(label);
    const letter = letterIndex(label);
    if (roman !== null && this.roman > 0 && roman === this.roman + 1) return 2;
    if (letter !== null && this.letter > 0 && letter === this.letter + 1) return 1;
    return roman !== null ? 2 : 1;
  }
}
