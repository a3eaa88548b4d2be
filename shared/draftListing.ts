/** What `GET /api/drafts` answers for each draft: the drafts page's contract with the server. */
import type { Progress } from "../schemas/records";
import type { Role } from "./roles";

/** One draft as `GET /api/drafts` lists it, with the signed-in member's part in it. */
export interface ListedDraft {
  id: string;
  title: string;
  symbol: string | null;
  /** The member's role; null for an organizer (the secretariat) who is no member of the draft. */
  role: Role | null;
  state: string | null;
  /** Null until the server has first counted the draft. */
  progress: Progress | null;
  /** Whether observers read the draft's stances and comments (the chair sets it). */
  observersReadFloor: boolean;
  /** Whether observers read the draft's written contributions (the chair sets it). */
  observersReadContributions: boolean;
}

/** The whole answer of `GET /api/drafts`. */
export interface DraftsListing {
  drafts: ListedDraft[];
  /** Whether the signed-in user is an organizer (the secretariat), who may create drafts. */
  organizer: boolean;
}
