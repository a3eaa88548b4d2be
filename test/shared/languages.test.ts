/** The six UN languages are written once for the page and once in the REST contract; they must agree. */
import newDraft from "../../schemas/rest/newDraft.schema.json";
import { UN_LANGUAGES } from "../../shared/languages";

describe("the languages of a draft's text", () => {
  it("are the same six in the New draft form and in the contract of POST /api/drafts", () => {
    expect(UN_LANGUAGES.map((language) => language.code)).toEqual(newDraft.properties.language.enum);
    expect(UN_LANGUAGES.map((language) => language.name)).toEqual(["Arabic", "Chinese", "English", "French", "Russian", "Spanish"]);
  });
});
