/**
 * The REST API's edge for errors: which thrown errors become which statuses, in one place. Only the
 * API's own `HttpError`s, and body-parser's unreadable or oversized body, answer 4xx; anything else
 * thrown — a `RangeError` from inner code included — is the server's fault: logged, and a 500.
 */
import type express from "express";
import { MAX_UPLOAD_BYTES } from "../../shared/importPreview";
import { refusal, type ErrorAnswer } from "../../shared/refusals";
import { formatMegabytes, ImportRefusal, megabytes } from "../import/ImportRefusal";
import { log, LogEvent } from "../log";
import { HttpError, httpErrors } from "./HttpError";

/** Largest JSON body the API reads (express.json's limit), in kilobytes. */
const MAX_JSON_KILOBYTES = 64;
/** Largest JSON body the API reads, as express.json takes it. */
export const MAX_JSON_BODY = `${MAX_JSON_KILOBYTES}kb`;

/** Express's error handler for the app: `{error, reason, values, message}` with the status the error calls for. */
export function answerError(error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction): void {
  const known = knownError(error);
  if (known) {
    res.status(known.status).json(answerOf(known));
    return;
  }
  // The route's pattern, not the path: a sign-in path holds its secret.
  log.error(LogEvent.crashAvoided, { during: `a ${req.method} request`, route: (req.route as { path?: string } | undefined)?.path ?? null, status: 500, error });
  res.status(500).json(answerOf(httpErrors.internal()));
}

/** The answer's body for `error`. */
export function answerOf(error: HttpError): ErrorAnswer {
  return { error: error.id, reason: error.refusal.reason, values: error.refusal.values, message: error.message };
}

/** `error` as the API's own error, or null when it is not one of ours (a 500). */
function knownError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  // A file the importer will not read: the refusal's own status, reason and sentence (a real size).
  if (error instanceof ImportRefusal) return new HttpError(error.httpStatus, error.id, error.refusal, error.message);
  const status = (error as { status?: number }).status;
  if (status === 413) {
    const values = { formKilobytes: MAX_JSON_KILOBYTES, fileMegabytes: megabytes(MAX_UPLOAD_BYTES) };
    return httpErrors.tooLarge(refusal("request-too-large", values), `The request is larger than the ${MAX_JSON_BODY} a form may send, or the ${formatMegabytes(MAX_UPLOAD_BYTES)} a file may have.`);
  }
  if (status === 400) return httpErrors.badRequest(refusal("body-unreadable"), "The request body could not be read.");
  // A missing asset (the static middleware does not fall through).
  if (status === 404) return httpErrors.notFound("file-not-found");
  return null;
}
