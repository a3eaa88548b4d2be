/** Audit entries as the API serves them: each with its user's name as the members list shows it. */
import type { AuditEntryView } from "../../shared/audit/auditEntry";
import type { IdentityStore } from "../identity/IdentityStore";
import type { AuditEntry } from "../storage/Storage";

/** Each entry with its user's name, looked up once per user of the entries. */
export async function withUserNames(identity: IdentityStore, entries: AuditEntry[]): Promise<AuditEntryView[]> {
  const names = new Map<string, string | null>();
  for (const userId of new Set(entries.map((entry) => entry.userId))) {
    if (userId) names.set(userId, (await identity.getUser(userId))?.name ?? null);
  }
  return entries.map((entry) => ({ ...entry, userName: entry.userId ? (names.get(entry.userId) ?? null) : null }));
}
