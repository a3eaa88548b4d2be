/**
 * The page's words: `t(key, values)` formats a message of the current UI language's catalog, whose
 * messages arrive compiled (ICU MessageFormat ASTs), so the page formats plurals, numbers and dates
 * without shipping a parser. Installing another catalog changes the language at once: `<html lang
 * dir>` follows, and every listener (`onLanguageChange`) and bound element (`localizedElements.ts`)
 * renders again, so nothing is reloaded and nothing typed is lost.
 */
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { textDirection } from "../../shared/textDirection";
import type { MessageKey } from "./messageKeys";
import { DEFAULT_UI_LANGUAGE } from "./uiLanguages";

/** The values a message's placeholders take. */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

/** A language's catalog as the build writes it: each key's compiled message. */
export type CompiledCatalog = Readonly<Record<string, MessageFormatElement[]>>;

let currentLanguage = DEFAULT_UI_LANGUAGE;
let currentCatalog: CompiledCatalog = {};
const formatters = new Map<string, IntlMessageFormat>();
const listeners = new Set<() => void>();

/** The UI language now in use. */
export function uiLanguage(): string {
  return currentLanguage;
}

/** Makes `catalog` the page's words in `language`, and renders everything that shows them again. */
export function installCatalog(language: string, catalog: CompiledCatalog): void {
  currentLanguage = language;
  currentCatalog = catalog;
  formatters.clear();
  if (typeof document !== "undefined") {
    document.documentElement.lang = language;
    document.documentElement.dir = textDirection(language);
  }
  for (const listener of [...listeners]) listener();
}

/** The message `key` in the UI language, with `values` in its placeholders. */
export function t(key: MessageKey, values?: MessageValues): string {
  let formatter = formatters.get(key);
  if (!formatter) {
    const message = currentCatalog[key];
    // A key the catalog lacks shows as itself: visible, and the completeness test keeps it from landing.
    if (!message) return key;
    formatter = new IntlMessageFormat(message, currentLanguage);
    formatters.set(key, formatter);
  }
  return String(formatter.format(values as Record<string, string | number | Date> | undefined));
}

/** Calls `listener` after each change of the UI language; returns what stops it. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
