/**
 * A state's name in any of the six UN languages, and the order of names a reader of that language
 * expects. English is the table in `states.ts`; the other five have a table of the UN's short forms
 * each, and where a table lists a state as a fallback, the name is CLDR's (`Intl.DisplayNames`).
 */
import { stateByCode } from "../states";
import { ALPHA2_CODES } from "./alpha2Codes";
import { ARABIC_CLDR_FALLBACKS, ARABIC_STATE_NAMES } from "./arabicStateNames";
import { CHINESE_CLDR_FALLBACKS, CHINESE_STATE_NAMES } from "./chineseStateNames";
import { FRENCH_CLDR_FALLBACKS, FRENCH_STATE_NAMES } from "./frenchStateNames";
import { RUSSIAN_CLDR_FALLBACKS, RUSSIAN_STATE_NAMES } from "./russianStateNames";
import { SPANISH_CLDR_FALLBACKS, SPANISH_STATE_NAMES } from "./spanishStateNames";

/** The UN's short forms in one language, by alpha-3 code. */
type NameTable = Readonly<Record<string, string>>;

const TABLES: Readonly<Record<string, NameTable>> = Object.freeze({
  ar: ARABIC_STATE_NAMES,
  zh: CHINESE_STATE_NAMES,
  fr: FRENCH_STATE_NAMES,
  ru: RUSSIAN_STATE_NAMES,
  es: SPANISH_STATE_NAMES,
});

/**
 * The states each language names as CLDR does rather than as the UN does (their UN form could not be
 * verified offline), by language code; English has none. Each file's list says why.
 */
export const CLDR_FALLBACKS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  ar: ARABIC_CLDR_FALLBACKS,
  zh: CHINESE_CLDR_FALLBACKS,
  en: Object.freeze([]),
  fr: FRENCH_CLDR_FALLBACKS,
  ru: RUSSIAN_CLDR_FALLBACKS,
  es: SPANISH_CLDR_FALLBACKS,
});

/** "fr-CH" reads the French table, "en-XA" (the pseudo-locale) the English one. */
function primaryLanguage(language: string): string {
  return language.split("-")[0]!.toLowerCase();
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** CLDR's name of the state in `language`, or undefined where the runtime has none. */
function cldrStateName(code: string, language: string): string | undefined {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: "region", fallback: "none" });
    regionNames.set(language, names);
  }
  return names.of(ALPHA2_CODES[code]!);
}

/**
 * The short name of the state with alpha-3 `code` in `language` ("IRN", "fr" → "Iran (République
 * islamique d')"); English for a language other than the six. Throws a RangeError naming an unknown code.
 */
export function stateName(code: string, language: string): string {
  const english = stateByCode(code).name;
  const primary = primaryLanguage(language);
  const table = TABLES[primary];
  if (!table) return english;
  // A runtime built without that language's CLDR data still names the state, in English.
  return table[code] ?? cldrStateName(code, primary) ?? english;
}

const collators = new Map<string, Intl.Collator>();

/** Orders state codes by their names in `language`, as its readers sort (pinyin for Chinese, say). */
export function compareStateNames(language: string): (a: string, b: string) => number {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator([language]);
    collators.set(language, collator);
  }
  const byName = collator;
  return (a, b) => byName.compare(stateName(a, language), stateName(b, language));
}
