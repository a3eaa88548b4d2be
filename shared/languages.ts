/** The six official languages of the United Nations, in which a draft's text may be written. */

/** One language: its BCP 47 code, its English name and its own name. */
export interface UnLanguage {
  code: string;
  name: string;
  nativeName: string;
}

/** The six, in the UN's (English alphabetical) order. */
export const UN_LANGUAGES: readonly UnLanguage[] = Object.freeze([
  { code: "ar", name: "Arabic", nativeName: "العربية" },
  { code: "zh", name: "Chinese", nativeName: "中文" },
  { code: "en", name: "English", nativeName: "English" },
  { code: "fr", name: "French", nativeName: "Français" },
  { code: "ru", name: "Russian", nativeName: "Русский" },
  { code: "es", name: "Spanish", nativeName: "Español" },
]);

/** The language of a draft whose `meta` names none (drafts made before the language was recorded). */
export const DEFAULT_DRAFT_LANGUAGE = "en";

/**
 * The cookie in which a device remembers its chosen UI language, so the pages the server writes
 * itself (the sign-in page) speak it too; the client writes it beside its own storage.
 */
export const UI_LANGUAGE_COOKIE = "concord_ui_language";
