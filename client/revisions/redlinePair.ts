/** Which two texts the redline compares when it opens: the latest two revisions, or the latest one and the live text. */
import { LIVE_TEXT } from "../../shared/appPaths";

/** Two texts to compare: revision ids, `to` possibly `LIVE_TEXT`. */
export interface RedlinePair {
  from: string;
  to: string;
}

/** The pair to show first for `revisions` (oldest first); null before any revision is published. */
export function defaultRedlinePair(revisions: ReadonlyArray<{ id: string }>): RedlinePair | null {
  const latest = revisions.at(-1);
  if (!latest) return null;
  const before = revisions.at(-2);
  return before ? { from: before.id, to: latest.id } : { from: latest.id, to: LIVE_TEXT };
}
