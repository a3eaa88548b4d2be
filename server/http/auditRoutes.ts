/** The chair reads a draft's audit log, newest first, a page at a time (`?before=<seq>&limit=`). */
import express from "express";
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
    "/api/drafts/:id/audit",
    route(async (request, response) => {
      const draftId = String(request.params.id);
      await requireChair(storage.identity, request, draftId);
      const query = readQuery(request, "audit");
      const before = query.before;
      const limit = Math.min(query.limit ?? AUDIT_PAGE_SIZE, MAX_AUDIT_PAGE_SIZE);
      const entries = await storage.readAudit(draftId, { before, limit });
      const next = entries.length === limit ? entries[entries.length - 1]!.seq : null;
      response.json({ entries, next });
    }),
  );
  return router;
}
