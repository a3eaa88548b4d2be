/**
 * The New draft contract (schemas/rest/newDraft.schema.json) repeats the meta record's fields: their
 * bounds must be the meta schema's, and its languages the six the form offers (shared/languages.ts).
 */
import newDraft from "../../schemas/rest/newDraft.schema.json";
import { RecordLimits } from "../../schemas/generated/records";
import { RestLimits } from "../../schemas/generated/rest";
import { UN_LANGUAGES } from "../../shared/languages";

describe("the contract of POST /api/drafts", () => {
  it("bounds title, symbol, revision and silence notice as the meta record does", () => {
    const { title, symbol, revision, silenceNoticeHours } = RecordLimits.meta;
    expect({ title, symbol, revision, silenceNoticeHours }).toEqual({
      title: RestLimits.newDraft.title,
      symbol: RestLimits.newDraft.symbol,
      revision: RestLimits.newDraft.revision,
      silenceNoticeHours: RestLimits.newDraft.silenceNoticeHours,
    });
  });

  it("names the same six UN languages as the New draft form", () => {
    expect(UN_LANGUAGES.map((language) => language.code)).toEqual(newDraft.properties.language.enum);
    expect(UN_LANGUAGES.map((language) => language.name)).toEqual(["Arabic", "Chinese", "English", "French", "Russian", "Spanish"]);
  });
});
