/**
 * Why shared code refuses a person's action before anything is written (an objection without a
 * reason, a comment too long, a proposal decided meanwhile), written once for both sides: each
 * refusal's stable id with the names of the values its message takes. The page says it in the
 * reader's language from its catalog (`refusals.<reason>`); the error's English `message` is for
 * logs and tests. A bug, not a person's action, stays a plain `RangeError`.
 */

/** Each refusal's id and the names of the values its message takes. */
export const LOCAL_REFUSALS = {
  // Stances and the chair's agreement.
  "objection-needs-reason": [],
  "reason-too-long": ["limit", "length"],
  "paragraph-not-in-text": [],
  "objected-by": ["states", "count"],
  "proposal-open-on-paragraph": [],
  "already-agreed": [],
  // The silence procedure.
  "silence-deadline-missing": [],
  "silence-notice-too-short": ["hours"],
  "silence-paragraphs-gone": [],
  "silence-needs-paragraph": [],
  // Points of contact; `person` counts from 1, `field` is the record's field (name, function, email, phone).
  "too-many-contacts": ["limit"],
  "contact-field-required": ["person", "field"],
  "contact-field-too-short": ["person", "field", "limit"],
  "contact-field-too-long": ["person", "field", "limit"],
  "contact-field-invalid": ["person", "field"],
  // Comments.
  "comment-needs-words": [],
  "comment-too-long": ["limit", "length"],
  "thread-not-found": [],
  // Proposals and the words they quote.
  "proposal-needs-words": [],
  "proposal-too-long": ["limit", "length"],
  "proposal-one-paragraph": [],
  "select-words": [],
  "quote-too-long": ["limit"],
  "proposal-not-found": [],
  "proposal-not-open": [],
  "proposal-orphaned": [],
  "proposal-already-open": [],
} as const satisfies Record<string, readonly string[]>;

/** A local refusal's stable id. */
export type LocalRefusalReason = keyof typeof LOCAL_REFUSALS;

/** One value of a refusal's message: a list (of state codes) is joined the way the reader's language joins lists. */
export type LocalRefusalValue = string | number | readonly string[];

/** The values refusal `R`'s message takes, by name; none at all (`{}`) for a message that takes none. */
export type LocalRefusalValues<R extends LocalRefusalReason = LocalRefusalReason> = (typeof LOCAL_REFUSALS)[R] extends readonly []
  ? Readonly<Record<string, never>>
  : Readonly<Record<(typeof LOCAL_REFUSALS)[R][number], LocalRefusalValue>>;

/** A person's action refused by shared code: its id and values for the page, its English `message` for logs. */
export class LocalRefusal<R extends LocalRefusalReason = LocalRefusalReason> extends RangeError {
  override readonly name = "LocalRefusal";
  /** The values the message takes; the constructor holds them to the names `reason`'s message takes. */
  readonly values: Readonly<Record<string, LocalRefusalValue>>;

  constructor(
    readonly reason: R,
    values: LocalRefusalValues<R>,
    message: string,
  ) {
    super(message);
    this.values = values;
  }
}
