/**
 * The page's words: a compiled message formats with its values and its language's plural rules,
 * switching the catalog changes what `t()` and bound nodes say, and a pseudo-locale message keeps
 * its placeholders while accenting every letter of its own words.
 */
import { compileCatalog, pseudoCatalog } from "../../../tools/catalogs.cjs";
import { installCatalog, onLanguageChange, t, uiLanguage } from "../../../client/i18n/localize";
import type { MessageKey } from "../../../client/i18n/messageKeys";
import { browserUiLanguage } from "../../../client/i18n/uiLanguages";

/** A key the English catalog need not have: these tests install catalogs of their own. */
const KEY = "common.testOnly" as MessageKey;
const COUNT = "{count, plural, zero {# فقرات} one {فقرة واحدة} two {فقرتان} few {# فقرات} many {# فقرة} other {# فقرة}}";

describe("t()", () => {
  it("formats a plural by the UI language's rules: Arabic picks two, few and many", () => {
    installCatalog("ar", compileCatalog("ar", { [KEY]: COUNT }));
    expect(uiLanguage()).toBe("ar");
    expect(t(KEY, { count: 2 })).toBe("فقرتان");
    expect(t(KEY, { count: 3 })).toBe("3 فقرات");
    expect(t(KEY, { count: 11 })).toBe("11 فقرة");
  });

  it("speaks Russian's few and many", () => {
    installCatalog("ru", compileCatalog("ru", { [KEY]: "{count, plural, one {# абзац} few {# абзаца} many {# абзацев} other {# абзаца}}" }));
    expect([1, 3, 5, 21].map((count) => t(KEY, { count }))).toEqual(["1 абзац", "3 абзаца", "5 абзацев", "21 абзац"]);
  });

  it("tells listeners when the language changes, and a stopped listener hears nothing more", () => {
    const heard: string[] = [];
    const stop = onLanguageChange(() => heard.push(uiLanguage()));
    installCatalog("fr", compileCatalog("fr", { [KEY]: "Paragraphe" }));
    stop();
    installCatalog("es", compileCatalog("es", { [KEY]: "Párrafo" }));
    expect(heard).toEqual(["fr"]);
    expect(t(KEY)).toBe("Párrafo");
  });

  it("shows a key the catalog lacks as the key itself", () => {
    installCatalog("en", {});
    expect(t(KEY)).toBe(KEY);
  });

  it("formats the pseudo-locale with placeholders kept and every own letter accented", () => {
    const english = compileCatalog("en", { [KEY]: "{name} objects to {count, plural, one {# paragraph} other {# paragraphs}}" });
    installCatalog("en-XA", pseudoCatalog(english));
    const words = t(KEY, { name: "CUB", count: 2 });
    expect(words).toMatch(/^⟦CUB óƀĵéçţš ţó 2 þáŕáĝŕáþĥš·+⟧$/);
  });
});

describe("the first UI language", () => {
  it("is the first of the browser's languages the page speaks, by its primary subtag", () => {
    expect(browserUiLanguage(["de-CH", "fr-CH", "en"])).toBe("fr");
    expect(browserUiLanguage(["ar-EG"])).toBe("ar");
    expect(browserUiLanguage(["zh-Hans-CN"])).toBe("zh");
  });

  it("is English when the browser asks for none of the six", () => {
    expect(browserUiLanguage(["de", "ja"])).toBe("en");
  });
});
