/**
 * What `GET /api/drafts/:id` said about a draft and the person's part in it, kept on this device for
 * chairs and delegations so that a reload while offline can still open the draft from its local
 * copy. Observers keep nothing.
 */

const KEY_PREFIX = "concord/draft-info/";

function keyOf(draftId: string): string {
  return `${KEY_PREFIX}${draftId}`;
}

/** The ids of the drafts this device keeps a description of. */
export function rememberedDraftIds(): string[] {
  try {
    return Object.keys(localStorage)
      .filter((key) => key.startsWith(KEY_PREFIX))
      .map((key) => key.slice(KEY_PREFIX.length));
  } catch {
    return [];
  }
}

/** Keeps `info` for a later offline open. */
export function rememberDraftInfo(draftId: string, info: unknown): void {
  try {
    localStorage.setItem(keyOf(draftId), JSON.stringify(info));
  } catch {
    // Storage full or disabled: an offline reload will say it cannot open the draft.
  }
}

/** What was kept, or null. */
export function recallDraftInfo<T>(draftId: string): T | null {
  try {
    const kept = localStorage.getItem(keyOf(draftId));
    return kept === null ? null : (JSON.parse(kept) as T);
  } catch {
    return null;
  }
}

/** Forgets what was kept (access ended, or the person is an observer now). */
export function forgetDraftInfo(draftId: string): void {
  try {
    localStorage.removeItem(keyOf(draftId));
  } catch {
    // Nothing kept.
  }
}
