/**
 * What each error means to a person, in one place and in the UI language: the sync socket's close
 * reasons and the REST API's refusals (`shared/refusals.ts`), each an id with its message in the
 * catalogs (area `server`). The server's English sentence never reaches the page: an answer without
 * a refusal this version knows is told by its status.
 */
import { CloseCode, closeCodeFor } from "../../shared/closeCodes";
import { isRefusalReason, REFUSALS, type ErrorAnswer, type RefusalReason } from "../../shared/refusals";
import { t } from "../i18n/localize";
import type { MessageKey } from "../i18n/messageKeys";

// Template literal keys: a close reason or refusal without a message in the English catalog fails the typecheck.
type CloseKey = `server.closed.${CloseCode["reason"]}`;
type RefusalKey = `server.refusal.${RefusalReason}`;
const closeKey = (reason: CloseCode["reason"]): CloseKey & MessageKey => `server.closed.${reason}`;
const refusalKey = (reason: RefusalReason): RefusalKey & MessageKey => `server.refusal.${reason}`;

/** Codes after which reconnecting cannot help: the person must act (sign in, reload, ask the chair). */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.unauthenticated.code,
  CloseCode.roomForbidden.code,
  CloseCode.unknownDraft.code,
  CloseCode.accessRevoked.code,
  CloseCode.originRefused.code,
  CloseCode.schemaMismatch.code,
]);

/** The message for a close code, or null for ordinary disconnects. The detail after the reason's id is for the log, never the page. */
export function closeMessage(code: number): string | null {
  const cause = closeCodeFor(code);
  return cause ? t(closeKey(cause.reason)) : null;
}

/** Statuses with a message of their own when the answer names no refusal (a proxy's page, an older server). */
const STATUS_KEYS: Readonly<Record<number, MessageKey>> = {
  401: "server.status.401",
  403: "server.status.403",
  404: "server.status.404",
  409: "server.status.409",
  410: "server.status.410",
  413: "server.status.413",
  415: "server.status.415",
  429: "server.status.429",
};

/** Whether `reason` is about one field of a form (its values name the field): shown beside it when the form has it. */
function isFieldRefusal(reason: RefusalReason): boolean {
  return (REFUSALS[reason] as readonly string[]).includes("field");
}

/** What an error answer tells a person: the message, and for a refused field the field and the problem to show beside it. */
export interface ErrorReading {
  message: string;
  /** The form field refused (`title`), or null when the refusal is not about one field. */
  field: string | null;
  /** The problem alone, for beside the field; the message otherwise. */
  problem: string;
}

/** Reads an HTTP error answer (`status` and its JSON body, if any) in the UI language. */
export function readErrorAnswer(status: number, body: Partial<ErrorAnswer> = {}): ErrorReading {
  const reason = body.reason;
  if (isRefusalReason(reason)) {
    const values = body.values ?? {};
    const problem = t(refusalKey(reason), values);
    const path = values["field"];
    if (isFieldRefusal(reason) && typeof path === "string") {
      return { message: t("server.fieldProblem", { field: path, problem }), field: path.split(".")[0]!, problem };
    }
    return { message: problem, field: null, problem };
  }
  const statusKey = STATUS_KEYS[status];
  const message = statusKey ? t(statusKey) : status >= 500 ? t("server.status.serverError") : t("server.status.other", { status: String(status) });
  return { message, field: null, problem: message };
}

/** The message for an HTTP error answer. */
export function httpErrorMessage(status: number, body: Partial<ErrorAnswer> = {}): string {
  return readErrorAnswer(status, body).message;
}

/** Reads an error answer, whatever its body holds. */
export async function errorReadingOf(response: Response): Promise<ErrorReading> {
  const body = (await response.json().catch(() => ({}))) as Partial<ErrorAnswer>;
  return readErrorAnswer(response.status, body);
}

/** Reads an error answer's message, whatever its body holds. */
export async function errorMessageOf(response: Response): Promise<string> {
  return (await errorReadingOf(response)).message;
}

/** The message when this browser cannot keep a copy of the draft on the device. */
export function noLocalCopyMessage(): string {
  return t("server.noLocalCopy");
}

/** The message an observer gets when the chair closes stances and comments to observers. */
export function floorClosedMessage(): string {
  return t("server.floorClosed");
}

/** The message when signing out failed (`failure` says why): the session is still alive on this device. */
export function stillSignedInMessage(failure: string): string {
  return t("server.stillSignedIn", { failure });
}

/** The message when the server cannot be reached at all. */
export function unreachableMessage(): string {
  return t("server.unreachable");
}
