/**
 * The address of a published revision in the app: the draft's page with `?revision=<id>`, which
 * opens the draft and shows that revision read-only over it. The drafts page links to it; the
 * editor page reads it and keeps it current as the reader picks.
 */

/** The query parameter that names the revision shown. */
export const REVISION_PARAM = "revision";

/** The app's address of revision `revisionId` of draft `draftId`; without one, the draft's live text. */
export function revisionHref(draftId: string, revisionId: string | null): string {
  const page = `/d/${encodeURIComponent(draftId)}`;
  return revisionId === null ? page : `${page}?${new URLSearchParams({ [REVISION_PARAM]: revisionId }).toString()}`;
}

/** The revision the address `search` names, or null for the live text. */
export function revisionInAddress(search: string): string | null {
  const id = new URLSearchParams(search).get(REVISION_PARAM);
  return id ? id : null;
}
