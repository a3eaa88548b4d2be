/**
 * A word-level comparison of two texts, for showing a change as a redline: jsdiff's `diffWordsWithSpace`
 * (the stack's `diff`), which keeps every space in the stretches so that the unchanged and added
 * stretches spell the new text and the unchanged and removed ones the old.
 */
import { diffWordsWithSpace } from "diff";

/** What a stretch of the comparison is: in both texts, only in the old one, or only in the new one. */
export const DiffKind = { same: "same", removed: "removed", added: "added" } as const;
export type DiffKind = (typeof DiffKind)[keyof typeof DiffKind];

/** One stretch of the comparison. */
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/**
 * Past this many edits the texts are shown as removed then added, not compared word by word: the
 * comparison's time grows with the edits, and a paste over a whole paragraph reads as a new text anyway.
 */
const MAX_EDIT_LENGTH = 2_000;

function push(parts: DiffPart[], kind: DiffKind, text: string): void {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** The whitespace both texts end with, so that a joined change can hand it back to the words after it. */
function sharedTrailingSpace(a: string, b: string): string {
  const space = /\s*$/.exec(a)![0];
  let shared = 0;
  while (shared < space.length && b.length - shared > 0 && b[b.length - 1 - shared] === space[space.length - 1 - shared]) shared++;
  return space.slice(space.length - shared);
}

/**
 * The stretches that turn `before` into `after`, word by word, in text order; each stretch of
 * changes reads as its removed words then its added ones. A comparison of words and spaces matches
 * the spaces between changed words ("an open" → "a free, open": "an" removed, "a" added, " " kept,
 * "free, " added), which reads as a word removed, one added, the next removed…; so a space alone
 * between two changes joins them, on both sides, and the space both sides then end with goes back
 * to the unchanged words after them.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) {
    push(parts, DiffKind.removed, before);
    push(parts, DiffKind.added, after);
    return parts;
  }
  let removed = "";
  let added = "";
  const flush = () => {
    const space = sharedTrailingSpace(removed, added);
    push(parts, DiffKind.removed, removed.slice(0, removed.length - space.length));
    push(parts, DiffKind.added, added.slice(0, added.length - space.length));
    push(parts, DiffKind.same, space);
    removed = added = "";
  };
  changes.forEach((change, index) => {
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else if ((removed !== "" || added !== "") && /^\s+$/.test(change.value) && index + 1 < changes.length) {
      removed += change.value;
      added += change.value;
    } else {
      flush();
      push(parts, DiffKind.same, change.value);
    }
  });
  flush();
  return parts;
}
