/**
 * Keys of the per-state records (`proposals`, `supports`, `stances`, `comments`): the owner — a state
 * code, or `chair` for the chair's comments — then a colon and the record's own id.
 */

/** Separates the owner from the rest of a key: `CUB:p1a2`. */
export const KEY_SEPARATOR = ":";

/** Owner of the chair's comments. */
export const CHAIR_OWNER = "chair";

/** The id of a delegation's one points-of-contact record: `contacts["CUB:contacts"]`. */
export const CONTACTS_ID = "contacts";

/** What may follow the owner: ids, pids and, for supports, another record's key. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;

/** A record key from its owner and id. */
export function recordKey(owner: string, id: string): string {
  return `${owner}${KEY_SEPARATOR}${id}`;
}

/** The owner and id of a record key; null when the key has no owner or a malformed id. */
export function parseRecordKey(key: string): { owner: string; id: string } | null {
  const at = key.indexOf(KEY_SEPARATOR);
  if (at <= 0) return null;
  const id = key.slice(at + 1);
  if (!RECORD_ID_PATTERN.test(id)) return null;
  return { owner: key.slice(0, at), id };
}
