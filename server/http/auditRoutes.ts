/**
 * The chair reads a draft's audit log, newest first, a page at a time (`?before=<seq>&limit=`),
 * optionally only one state's writes (`?state=CUB`) or one paragraph's history (`?pid=…`). Each
 * entry says who (principal and user), when, and what the write said (`AuditEntryView`).
 */
import express from "express";
import { AUDIT_ROUTE } from "../../shared/appPaths";
import { statePrincipal, type AuditPage } from "../../shared/audit/auditEntry";
import { withUserNames } from "../audit/withUserNames";
import type { Storage } from "../storage/Storage";
import { readQuery } from "./readBody";
import { requireChair, route } from "./requestContext";

/** Entries per page unless `limit` asks for fewer or more (up to the maximum). */
export const AUDIT_PAGE_SIZE = 100;
/** The most entries one page gives, however many `limit` asks for. */
export const MAX_AUDIT_PAGE_SIZE = 1000;

/** `GET /api/drafts/:id/audit`. */
export function auditRoutes(storage: Storage): express.Router {
  const router = express.Router();
  router.get(
    AUDIT_ROUTE,
    route(async (request, response) => {
      const draftId = String(request.params.id);
      await requireChair(storage.identity, request, draftId);
      const { before, state, pid, limit } = readQuery(request, "audit");
      const pageSize = Math.min(limit ?? AUDIT_PAGE_SIZE, MAX_AUDIT_PAGE_SIZE);
      const entries = await storage.readAudit(draftId, {
        before,
        limit: pageSize,
        ...(state === undefined ? {} : { principal: statePrincipal(state) }),
        ...(pid === undefined ? {} : { pid }),
      });
      const next = entries.length === pageSize ? entries[entries.length - 1]!.seq : null;
      const page: AuditPage = { entries: await withUserNames(storage.identity, entries), next };
      response.json(page);
    }),
  );
  return router;
}
