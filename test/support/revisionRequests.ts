/** Revisions over the REST API, as the page and scripts call it: publish, list, read a stored room. */
import type { ConcordServer } from "../../server/ConcordServer";
import { revisionsPath } from "../../shared/appPaths";
import type { Room } from "../../shared/documentLayout";
import type { PublishRevisionBody, RevisionListing, RevisionsAnswer } from "../../shared/revisions/revisionListing";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** POSTs a publication with `token`; the raw response, for tests of refusals. */
export function postRevision(server: ConcordServer, draftId: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${revisionsPath(draftId)}`, { method: "POST", headers: { ...bearer(token), "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Publishes a revision with a chair's `token`; fails the test unless it is created. */
export async function publish(server: ConcordServer, draftId: string, token: string, body: PublishRevisionBody): Promise<RevisionListing> {
  const response = await postRevision(server, draftId, token, body);
  if (response.status !== 201) throw new Error(`Publishing answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as RevisionListing;
}

/** The revisions `token`'s member lists; fails the test unless answered 200. */
export async function listRevisions(server: ConcordServer, draftId: string, token: string): Promise<RevisionListing[]> {
  const response = await fetch(`${server.url}${revisionsPath(draftId)}`, { headers: bearer(token) });
  if (response.status !== 200) throw new Error(`Listing revisions answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as RevisionsAnswer).revisions;
}

/** GETs one stored room of a revision with `token` (no token: anonymously); the raw response. */
export function getRevisionRoom(server: ConcordServer, draftId: string, revisionId: string, room: Room | string, token?: string): Promise<Response> {
  return fetch(`${server.url}${revisionsPath(draftId, revisionId, room)}`, { headers: token === undefined ? {} : bearer(token) });
}
