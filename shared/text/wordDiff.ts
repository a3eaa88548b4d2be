/**
 * A word-level comparison of two texts, for showing a change as a redline: the longest common
 * subsequence of words (and the spaces between them), after the common start and end are set aside.
 */

/** What a stretch of the comparison is: in both texts, only in the old one, or only in the new one. */
export const DiffKind = { same: "same", removed: "removed", added: "added" } as const;
export type DiffKind = (typeof DiffKind)[keyof typeof DiffKind];

/** One stretch of the comparison. */
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Past this many word pairs the middle is shown as removed then added, not compared word by word. */
const MAX_COMPARED_PAIRS = 250_000;

function words(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(parts: DiffPart[], kind: DiffKind, text: string): void {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** The stretches that turn `before` into `after`, word by word, in text order. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const parts: DiffPart[] = [];
  push(parts, DiffKind.same, a.slice(0, head).join(""));
  if (midA.length * midB.length > MAX_COMPARED_PAIRS) {
    push(parts, DiffKind.removed, midA.join(""));
    push(parts, DiffKind.added, midB.join(""));
  } else {
    // lengths[i][j]: the longest common subsequence of midA[i..] and midB[j..].
    const width = midB.length + 1;
    const lengths = new Uint32Array((midA.length + 1) * width);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lengths[i * width + j] = midA[i] === midB[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length || j < midB.length) {
      if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
        push(parts, DiffKind.same, midA[i++]!);
        j++;
      } else if (i < midA.length && (j === midB.length || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
        push(parts, DiffKind.removed, midA[i++]!);
      } else {
        push(parts, DiffKind.added, midB[j++]!);
      }
    }
  }
  push(parts, DiffKind.same, a.slice(a.length - tail).join(""));
  return parts;
}
