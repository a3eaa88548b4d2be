/**
 * Errors the REST API answers with: a status, the kind of error, the refusal's stable id and values
 * (`shared/refusals.ts`, which the page translates) and the same in English for scripts.
 */
import { refusal, type Refusal, type RefusalReason } from "../../shared/refusals";

/** An error with its HTTP status; the edge turns it into `{error, reason, values, message}`. */
export class HttpError extends Error {
  override readonly name = "HttpError";

  constructor(
    readonly status: number,
    readonly id: string,
    readonly refusal: Refusal,
    message: string,
  ) {
    super(message);
  }
}

/** An inner error that refuses a person's input, with its refusal: what `refusalsAreBadRequests` turns into a 400. */
export interface RefusingError extends Error {
  readonly refusal: Refusal;
}

/**
 * Runs `work`; a refusal of one of `kinds` it throws — a person's bad input, found by inner code
 * (`MemberRefusal`, `DraftRefusal`…) — becomes a 400 with its reason. Anything else stays what it
 * is, so an internal error is a 500.
 */
export async function refusalsAreBadRequests<T>(kinds: ReadonlyArray<abstract new (...args: never[]) => RefusingError>, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (kinds.some((kind) => error instanceof kind)) throw httpErrors.badRequest((error as RefusingError).refusal, (error as Error).message);
    throw error;
  }
}

/** The refusals that say something does not exist. */
export type NotFoundReason = Extract<RefusalReason, `${string}-not-found`>;

const NOT_FOUND_WORDS: Record<NotFoundReason, string> = {
  "draft-not-found": "That draft does not exist.",
  "room-not-found": "That room does not exist.",
  "member-not-found": "That member does not exist.",
  "revision-not-found": "That revision does not exist.",
  "page-not-found": "No such page.",
  "file-not-found": "No such file.",
};

/** The refusals that say someone may not do something. */
export type ForbiddenReason = "not-a-member" | "chair-only" | "organizer-only" | "members-admin-only" | "room-not-readable" | "delegations-only" | "contributions-not-public" | "observer-export-view" | "not-allowed";

const FORBIDDEN_WORDS: Record<ForbiddenReason, string> = {
  "not-a-member": "You are not a member of this draft.",
  "chair-only": "Only the chair may do that.",
  "organizer-only": "Only the secretariat (an organizer account) may do that.",
  "members-admin-only": "Only the chair or the secretariat may administer the members of this draft.",
  "room-not-readable": "You may not read this room.",
  "delegations-only": "Only a delegation may do that.",
  "contributions-not-public": "The written contributions of this draft are not public.",
  "observer-export-view": "Observers may export only the clean text of this draft.",
  "not-allowed": "You may not do that in this draft.",
};

/** The API's errors, one factory each: the refusal for the page, the sentence for scripts. */
export const httpErrors = {
  badRequest: (refused: Refusal, message: string) => new HttpError(400, "bad-request", refused, message),
  unauthenticated: () => new HttpError(401, "unauthenticated", refusal("sign-in-first"), "Sign in with your invitation link first."),
  /** `message` overrides the English when it says more (the view an observer asked for). */
  forbidden: (reason: ForbiddenReason = "not-allowed", message: string = FORBIDDEN_WORDS[reason]) => new HttpError(403, "forbidden", refusal(reason), message),
  foreignOrigin: () =>
    new HttpError(403, "foreign-origin", refusal("foreign-origin"), "This request came from a page of another site or address, which may not act for you; use Concord's own page."),
  notFound: (reason: NotFoundReason) => new HttpError(404, "not-found", refusal(reason), NOT_FOUND_WORDS[reason]),
  tooLarge: (refused: Refusal, message: string) => new HttpError(413, "too-large", refused, message),
  unsupportedType: (refused: Refusal, message: string) => new HttpError(415, "unsupported-type", refused, message),
  tooManyFailures: (retryAfterSeconds: number) => {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    return new HttpError(429, "too-many-failures", refusal("too-many-failures", { minutes }), `Too many failed sign-ins or unknown tokens from your address; try again in ${minutes} minute(s).`);
  },
  unavailable: (refused: Refusal, message: string) => new HttpError(503, "unavailable", refused, message),
  linkSpent: () => new HttpError(410, "link-spent", refusal("link-spent"), "This sign-in link was already used or has expired; ask the secretariat for a new one."),
  internal: () => new HttpError(500, "internal", refusal("internal"), "Something went wrong on the server."),
};
