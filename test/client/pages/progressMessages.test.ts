/** The drafts page says a draft's progress as messages: in English by default, and with each language's plurals. */
import "../../support/english";
import { t } from "../../../client/i18n/localize";
import { progressMessages } from "../../../client/pages/progressMessages";
import { speak } from "../../support/speak";

/** The progress in words, as the page shows it in the UI language now installed. */
function words(agreed: number, total: number, openProposals: number, objected: number): string[] {
  const { agreed: a, brackets, objections } = progressMessages({ agreed, total, openProposals, objected });
  return [t(a.key, a.values), t(brackets.key, brackets.values), t(objections.key, objections.values)];
}

afterEach(() => speak("en"));

describe("a draft's progress in words", () => {
  it("says agreed paragraphs, open brackets and objections in English, singular where there is one", () => {
    expect(words(0, 52, 0, 0)).toEqual(["0/52 paragraphs agreed", "No open brackets", "No objections"]);
    expect(words(1, 1, 1, 1)).toEqual(["1/1 paragraph agreed", "1 open bracket", "Objections to 1 paragraph"]);
    expect(words(37, 52, 14, 3)).toEqual(["37/52 paragraphs agreed", "14 open brackets", "Objections to 3 paragraphs"]);
  });

  it("uses Russian's one, few and many forms", () => {
    speak("ru");
    expect(words(3, 21, 2, 5)).toEqual(["Согласовано 3 из 21 пункта", "2 открытые скобки", "Возражения по 5 пунктам"]);
    expect(words(0, 40, 5, 0)).toEqual(["Согласовано 0 из 40 пунктов", "5 открытых скобок", "Возражений нет"]);
  });

  it("uses Arabic's dual and its forms for three to ten and for eleven and more", () => {
    speak("ar");
    const [agreed, brackets] = words(1, 2, 3, 0);
    expect(agreed).toContain("فقرتين");
    expect(brackets).toContain("أقواس مفتوحة");
    expect(words(0, 11, 11, 0)[1]).toContain("قوسًا مفتوحًا");
  });

  it("writes the numbers as the language does (French groups thousands)", () => {
    speak("fr");
    const number = new Intl.NumberFormat("fr");
    expect(words(1200, 1500, 0, 0)[0]).toBe(`${number.format(1200)} sur ${number.format(1500)} paragraphes convenus`);
  });
});
