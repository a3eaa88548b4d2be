/** Errors the REST API answers with: a status, a stable id and a message a person can read. */

/** An error with its HTTP status; the edge turns it into `{error, message}`. */
export class HttpError extends Error {
  override readonly name = "HttpError";

  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs `work`; a refusal of one of `kinds` it throws — a person's bad input, found by inner code
 * (`MemberRefusal`, `DraftRefusal`…) — becomes a 400 with its reason. Anything else stays what it
 * is, so an internal error is a 500.
 */
export async function refusalsAreBadRequests<T>(kinds: ReadonlyArray<abstract new (...args: never[]) => Error>, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (kinds.some((kind) => error instanceof kind)) throw httpErrors.badRequest((error as Error).message);
    throw error;
  }
}

/** The API's errors, one factory each. */
export const httpErrors = {
  badRequest: (message: string) => new HttpError(400, "bad-request", message),
  unauthenticated: () => new HttpError(401, "unauthenticated", "Sign in with your invitation link first."),
  forbidden: (message = "You may not do that in this draft.") => new HttpError(403, "forbidden", message),
  foreignOrigin: () => new HttpError(403, "foreign-origin", "This request came from a page of another site or address, which may not act for you; use Concord's own page."),
  notFound: (what = "That") => new HttpError(404, "not-found", `${what} does not exist.`),
  tooLarge: (message: string) => new HttpError(413, "too-large", message),
  unsupportedType: (message: string) => new HttpError(415, "unsupported-type", message),
  tooManyFailures: (retryAfterSeconds: number) =>
    new HttpError(429, "too-many-failures", `Too many failed sign-ins or unknown tokens from your address; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`),
  unavailable: (message: string) => new HttpError(503, "unavailable", message),
  linkSpent: () => new HttpError(410, "link-spent", "This sign-in link was already used or has expired; ask the secretariat for a new one."),
};
