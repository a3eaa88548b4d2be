import fc from "fast-check";
import { UN_LANGUAGES } from "../../../shared/languages";
import { ALPHA2_CODES } from "../../../shared/stateNames/alpha2Codes";
import { ARABIC_STATE_NAMES } from "../../../shared/stateNames/arabicStateNames";
import { CHINESE_STATE_NAMES } from "../../../shared/stateNames/chineseStateNames";
import { FRENCH_STATE_NAMES } from "../../../shared/stateNames/frenchStateNames";
import { RUSSIAN_STATE_NAMES } from "../../../shared/stateNames/russianStateNames";
import { SPANISH_STATE_NAMES } from "../../../shared/stateNames/spanishStateNames";
import { CLDR_FALLBACKS, compareStateNames, stateName } from "../../../shared/stateNames/stateName";
import { STATES } from "../../../shared/states";

const LANGUAGES = UN_LANGUAGES.map((language) => language.code);
const CODES = STATES.map((state) => state.code);
const TABLES: ReadonlyArray<readonly [string, Readonly<Record<string, string>>]> = [
  ["ar", ARABIC_STATE_NAMES],
  ["zh", CHINESE_STATE_NAMES],
  ["fr", FRENCH_STATE_NAMES],
  ["ru", RUSSIAN_STATE_NAMES],
  ["es", SPANISH_STATE_NAMES],
];

function cldrName(code: string, language: string): string | undefined {
  return new Intl.DisplayNames([language], { type: "region", fallback: "none" }).of(ALPHA2_CODES[code]!);
}

describe("stateName", () => {
  it.each([
    ["IRN", "Iran (Islamic Republic of)", "إيران (جمهورية - الإسلامية)", "伊朗（伊斯兰共和国）", "Iran (République islamique d')", "Иран (Исламская Республика)", "Irán (República Islámica del)"],
    ["BOL", "Bolivia (Plurinational State of)", "بوليفيا (دولة - المتعددة القوميات)", "玻利维亚（多民族国）", "Bolivie (État plurinational de)", "Боливия (Многонациональное Государство)", "Bolivia (Estado Plurinacional de)"],
    // The UN's Arabic, Chinese and Russian forms since the 2022 renaming are not verified offline: CLDR's serve.
    ["TUR", "Türkiye", "تركيا", "土耳其", "Türkiye", "Турция", "Türkiye"],
    ["VNM", "Viet Nam", "فييت نام", "越南", "Viet Nam", "Вьетнам", "Viet Nam"],
    ["VEN", "Venezuela (Bolivarian Republic of)", "فنزويلا (جمهورية - البوليفارية)", "委内瑞拉（玻利瓦尔共和国）", "Venezuela (République bolivarienne du)", "Венесуэла (Боливарианская Республика)", "Venezuela (República Bolivariana de)"],
    ["RUS", "Russian Federation", "الاتحاد الروسي", "俄罗斯联邦", "Fédération de Russie", "Российская Федерация", "Federación de Rusia"],
    ["KOR", "Republic of Korea", "جمهورية كوريا", "大韩民国", "République de Corée", "Республика Корея", "República de Corea"],
    ["PRK", "Democratic People's Republic of Korea", "جمهورية كوريا الشعبية الديمقراطية", "朝鲜民主主义人民共和国", "République populaire démocratique de Corée", "Корейская Народно-Демократическая Республика", "República Popular Democrática de Corea"],
    ["GBR", "United Kingdom of Great Britain and Northern Ireland", "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", "大不列颠及北爱尔兰联合王国", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", "Соединенное Королевство Великобритании и Северной Ирландии", "Reino Unido de Gran Bretaña e Irlanda del Norte"],
    ["USA", "United States of America", "الولايات المتحدة الأمريكية", "美利坚合众国", "États-Unis d'Amérique", "Соединенные Штаты Америки", "Estados Unidos de América"],
    ["PSE", "State of Palestine", "دولة فلسطين", "巴勒斯坦国", "État de Palestine", "Государство Палестина", "Estado de Palestina"],
    ["VAT", "Holy See", "الكرسي الرسولي", "教廷", "Saint-Siège", "Святой Престол", "Santa Sede"],
  ])("names %s as the UN writes it in the six languages", (code, en, ar, zh, fr, ru, es) => {
    expect({ en: stateName(code, "en"), ar: stateName(code, "ar"), zh: stateName(code, "zh"), fr: stateName(code, "fr"), ru: stateName(code, "ru"), es: stateName(code, "es") }).toEqual({ en, ar, zh, fr, ru, es });
  });

  it("gives every state a name in every language, never empty and never its code", () => {
    for (const language of LANGUAGES) {
      for (const code of CODES) {
        const name = stateName(code, language);
        expect(name.trim()).not.toBe("");
        expect([code, ALPHA2_CODES[code]]).not.toContain(name);
      }
    }
  });

  it("gives no two states the same name in any language", () => {
    for (const language of LANGUAGES) {
      const names = CODES.map((code) => stateName(code, language));
      expect(new Set(names).size).toBe(CODES.length);
    }
  });

  it.each(TABLES)("holds in the %s table every state but the listed fallbacks, and none of those", (language, table) => {
    const fallbacks = CLDR_FALLBACKS[language]!;
    expect(CODES.filter((code) => table[code] === undefined).sort()).toEqual([...fallbacks].sort());
    expect(Object.keys(table).filter((code) => !CODES.includes(code))).toEqual([]);
  });

  it("serves every listed fallback from Intl.DisplayNames", () => {
    for (const language of LANGUAGES) {
      for (const code of CLDR_FALLBACKS[language]!) {
        const cldr = cldrName(code, language);
        expect(cldr).toBeDefined();
        expect(stateName(code, language)).toBe(cldr);
      }
    }
  });

  it("reads a regional variant's table and speaks English in a language outside the six", () => {
    expect(stateName("BOL", "fr-CH")).toBe("Bolivie (État plurinational de)");
    expect(stateName("BOL", "de")).toBe("Bolivia (Plurinational State of)");
    expect(stateName("BOL", "en-XA")).toBe("Bolivia (Plurinational State of)");
  });

  it("throws a RangeError naming an unknown code", () => {
    expect(() => stateName("ZZZ", "fr")).toThrow(RangeError);
    expect(() => stateName("ZZZ", "fr")).toThrow(/ZZZ/);
  });

  it("maps every state to a distinct alpha-2 code that CLDR names", () => {
    expect(Object.keys(ALPHA2_CODES).sort()).toEqual([...CODES].sort());
    expect(new Set(Object.values(ALPHA2_CODES)).size).toBe(CODES.length);
    for (const code of CODES) {
      expect(ALPHA2_CODES[code]).toMatch(/^[A-Z]{2}$/);
      expect(cldrName(code, "en")).toBeDefined();
    }
  });
});

describe("compareStateNames", () => {
  it("keeps the English order of the table in states.ts", () => {
    expect([...CODES].reverse().sort(compareStateNames("en"))).toEqual(CODES);
  });

  it("sorts French names with their accents where a French reader looks for them", () => {
    const sorted = ["ESP", "EGY", "DNK", "ZWE"].sort(compareStateNames("fr"));
    expect(sorted.map((code) => stateName(code, "fr"))).toEqual(["Danemark", "Égypte", "Espagne", "Zimbabwe"]);
  });

  it("sorts Chinese names by their reading", () => {
    // 阿富汗 ā, 巴西 bā, 中国 zhōng: by code point 中 would come first.
    expect(["CHN", "BRA", "AFG"].sort(compareStateNames("zh"))).toEqual(["AFG", "BRA", "CHN"]);
  });

  it("sorts Russian names in the Cyrillic alphabet", () => {
    expect(["JPN", "AUS", "HRV"].sort(compareStateNames("ru")).map((code) => stateName(code, "ru"))).toEqual(["Австралия", "Хорватия", "Япония"]);
  });

  it("orders any two states one way, and the reverse way back, in every language", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), fc.constantFrom(...CODES), fc.constantFrom(...CODES), (language, a, b) => {
        const compare = compareStateNames(language);
        if (a === b) return compare(a, b) === 0;
        return compare(a, b) !== 0 && Math.sign(compare(a, b)) === -Math.sign(compare(b, a));
      }),
    );
  });
});
