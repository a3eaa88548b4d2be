/** The state picker's words: each state's name in the UI language, with its code. */
import { stateChoiceWords } from "../../../client/desk/statePicker";
import { installCatalog } from "../../../client/i18n/localize";

describe("the state picker's words", () => {
  afterEach(() => installCatalog("en", {}));

  it("names a state in English with its code while the page speaks English", () => {
    expect(stateChoiceWords("IRN")).toBe("Iran (Islamic Republic of) (IRN)");
  });

  it("names a state as the UN writes it in the language the page speaks", () => {
    // The state names come from shared/stateNames, not the catalog: an empty one changes only the language.
    installCatalog("fr", {});
    expect(stateChoiceWords("IRN")).toBe("Iran (République islamique d') (IRN)");
    installCatalog("zh", {});
    expect(stateChoiceWords("IRN")).toBe("伊朗（伊斯兰共和国） (IRN)");
    installCatalog("ru", {});
    expect(stateChoiceWords("BOL")).toBe("Боливия (Многонациональное Государство) (BOL)");
  });
});
