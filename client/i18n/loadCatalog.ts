/**
 * Fetches a UI language's compiled catalog (one small file per language, loaded only when that
 * language is chosen; the service worker keeps them for offline use) and makes it the page's words.
 */
import { catalogPath } from "../../shared/appPaths";
import { installCatalog, type CompiledCatalog } from "./localize";
import { DEFAULT_UI_LANGUAGE, rememberUiLanguage } from "./uiLanguages";

/** Catalogs already fetched in this page, so switching back costs nothing. */
const fetched = new Map<string, CompiledCatalog>();

async function fetchCatalog(language: string): Promise<CompiledCatalog> {
  const known = fetched.get(language);
  if (known) return known;
  const response = await fetch(catalogPath(language), { credentials: "same-origin" });
  if (!response.ok) throw new Error(`The catalog of ${language} answered ${response.status}`);
  const catalog = (await response.json()) as CompiledCatalog;
  fetched.set(language, catalog);
  return catalog;
}

/** Switches the page to `language`; throws, leaving the page as it was, when its catalog cannot be had. */
export async function switchUiLanguage(language: string): Promise<void> {
  const catalog = await fetchCatalog(language);
  installCatalog(language, catalog);
  rememberUiLanguage(language);
}

/** Starts the page in `language`, else in English when that catalog cannot be had (offline, say). */
export async function startUiLanguage(language: string): Promise<void> {
  try {
    installCatalog(language, await fetchCatalog(language));
  } catch (error) {
    if (language === DEFAULT_UI_LANGUAGE) throw error;
    installCatalog(DEFAULT_UI_LANGUAGE, await fetchCatalog(DEFAULT_UI_LANGUAGE));
  }
}
