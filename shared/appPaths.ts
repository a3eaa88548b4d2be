/** Paths of the browser app that both the server and the client name. */

/** Where the service worker is served (client/serviceWorker.ts): the root, so it looks after every app route. */
export const SERVICE_WORKER_PATH = "/sw.js";

/** Where the page's scripts, styles and message catalogs are served. */
export const ASSETS_PATH = "/assets";

/** A UI language's compiled message catalog (written by the build, loaded when the language is chosen). */
export function catalogPath(language: string): string {
  return `${ASSETS_PATH}/messages/${encodeURIComponent(language)}.json`;
}

/** The route of a room's compressed snapshot (Express syntax), for a fresh client's first open. */
export const SNAPSHOT_ROUTE = "/api/drafts/:id/rooms/:room/snapshot";

/** The URL of the snapshot of `room` of draft `draftId`. */
export function snapshotPath(draftId: string, room: string): string {
  return SNAPSHOT_ROUTE.replace(":id", encodeURIComponent(draftId)).replace(":room", encodeURIComponent(room));
}

/** The drafts the signed-in person is a member of. */
export const DRAFTS_ROUTE = "/api/drafts";

/** One draft with the person's part in it (GET), and the chair's settings of it (PATCH), in Express syntax. */
export const DRAFT_ROUTE = `${DRAFTS_ROUTE}/:id`;

/** The URL of draft `draftId` in the API. */
export function draftPath(draftId: string): string {
  return DRAFT_ROUTE.replace(":id", encodeURIComponent(draftId));
}

/** Ends the session (POST). */
export const SIGN_OUT_ROUTE = "/api/signout";

/** A draft's members (GET lists, POST invites), in Express syntax. */
export const MEMBERS_ROUTE = `${DRAFT_ROUTE}/members`;

/** One member of a draft (PATCH changes the role, DELETE revokes), in Express syntax. */
export const MEMBER_ROUTE = `${MEMBERS_ROUTE}/:memberId`;

/** The URL of draft `draftId`'s members, or of one of them. */
export function membersPath(draftId: string, memberId?: string): string {
  const members = MEMBERS_ROUTE.replace(":id", encodeURIComponent(draftId));
  return memberId === undefined ? members : `${members}/${encodeURIComponent(memberId)}`;
}

/** A draft as a file (GET `?format=…&view=…`), in Express syntax. */
export const EXPORT_ROUTE = `${DRAFT_ROUTE}/export`;

/** The URL of draft `draftId` exported in `format` and `view`. */
export function exportPath(draftId: string, format: string, view: string): string {
  return `${draftPath(draftId)}/export?format=${encodeURIComponent(format)}&view=${encodeURIComponent(view)}`;
}

/** A draft's audit log, for the chair (Express syntax). */
export const AUDIT_ROUTE = `${DRAFT_ROUTE}/audit`;

/** The URL of draft `draftId`'s audit log, with the filters `query` gives. */
export function auditPath(draftId: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(name, String(value));
  const search = params.toString();
  return `${AUDIT_ROUTE.replace(":id", encodeURIComponent(draftId))}${search ? `?${search}` : ""}`;
}

/** A draft's published revisions (GET lists them, POST publishes the next one: the chair), in Express syntax. */
export const REVISIONS_ROUTE = `${DRAFT_ROUTE}/revisions`;

/** One room of a published revision as stored, a Yjs update of its whole state (GET), in Express syntax. */
export const REVISION_ROOM_ROUTE = `${REVISIONS_ROUTE}/:revisionId/rooms/:room`;

/** The URL of draft `draftId`'s revisions, or of one room of one of them. */
export function revisionsPath(draftId: string, revisionId?: string, room?: string): string {
  const revisions = REVISIONS_ROUTE.replace(":id", encodeURIComponent(draftId));
  if (revisionId === undefined) return revisions;
  return `${revisions}/${encodeURIComponent(revisionId)}/rooms/${encodeURIComponent(room ?? "text")}`;
}

/** Stands for the live text where a revision id is expected (`?to=live`). */
export const LIVE_TEXT = "live";

/** The redline between two revisions, or a revision and the live text (GET `?from=&to=&format=`), in Express syntax. */
export const REDLINE_ROUTE = `${DRAFT_ROUTE}/redline`;

/** The URL of the redline of draft `draftId` from revision `from` to `to` (a revision id or `LIVE_TEXT`), in `format`. */
export function redlinePath(draftId: string, from: string, to: string, format: string): string {
  const params = new URLSearchParams({ from, to, format });
  return `${REDLINE_ROUTE.replace(":id", encodeURIComponent(draftId))}?${params.toString()}`;
}

/** One paragraph's history: every change to its words, proposals and decisions on it, its text in each revision (GET). */
export const PARAGRAPH_HISTORY_ROUTE = `${DRAFT_ROUTE}/paragraphs/:pid/history`;

/** The URL of paragraph `pid`'s history in draft `draftId`. */
export function paragraphHistoryPath(draftId: string, pid: string): string {
  return PARAGRAPH_HISTORY_ROUTE.replace(":id", encodeURIComponent(draftId)).replace(":pid", encodeURIComponent(pid));
}
