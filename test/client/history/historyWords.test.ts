/** A proposal in a paragraph's history, said in the UI language: its words are data and stay as written. */
import "../../support/english";
import { installCatalog } from "../../../client/i18n/localize";
import { proposalSentence } from "../../../client/history/historyItemElement";
import { compileCatalog, readCatalog } from "../../../tools/catalogs.cjs";

afterEach(() => installCatalog("en", compileCatalog("en", readCatalog("en"))));

describe("a proposal in a paragraph's history", () => {
  it("says what it does in English, quoting its words", () => {
    expect(proposalSentence({ kind: "replace", quote: "peaceful", text: "peaceful and resilient" })).toBe("replace “peaceful” with “peaceful and resilient”");
    expect(proposalSentence({ kind: "deleteParagraph", quote: "", text: null })).toBe("delete the paragraph");
  });

  it("says it in French with French quotation marks, and in Spanish", () => {
    installCatalog("fr", compileCatalog("fr", readCatalog("fr")));
    expect(proposalSentence({ kind: "insert", quote: "", text: "secure" })).toBe("insérer « secure »");
    installCatalog("es", compileCatalog("es", readCatalog("es")));
    expect(proposalSentence({ kind: "replace", quote: "open", text: "free" })).toBe("sustituir «open» por «free»");
  });
});
