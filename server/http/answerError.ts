/**
 * The REST API's edge for errors: which thrown errors become which statuses, in one place. Only the
 * API's own `HttpError`s, and body-parser's unreadable or oversized body, answer 4xx; anything else
 * thrown — a `RangeError` from inner code included — is the server's fault: logged, and a 500.
 */
import type express from "express";
import { MAX_UPLOAD_BYTES } from "../../shared/importPreview";
import { formatMegabytes, ImportRefusal } from "../import/ImportRefusal";
import { log, LogEvent } from "../log";
import { HttpError } from "./HttpError";

/** Largest JSON body the API reads (express.json's limit). */
export const MAX_JSON_BODY = "64kb";

/** Express's error handler for the app: `{error, message}` with the status the error calls for. */
export function answerError(error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction): void {
  if (error instanceof HttpError) {
    res.status(error.status).json({ error: error.id, message: error.message });
    return;
  }
  // A file the importer will not read: the refusal's own status and sentence (a real size, a reason).
  if (error instanceof ImportRefusal) {
    res.status(error.httpStatus).json({ error: error.id, message: error.message });
    return;
  }
  const status = (error as { status?: number }).status;
  if (status === 413) {
    res.status(413).json({ error: "too-large", message: `The request is larger than the ${MAX_JSON_BODY} a form may send, or the ${formatMegabytes(MAX_UPLOAD_BYTES)} a file may have.` });
    return;
  }
  if (status === 400) {
    res.status(400).json({ error: "bad-request", message: "The request body could not be read." });
    return;
  }
  if (status === 404) {
    // A missing asset (the static middleware does not fall through).
    res.status(404).json({ error: "not-found", message: "No such file." });
    return;
  }
  // The route's pattern, not the path: a sign-in path holds its secret.
  log.error(LogEvent.crashAvoided, { during: `a ${req.method} request`, route: (req.route as { path?: string } | undefined)?.path ?? null, status: 500, error });
  res.status(500).json({ error: "internal", message: "Something went wrong on the server." });
}
