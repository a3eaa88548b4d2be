// The message catalogs: read from client/i18n/catalogs/<language>/<area>.json (ICU MessageFormat,
// one file per area of the app so the areas can be translated and reviewed apart), merged per
// language under `<area>.<key>`, and compiled to the AST intl-messageformat formats without its
// parser — the page never ships the parser. Used by the build and by the tests that need English.
const fs = require("node:fs");
const path = require("node:path");
const { parse, TYPE } = require("@formatjs/icu-messageformat-parser");

const CATALOGS_DIR = path.resolve(__dirname, "..", "client", "i18n", "catalogs");
/** The pseudo-locale: English accented and lengthened, to find words that bypass the catalogs. */
const PSEUDO_LANGUAGE = "en-XA";

/** The languages that have a catalog folder. */
function catalogLanguages() {
  return fs
    .readdirSync(CATALOGS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** One language's messages as ICU strings, keyed `<area>.<key>`; throws naming a broken file. */
function readCatalog(language) {
  const folder = path.join(CATALOGS_DIR, language);
  const messages = {};
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith(".json")).sort()) {
    const area = file.slice(0, -".json".length);
    let entries;
    try {
      entries = JSON.parse(fs.readFileSync(path.join(folder, file), "utf8"));
    } catch (error) {
      throw new RangeError(`The catalog ${language}/${file} is not JSON: ${error.message}`);
    }
    for (const [key, message] of Object.entries(entries)) {
      if (typeof message !== "string") throw new RangeError(`The message ${area}.${key} in ${language}/${file} is not a string`);
      messages[`${area}.${key}`] = message;
    }
  }
  return messages;
}

/** Parses every message of a catalog to its AST; throws naming the message that does not parse. */
function compileCatalog(language, messages) {
  const compiled = {};
  for (const [key, message] of Object.entries(messages)) {
    try {
      compiled[key] = parse(message, { requiresOtherClause: true });
    } catch (error) {
      throw new RangeError(`The message ${key} in ${language} is not ICU MessageFormat: ${error.message}`);
    }
  }
  return compiled;
}

const ACCENTED = {
  a: "á", b: "ƀ", c: "ç", d: "ð", e: "é", f: "ƒ", g: "ĝ", h: "ĥ", i: "í", j: "ĵ", k: "ķ", l: "ĺ", m: "ɱ",
  n: "ñ", o: "ó", p: "þ", q: "ǫ", r: "ŕ", s: "š", t: "ţ", u: "ú", v: "ṽ", w: "ŵ", x: "ẋ", y: "ý", z: "ž",
  A: "Á", B: "Ɓ", C: "Ç", D: "Ð", E: "É", F: "Ƒ", G: "Ĝ", H: "Ĥ", I: "Í", J: "Ĵ", K: "Ķ", L: "Ĺ", M: "Ṁ",
  N: "Ñ", O: "Ó", P: "Þ", Q: "Ǫ", R: "Ŕ", S: "Š", T: "Ţ", U: "Ú", V: "Ṽ", W: "Ŵ", X: "Ẋ", Y: "Ý", Z: "Ž",
};

/** Accents every Latin letter of the literal text in `elements` (not argument names or plural keys). */
function accentElements(elements) {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: element.value.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter]) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = {};
      for (const [name, option] of Object.entries(element.options)) options[name] = { ...option, value: accentElements(option.value) };
      return { ...element, options };
    }
    if (element.type === TYPE.tag) return { ...element, children: accentElements(element.children) };
    return element;
  });
}

/** How many characters of literal text `elements` hold, plural and select options included. */
function literalLength(elements) {
  let length = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) length += element.value.length;
    else if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) length += literalLength(option.value);
    else if (element.type === TYPE.tag) length += literalLength(element.children);
  }
  return length;
}

/** The pseudo-locale's catalog: each English message accented, and a third longer, between ⟦ ⟧. */
function pseudoCatalog(englishCompiled) {
  const pseudo = {};
  for (const [key, elements] of Object.entries(englishCompiled)) {
    const padding = "·".repeat(Math.max(1, Math.ceil(literalLength(elements) / 3)));
    pseudo[key] = [{ type: TYPE.literal, value: "⟦" }, ...accentElements(elements), { type: TYPE.literal, value: `${padding}⟧` }];
  }
  return pseudo;
}

/** Every language's compiled catalog, the pseudo-locale's included: `{language: {key: AST}}`. */
function compileAllCatalogs() {
  const all = {};
  for (const language of catalogLanguages()) all[language] = compileCatalog(language, readCatalog(language));
  all[PSEUDO_LANGUAGE] = pseudoCatalog(all.en);
  return all;
}

module.exports = { CATALOGS_DIR, PSEUDO_LANGUAGE, catalogLanguages, readCatalog, compileCatalog, pseudoCatalog, compileAllCatalogs };
