/**
 * The page's requests about published revisions: the list, publishing the next one (the chair), one
 * room of a revision as stored (Yjs update bytes) and the redline between two texts. Each resolves
 * with the answer or the message a person reads; none throws.
 */
import { redlinePath, revisionsPath } from "../../shared/appPaths";
import type { Room } from "../../shared/documentLayout";
import type { Redline } from "../../shared/revisions/redlineModel";
import type { PublishRevisionBody, RevisionListing, RevisionsAnswer } from "../../shared/revisions/revisionListing";
import { request, sendJson, type Answer } from "../desk/deskApi";

/** The draft's published revisions, oldest first. */
export async function fetchRevisions(draftId: string, signal?: AbortSignal): Promise<Answer<RevisionListing[]>> {
  const answer = await request<RevisionsAnswer>(revisionsPath(draftId), {}, signal);
  return answer.ok ? { ok: true, value: answer.value.revisions } : answer;
}

/** Publishes the next revision; the answer is the revision as listed. */
export function publishRevision(draftId: string, body: PublishRevisionBody, signal?: AbortSignal): Promise<Answer<unknown>> {
  return sendJson<unknown>(revisionsPath(draftId), "POST", body, signal);
}

/** `room` of revision `revisionId` as the server stored it: the whole state as one Yjs update. */
export async function fetchRevisionRoom(draftId: string, revisionId: string, room: Room, signal?: AbortSignal): Promise<Answer<Uint8Array>> {
  const answer = await request<ArrayBuffer>(revisionsPath(draftId, revisionId, room), {}, signal, (response) => response.arrayBuffer());
  return answer.ok ? { ok: true, value: new Uint8Array(answer.value) } : answer;
}

/** The redline from `from` to `to` (revision ids, or `LIVE_TEXT`), as the page draws it. */
export function fetchRedline(draftId: string, from: string, to: string, signal?: AbortSignal): Promise<Answer<Redline>> {
  return request<Redline>(redlinePath(draftId, from, to, "json"), {}, signal);
}
