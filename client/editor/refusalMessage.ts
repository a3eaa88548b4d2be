/**
 * What a person is told when shared code refuses their action on the page (`shared/LocalRefusal.ts`):
 * each refusal's message from the catalogs (area `refusals`), in the UI language. Anything else
 * thrown is a bug: the page says that it could not be done, and the English goes to the console.
 */
import { LocalRefusal, type LocalRefusalReason } from "../../shared/LocalRefusal";
import { formatList } from "../i18n/formatList";
import { t, type MessageValues } from "../i18n/localize";
import { localText } from "../i18n/localizedElements";
import type { MessageKey } from "../i18n/messageKeys";

// Template literal keys: a refusal without a message in the English catalog fails the typecheck.
type RefusalKey = `refusals.${LocalRefusalReason}`;
const refusalKey = (reason: LocalRefusalReason): RefusalKey & MessageKey => `refusals.${reason}`;

/** The message key and values that say `error` to a person. */
function readRefusal(error: unknown): { key: MessageKey; values: MessageValues } {
  if (error instanceof LocalRefusal) {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(error.values)) values[name] = typeof value === "object" ? formatList(value) : value;
    return { key: refusalKey(error.reason), values };
  }
  // The page's edge: a bug is logged here for whoever investigates, and never shown in English.
  console.error(error);
  return { key: "refusals.couldNotBeDone", values: {} };
}

/** `error`, thrown by an action a person took, as a sentence in the UI language. */
export function refusalMessage(error: unknown): string {
  const { key, values } = readRefusal(error);
  return t(key, values);
}

/** `error` as a text node that follows the UI language, for a refusal shown beside a field. */
export function refusalText(error: unknown): Text {
  const { key, values } = readRefusal(error);
  return localText(key, values);
}
