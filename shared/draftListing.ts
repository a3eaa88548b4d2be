/** What `GET /api/drafts` answers for each draft: the drafts page's contract with the server. */
import type { Progress } from "../schemas/records";
import type { Role } from "./roles";

/** One draft as `GET /api/drafts` lists it, with the signed-in member's part in it. */
export interface ListedDraft {
  id: string;
  title: string;
  symbol: string | null;
  role: Role;
  state: string | null;
  /** Null until the server has first counted the draft. */
  progress: Progress | null;
  /** Whether observers read the draft's stances and comments (the chair sets it). */
  observersReadFloor: boolean;
}
