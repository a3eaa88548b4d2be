/**
 * The REST API's edge for errors: which thrown errors become which statuses, in one place. Only the
 * API's own `HttpError`s, and body-parser's unreadable or oversized body, answer 4xx; anything else
 * thrown — a `RangeError` from inner code included — is the server's fault: logged, and a 500.
 */
import type express from "express";
import { HttpError } from "./HttpError";

/** Express's error handler for the app: `{error, message}` with the status the error calls for. */
export function answerError(error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction): void {
  if (error instanceof HttpError) {
    res.status(error.status).json({ error: error.id, message: error.message });
    return;
  }
  const status = (error as { status?: number }).status;
  if (status === 400 || status === 413) {
    res.status(status).json({ error: status === 413 ? "too-large" : "bad-request", message: "The request body could not be read." });
    return;
  }
  if (status === 404) {
    // A missing asset (the static middleware does not fall through).
    res.status(404).json({ error: "not-found", message: "No such file." });
    return;
  }
  console.error(error);
  res.status(500).json({ error: "internal", message: "Something went wrong on the server." });
}
