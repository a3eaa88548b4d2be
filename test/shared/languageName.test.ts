import { languageName } from "../../shared/languageName";
import { UN_LANGUAGES } from "../../shared/languages";

const CODES = UN_LANGUAGES.map((language) => language.code);

describe("languageName", () => {
  it("names each of the six languages in each of the six, never empty and never as its code", () => {
    for (const reader of CODES) {
      for (const code of CODES) {
        const name = languageName(code, reader);
        expect(name.trim()).not.toBe("");
        expect(name).not.toBe(code);
      }
    }
  });

  it.each([
    ["fr", "es", "francés"],
    ["ar", "en", "Arabic"],
    ["ru", "fr", "russe"],
    ["es", "ru", "испанский"],
    ["en", "zh", "英语"],
  ])("names %s in %s as %s", (code, reader, name) => {
    expect(languageName(code, reader)).toBe(name);
  });
});
