/**
 * A draft's published revisions as `GET /api/drafts/:id/revisions` lists them (oldest first), and
 * what the chair sends to publish the next one. The contract both sides use.
 */

/** One published revision, without its snapshot. */
export interface RevisionListing {
  /** The key's id: `decisions["revision:<id>"]`. */
  id: string;
  /** 1 for the first revision published in the draft. */
  ordinal: number;
  label: string;
  symbol: string | null;
  /** The date it bears, `YYYY-MM-DD`. */
  date: string;
  note: string | null;
  /** When it was published (ISO time). */
  publishedAt: string;
  /** The name of the chair who published it. */
  publishedBy: string | null;
  /** Hex SHA-256 of the stored `text` snapshot: the bytes never change. */
  textSha256: string;
}

/** `GET /api/drafts/:id/revisions`'s answer. */
export interface RevisionsAnswer {
  revisions: RevisionListing[];
}

/** What the chair sends to publish a revision (`POST /api/drafts/:id/revisions`). */
export interface PublishRevisionBody {
  label: string;
  symbol?: string;
  /** `YYYY-MM-DD`; today (UTC) when absent. */
  date?: string;
  note?: string;
}
