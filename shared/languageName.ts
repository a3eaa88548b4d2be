/** The name of a language in the reader's language ("fr" in Spanish → "francés"), from CLDR. */

const languageNames = new Map<string, Intl.DisplayNames>();

/**
 * The name of the language `code` in `uiLanguage` (`Intl.DisplayNames`), for the six UN languages
 * and any other the runtime knows; the code itself where it knows none.
 */
export function languageName(code: string, uiLanguage: string): string {
  let names = languageNames.get(uiLanguage);
  if (!names) {
    names = new Intl.DisplayNames([uiLanguage], { type: "language", fallback: "code" });
    languageNames.set(uiLanguage, names);
  }
  return names.of(code) ?? code;
}
