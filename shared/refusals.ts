/**
 * Why the REST API refused a request, written once for both sides: each refusal's stable id with the
 * names of the values its message takes. Every error answer is `{error, reason, values, message}`:
 * `error` the kind (one per status, for scripts), `reason` one of these ids, which the page shows in
 * the reader's language from its catalog (`server.refusal.<reason>`), and `message` the same in
 * English for scripts and the command line.
 */

/** Each refusal's id and the names of the values its message takes. */
export const REFUSALS = {
  // A body, query or form field the route's contract (schemas/rest/) refuses; `field` is the field's path.
  "field-required": ["field"],
  "field-unknown": ["field"],
  "field-invalid": ["field"],
  "field-blank": ["field"],
  "field-too-long": ["field", "limit"],
  "field-too-short": ["field", "limit"],
  "number-too-large": ["field", "limit"],
  "number-too-small": ["field", "limit"],
  "field-not-one-of": ["field", "allowed"],
  "body-unreadable": [],
  // Forms and uploads.
  "form-part-missing": ["part"],
  "form-part-not-json": ["part"],
  "form-malformed": [],
  "file-unnamed": ["header"],
  "wrong-content-type": ["type"],
  "request-too-large": ["formKilobytes", "fileMegabytes"],
  "file-too-large": ["megabytes", "limitMegabytes"],
  // A file the importer will not read.
  "not-a-text-file": [],
  "not-utf-8": ["offset"],
  "word-file-unpacks-too-large": ["megabytes", "limitMegabytes"],
  empty: [],
  "no-text": [],
  "unreadable-word-file": [],
  "invalid-draft-json": [],
  // Drafts, members, revisions, exports.
  "title-length": ["max", "length"],
  "unknown-role": ["role"],
  "delegation-needs-state": ["state"],
  "state-only-for-delegations": [],
  "member-name-length": ["max"],
  "member-revoked": [],
  "revision-invalid": [],
  "redline-from-live": [],
  "paragraph-id-invalid": [],
  "export-view-refused": [],
  "observer-export-view": [],
  "pdf-missing": [],
  "pdf-busy": [],
  "pdf-timeout": [],
  "pdf-failed": [],
  // Who may do what.
  "sign-in-first": [],
  "link-spent": [],
  "too-many-failures": ["minutes"],
  "foreign-origin": [],
  "not-a-member": [],
  "chair-only": [],
  "organizer-only": [],
  "members-admin-only": [],
  "room-not-readable": [],
  "delegations-only": [],
  "contributions-not-public": [],
  "not-allowed": [],
  // What does not exist.
  "draft-not-found": [],
  "room-not-found": [],
  "member-not-found": [],
  "revision-not-found": [],
  "page-not-found": [],
  "file-not-found": [],
  // The server's own failure.
  internal: [],
} as const satisfies Record<string, readonly string[]>;

/** A refusal's stable id. */
export type RefusalReason = keyof typeof REFUSALS;

/** The values refusal `R`'s message takes, by name. */
export type RefusalValues<R extends RefusalReason = RefusalReason> = Readonly<Record<(typeof REFUSALS)[R][number], string | number>>;

/** A refusal with its values: what the page needs to say it in the reader's language. */
export type Refusal<R extends RefusalReason = RefusalReason> = R extends RefusalReason ? { readonly reason: R; readonly values: RefusalValues<R> } : never;

/** Builds a refusal; the compiler holds `values` to the names its message takes. */
export function refusal<R extends RefusalReason>(reason: R, ...values: (typeof REFUSALS)[R] extends readonly [] ? [] : [RefusalValues<R>]): Refusal<R> {
  return { reason, values: values[0] ?? {} } as Refusal<R>;
}

/** Whether `reason` is a refusal this version of Concord knows (an answer from a newer server may name others). */
export function isRefusalReason(reason: unknown): reason is RefusalReason {
  return typeof reason === "string" && Object.prototype.hasOwnProperty.call(REFUSALS, reason);
}

/** The REST API's error answer. */
export interface ErrorAnswer {
  /** The kind of error, one per status (`bad-request`, `forbidden`, `not-found`…). */
  error: string;
  reason: RefusalReason;
  values: Readonly<Record<string, string | number>>;
  /** The refusal in English, for scripts and the command line. */
  message: string;
}
