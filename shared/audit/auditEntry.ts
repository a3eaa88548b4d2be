/**
 * An audit entry as `GET /api/drafts/:id/audit` serves it, and how a reader groups a person's
 * keystrokes in one paragraph into one change ("Paragraph 3: … → …") rather than one entry each.
 */
import { mergeParagraphWords, type AuditWords } from "./auditWords";

/** Principal of writes the server makes itself (status, settled silence procedures). */
export const SERVER_PRINCIPAL = "server";

/** How a delegation's principal begins: users acting for one state share `state:CUB`. */
export const STATE_PRINCIPAL_PREFIX = "state:";

/** The principal that signs a delegation's writes. */
export function statePrincipal(state: string): string {
  return `${STATE_PRINCIPAL_PREFIX}${state}`;
}

/** The state of a delegation's principal; null for the chair, the server and observers. */
export function principalState(principal: string): string | null {
  return principal.startsWith(STATE_PRINCIPAL_PREFIX) ? principal.slice(STATE_PRINCIPAL_PREFIX.length) : null;
}

/** A root and top-level key a write touched (key null in `content`). */
export interface TouchedKey {
  root: string;
  key: string | null;
}

/** One entry of a draft's audit log, newest first in the API's answer. */
export interface AuditEntryView {
  seq: number;
  room: string;
  /** `chair`, `state:CUB`, or `server`. */
  principal: string;
  userId: string | null;
  /** The user's name as the server knows it; null for the server's own writes. */
  userName: string | null;
  at: string;
  touched: TouchedKey[];
  /** What the write said; null for entries written before the audit kept words. */
  words: AuditWords | null;
}

/** One page of the audit log; `next` is the `before` that asks for the following page. */
export interface AuditPage {
  entries: AuditEntryView[];
  next: number | null;
}

/** Entries grouped for reading: `edits` entries in a row, from `firstAt` to `at`. */
export interface GroupedEntry extends AuditEntryView {
  edits: number;
  firstAt: string;
}

/** Changes of one paragraph by one person further apart than this are shown apart. */
export const EDIT_RUN_GAP_MS = 5 * 60_000;

/** The paragraph a text-only entry changes, when it changes exactly one. */
function singleParagraph(entry: AuditEntryView) {
  const paragraphs = entry.words?.paragraphs;
  if (!paragraphs || paragraphs.length !== 1 || (entry.words?.records?.length ?? 0) > 0 || entry.words?.omitted) return null;
  return paragraphs[0]!;
}

/**
 * Groups entries (newest first) so that one person's changes to one paragraph in a row, each close
 * to the next, read as one change from the first words to the last.
 */
export function groupEdits(entries: readonly AuditEntryView[]): GroupedEntry[] {
  const grouped: GroupedEntry[] = [];
  for (const entry of entries) {
    const last = grouped[grouped.length - 1];
    const older = singleParagraph(entry);
    const newer = last && singleParagraph(last);
    if (last && older && newer && last.principal === entry.principal && last.userId === entry.userId && Date.parse(last.firstAt) - Date.parse(entry.at) <= EDIT_RUN_GAP_MS) {
      const merged = mergeParagraphWords(older, newer);
      if (merged) {
        grouped[grouped.length - 1] = { ...last, words: { paragraphs: [merged] }, edits: last.edits + 1, firstAt: entry.at };
        continue;
      }
    }
    grouped.push({ ...entry, edits: 1, firstAt: entry.at });
  }
  return grouped;
}
