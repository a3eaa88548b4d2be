/**
 * The languages the page can speak: the six of the UN, and the pseudo-locale that finds words which
 * bypass the catalogs (offered only to whoever has chosen it). The person's choice is remembered on
 * this device; the first default is the browser's.
 */
import { UI_LANGUAGE_COOKIE, UN_LANGUAGES } from "../../shared/languages";

/** English accented and lengthened (`tools/catalogs.cjs` writes it), for tests and translators. */
export const PSEUDO_LANGUAGE = "en-XA";
/** The UI's language when nothing else is known, and the catalog the keys are typed from. */
export const DEFAULT_UI_LANGUAGE = "en";
/** Where this device remembers the chosen language. */
const REMEMBERED_KEY = "concord-ui-language";
/** How long the cookie copy of the choice lasts: a year, renewed at each visit. */
const COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Tells the server the device's choice, for the pages it writes itself (the sign-in page). */
function shareWithServer(code: string): void {
  if (typeof document === "undefined") return;
  document.cookie = `${UI_LANGUAGE_COOKIE}=${encodeURIComponent(code)}; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}; SameSite=Lax`;
}

/** The codes of the languages the page can speak, the six in the UN's order. */
export const UI_LANGUAGES: readonly string[] = Object.freeze(UN_LANGUAGES.map((language) => language.code));

/** Whether the page can speak `code`. */
export function isUiLanguage(code: string): boolean {
  return UI_LANGUAGES.includes(code) || code === PSEUDO_LANGUAGE;
}

/** The first of the browser's languages the page speaks ("fr-CH" → "fr"), else English. */
export function browserUiLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    if (isUiLanguage(tag)) return tag;
    const primary = tag.split("-")[0]!.toLowerCase();
    if (UI_LANGUAGES.includes(primary)) return primary;
  }
  return DEFAULT_UI_LANGUAGE;
}

/** The language this device remembers, else the browser's. */
export function preferredUiLanguage(): string {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(REMEMBERED_KEY);
  } catch {
    // Storage can be refused (a private window's policy); the browser's languages still tell.
  }
  if (remembered && isUiLanguage(remembered)) {
    // Renewed at each visit, and written for a choice remembered before the server read it.
    shareWithServer(remembered);
    return remembered;
  }
  return browserUiLanguage(navigator.languages ?? [navigator.language]);
}

/** Remembers `code` as this device's choice. */
export function rememberUiLanguage(code: string): void {
  try {
    localStorage.setItem(REMEMBERED_KEY, code);
  } catch {
    // Not remembered: the choice still holds for this page.
  }
  shareWithServer(code);
}
