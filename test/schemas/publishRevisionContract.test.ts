/**
 * The contract of publishing a revision (schemas/rest/publishRevision.schema.json) repeats fields of
 * the revision record the server writes from it: their bounds must be the record's, or a body the
 * route accepts could make a record its schema refuses.
 */
import publishRevision from "../../schemas/rest/publishRevision.schema.json";
import decision from "../../schemas/records/decision.schema.json";
import { RecordLimits } from "../../schemas/generated/records";
import { RestLimits } from "../../schemas/generated/rest";

describe("the contract of POST /api/drafts/:id/revisions", () => {
  it("bounds label, symbol, date and note as the revision record does", () => {
    const { label, symbol, date, note } = RecordLimits.revision;
    expect({ label: label.maxLength, symbol: symbol.maxLength, date: date.maxLength, note: note.maxLength }).toEqual({
      label: RestLimits.publishRevision.label.maxLength,
      symbol: RestLimits.publishRevision.symbol.maxLength,
      date: RestLimits.publishRevision.date.maxLength,
      note: RestLimits.publishRevision.note.maxLength,
    });
    expect(publishRevision.properties.date.pattern).toBe(decision.definitions.revision.properties.date.pattern);
  });
});
