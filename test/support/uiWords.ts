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

/** A page preparation that starts the page in `language`, as a person who chose it on this device. */
export function startsIn(language: string) {
  return (page: import("playwright-core").Page): void => {
    void page.addInitScript((code) => localStorage.setItem("concord-ui-language", code), language);
  };
}
