/**
 * What the page shows of a published revision, whether it came from the revisions listing (the
 * drafts page) or from the live `decisions` map the editor page already holds, where the server
 * records each revision as it is published: no request, current for every member, offline too.
 */
import type { PublishedRevision } from "../../shared/revisions/publishedRevisions";
import type { RevisionListing } from "../../shared/revisions/revisionListing";

/** A published revision as the page names and opens it; `publishedBy` only where the listing gave it. */
export type RevisionSummary = Pick<RevisionListing, "id" | "ordinal" | "label" | "symbol" | "date" | "note" | "publishedAt"> & { publishedBy?: string | null };

/** The summary of a revision recorded in `decisions`. */
export function summaryOfRecord({ id, record }: PublishedRevision): RevisionSummary {
  return { id, ordinal: record.ordinal, label: record.label, symbol: record.symbol ?? null, date: record.date, note: record.note ?? null, publishedAt: record.at };
}
