/**
 * Every catalog says everything English says: the same keys, every placeholder of the English
 * message and no other, a plural for each English plural with every category the language's plural
 * rules have (Arabic six, Russian four, Chinese one), and no empty message.
 */
import { TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { UI_LANGUAGES } from "../../../client/i18n/uiLanguages";
import { catalogLanguages, compileAllCatalogs, compileCatalog, PSEUDO_LANGUAGE, readCatalog } from "../../../tools/catalogs.cjs";

/** A message's placeholders: name → the kind of each (argument, plural, select…). */
function placeholders(elements: MessageFormatElement[], found = new Map<string, Set<TYPE>>()): Map<string, Set<TYPE>> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      placeholders(element.children, found);
      continue;
    }
    const kinds = found.get(element.value) ?? new Set<TYPE>();
    kinds.add(element.type);
    found.set(element.value, kinds);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) placeholders(option.value, found);
  }
  return found;
}

/** Every plural element of a message, nested ones included. */
function plurals(elements: MessageFormatElement[]): Array<{ name: string; ordinal: boolean; categories: string[] }> {
  const found: Array<{ name: string; ordinal: boolean; categories: string[] }> = [];
  for (const element of elements) {
    if (element.type === TYPE.plural) found.push({ name: element.value, ordinal: element.pluralType === "ordinal", categories: Object.keys(element.options) });
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) found.push(...plurals(option.value));
    if (element.type === TYPE.tag) found.push(...plurals(element.children));
  }
  return found;
}

const english = compileCatalog("en", readCatalog("en"));
const translations = UI_LANGUAGES.filter((language) => language !== "en");

describe("the message catalogs", () => {
  it("exist for the six UN languages and no other", () => {
    expect(catalogLanguages()).toEqual([...UI_LANGUAGES].sort());
  });

  it("have no empty message in any language", () => {
    for (const language of UI_LANGUAGES) {
      const empty = Object.entries(readCatalog(language)).filter(([, message]) => message.trim() === "");
      expect({ language, empty }).toEqual({ language, empty: [] });
    }
  });

  it.each(translations)("%s has exactly the English keys", (language) => {
    const keys = Object.keys(readCatalog(language)).sort();
    const englishKeys = Object.keys(english).sort();
    expect({ missing: englishKeys.filter((key) => !keys.includes(key)), unknown: keys.filter((key) => !englishKeys.includes(key)) }).toEqual({ missing: [], unknown: [] });
  });

  it.each(translations)("%s keeps every placeholder of each English message, and adds none", (language) => {
    const catalog = compileCatalog(language, readCatalog(language));
    const wrong: string[] = [];
    for (const [key, englishMessage] of Object.entries(english)) {
      const message = catalog[key];
      if (!message) continue;
      const expected = placeholders(englishMessage);
      const actual = placeholders(message);
      const expectedNames = [...expected.keys()].sort().join(",");
      const actualNames = [...actual.keys()].sort().join(",");
      if (expectedNames !== actualNames) wrong.push(`${key}: {${actualNames}} where English has {${expectedNames}}`);
      for (const [name, kinds] of expected) if (kinds.has(TYPE.plural) && !actual.get(name)?.has(TYPE.plural)) wrong.push(`${key}: ${name} is a plural in English but not here`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(translations)("%s gives every plural each category its plural rules have", (language) => {
    const catalog = compileCatalog(language, readCatalog(language));
    const cardinal = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const ordinal = new Intl.PluralRules(language, { type: "ordinal" }).resolvedOptions().pluralCategories;
    const wrong: string[] = [];
    for (const [key, message] of Object.entries(catalog)) {
      for (const plural of plurals(message)) {
        const missing = (plural.ordinal ? ordinal : cardinal).filter((category) => !plural.categories.includes(category));
        if (missing.length > 0) wrong.push(`${key}: {${plural.name}} lacks ${missing.join(", ")}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("knows Arabic has six plural forms and Russian four, as the test above demands of them", () => {
    expect(new Intl.PluralRules("ar").resolvedOptions().pluralCategories).toHaveLength(6);
    expect(new Intl.PluralRules("ru").resolvedOptions().pluralCategories).toHaveLength(4);
  });

  it("compiles every language, and a pseudo-locale with every English key accented", () => {
    const all = compileAllCatalogs();
    expect(Object.keys(all).sort()).toEqual([...UI_LANGUAGES, PSEUDO_LANGUAGE].sort());
    expect(Object.keys(all[PSEUDO_LANGUAGE]!).sort()).toEqual(Object.keys(english).sort());
  });
});
