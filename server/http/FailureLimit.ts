/**
 * The limit on guessing: failed sign-ins (a spent or unknown link) and refused tokens or sessions
 * are counted per address in express-rate-limit's store; an address over the limit is answered 429
 * with `Retry-After` on the API, the sign-in routes and the sync socket until its window ends.
 *
 * Only failures are counted. (express-rate-limit's own middleware counts every request while it
 * runs and takes back the good ones when they end, so a hall of delegates behind one address
 * loading their pages at once would be refused.)
 */
import type { IncomingMessage } from "node:http";
import type express from "express";
import { MemoryStore, type Options, type Store } from "express-rate-limit";
import { presentedSecret } from "../identity/authenticate";
import { log, LogEvent } from "../log";
import { clientAddress } from "./clientAddress";
import { httpErrors } from "./HttpError";
import type { HttpLimits } from "./httpLimits";

/** Failures counted per address, with what happens once an address has made too many. */
export class FailureLimit {
  /**
   * @param store where the counts are kept: this process's memory, or in cluster mode a store all
   *   processes share (`SharedFailureCounts`)
   */
  constructor(
    private readonly limits: Pick<HttpLimits, "maxFailuresPerWindow" | "failureWindowMs">,
    private readonly store: Store & Required<Pick<Store, "get" | "shutdown">> = new MemoryStore(),
  ) {
    this.store.init?.({ windowMs: limits.failureWindowMs } as Options);
  }

  /** Seconds `request`'s address must wait before it may try again; 0 when it may try now. */
  async retryAfterSeconds(request: IncomingMessage): Promise<number> {
    const counted = await this.store.get(clientAddress(request));
    if (!counted || counted.totalHits < this.limits.maxFailuresPerWindow) return 0;
    return Math.max(1, Math.ceil(((counted.resetTime?.getTime() ?? Date.now()) - Date.now()) / 1000));
  }

  /** Counts one failure of `request`'s address (`what` failed, for the log); logs the failure that reaches the limit. */
  async failed(request: IncomingMessage, what: string): Promise<void> {
    const address = clientAddress(request);
    const counted = await this.store.increment(address);
    log.info(LogEvent.credentialRefused, { what, address, failures: counted.totalHits });
    if (counted.totalHits === this.limits.maxFailuresPerWindow) {
      log.warn(LogEvent.rateLimited, { address, failures: counted.totalHits, windowMs: this.limits.failureWindowMs });
    }
  }

  /**
   * Middleware for the routes that check a secret: a blocked address gets 429 and `Retry-After`;
   * an answer that refuses a presented secret (401) or a sign-in link (410) counts a failure.
   */
  middleware(): express.RequestHandler {
    return (request, response, next) => {
      this.retryAfterSeconds(request).then(
        (wait) => {
          if (wait > 0) {
            response.setHeader("Retry-After", String(wait));
            return next(httpErrors.tooManyFailures(wait));
          }
          response.once("finish", () => {
            const what = failureOf(request, response.statusCode);
            if (what) void this.failed(request, what);
          });
          next();
        },
        (error: unknown) => next(error),
      );
    };
  }

  /** Stops the store's timer. */
  close(): void {
    void this.store.shutdown();
  }
}

function failureOf(request: IncomingMessage, status: number): string | null {
  if (status === 410) return "sign-in link";
  if (status === 401 && presentedSecret(request) !== null) return "token or session";
  return null;
}
