/**
 * The page's words as a browser test expects them in a given UI language: the same compiled
 * catalogs the build writes, formatted in Node, so a test can find a button by its French name or
 * its pseudo-locale name without repeating the catalog.
 */
import { IntlMessageFormat } from "intl-messageformat";
import type { MessageKey } from "../../client/i18n/messageKeys";
import type { MessageValues } from "../../client/i18n/localize";
import { compileAllCatalogs } from "../../tools/catalogs.cjs";

let compiled: ReturnType<typeof compileAllCatalogs> | null = null;

/** A function giving the message `key` in `language`, with `values`, as the page shows it. */
export function wordsIn(language: string): (key: MessageKey, values?: MessageValues) => string {
  compiled ??= compileAllCatalogs();
  const catalog = compiled[language];
  if (!catalog) throw new RangeError(`No catalog for the UI language ${language}`);
  return (key, values) => {
    const message = catalog[key];
    if (!message) throw new RangeError(`The ${language} catalog has no message ${key}`);
    return String(new IntlMessageFormat(message, language).format(values as Record<string, string | number | Date> | undefined));
  };
}

/** Stands for a value a test does not know exactly (a deadline's time), in `patternIn`. */
export const ANY = "\uE000";

/**
 * A function giving a pattern of the message `key` in `language`: `ANY` in `values` matches any
 * words there ("Silence procedure on paragraph 4, until <any time>").
 */
export function patternIn(language: string): (key: MessageKey, values?: MessageValues) => RegExp {
  const words = wordsIn(language);
  return (key, values) => {
    const escaped = words(key, values).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(escaped.split(ANY).join(".*"));
  };
}

/** A page preparation that starts the page in `language`, as a person who chose it on this device. */
export function startsIn(language: string) {
  return (page: import("playwright-core").Page): void => {
    void page.addInitScript((code) => localStorage.setItem("concord-ui-language", code), language);
  };
}
