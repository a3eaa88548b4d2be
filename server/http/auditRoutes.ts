/**
 * The chair reads a draft's audit log, newest first, a page at a time (`?before=<seq>&limit=`),
 * optionally only one state's writes (`?state=CUB`) or one paragraph's history (`?pid=…`). Each
 * entry says who (principal and user), when, and what the write said (`AuditEntryView`).
 */
import express from "express";
import { statePrincipal, type AuditEntryView, type AuditPage } from "../../shared/audit/auditEntry";
import { AUDIT_ROUTE } from "../../shared/appPaths";
import { PID_PATTERN } from "../../shared/pid";
import { STATE_CODE_PATTERN } from "../../shared/states";
import type { IdentityStore } from "../identity/IdentityStore";
import type { AuditEntry, Storage } from "../storage/Storage";
import { httpErrors } from "./HttpError";
import { requireChair, route } from "./requestContext";

/** Entries per page unless `limit` asks for fewer or more (up to the maximum). */
export const AUDIT_PAGE_SIZE = 100;
export const MAX_AUDIT_PAGE_SIZE = 1000;

function positiveInteger(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw httpErrors.badRequest(`${name} must be a positive integer`);
  return number;
}

/** A query parameter that must match `pattern` when given. */
function matching(value: unknown, pattern: RegExp, name: string, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !pattern.test(value)) throw httpErrors.badRequest(`${name} must be ${what}`);
  return value;
}

/** Each entry with its user's name, looked up once per user of the page. */
async function withUserNames(identity: IdentityStore, entries: AuditEntry[]): Promise<AuditEntryView[]> {
  const names = new Map<string, string | null>();
  for (const userId of new Set(entries.map((entry) => entry.userId))) {
    if (userId) names.set(userId, (await identity.getUser(userId))?.name ?? null);
  }
  return entries.map((entry) => ({ ...entry, userName: entry.userId ? (names.get(entry.userId) ?? null) : null }));
}

/** `GET /api/drafts/:id/audit`. */
export function auditRoutes(storage: Storage): express.Router {
  const router = express.Router();
  router.get(
    AUDIT_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      await requireChair(storage.identity, request, draftId);
      const before = positiveInteger(request.query.before, "before");
      const limit = Math.min(positiveInteger(request.query.limit, "limit") ?? AUDIT_PAGE_SIZE, MAX_AUDIT_PAGE_SIZE);
      const state = matching(request.query.state, STATE_CODE_PATTERN, "state", "a three-letter state code such as CUB");
      const pid = matching(request.query.pid, PID_PATTERN, "pid", "a paragraph id (1 to 40 letters, digits, _ or -)");
      const entries = await storage.readAudit(draftId, {
        before,
        limit,
        ...(state === undefined ? {} : { principal: statePrincipal(state) }),
        ...(pid === undefined ? {} : { pid }),
      });
      const next = entries.length === limit ? entries[entries.length - 1]!.seq : null;
      const page: AuditPage = { entries: await withUserNames(storage.identity, entries), next };
      response.json(page);
    }),
  );
  return router;
}
