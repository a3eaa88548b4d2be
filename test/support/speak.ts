/**
 * Makes client code speak `language` in a test: installs that language's catalog, compiled from
 * its source as the build does (once per language per test file).
 */
import { installCatalog, type CompiledCatalog } from "../../client/i18n/localize";
import { compileCatalog, readCatalog } from "../../tools/catalogs.cjs";

const compiled = new Map<string, CompiledCatalog>();

/** Installs the catalog of `language` ("en", "fr", "ar"…) as the page's words. */
export function speak(language: string): void {
  let catalog = compiled.get(language);
  if (!catalog) {
    catalog = compileCatalog(language, readCatalog(language));
    compiled.set(language, catalog);
  }
  installCatalog(language, catalog);
}
