/** A paragraph's status as badges and the panel name it, in the UI language. */
import "../../../support/english";
import { ConsensusStatus } from "../../../../schemas/records";
import { statusWords } from "../../../../client/editor/consensus/statusWords";
import { installCatalog } from "../../../../client/i18n/localize";
import { compileCatalog, readCatalog } from "../../../../tools/catalogs.cjs";

describe("a paragraph's status in words", () => {
  afterEach(() => installCatalog("en", compileCatalog("en", readCatalog("en"))));

  it("names the objecting states, and says when an agreed paragraph was changed", () => {
    expect(statusWords({ status: ConsensusStatus.objected, objectedBy: ["SLV", "CUB"] })).toBe("Objected: SLV, CUB");
    expect(statusWords({ status: ConsensusStatus.open, changedSinceAgreed: true })).toBe("Changed since agreed");
    expect(statusWords({ status: ConsensusStatus.agreed })).toBe("Agreed ad ref");
  });

  it("follows a switch to Spanish, the state codes unchanged", () => {
    installCatalog("es", compileCatalog("es", readCatalog("es")));
    expect(statusWords({ status: ConsensusStatus.objected, objectedBy: ["SLV"] })).toBe("Objetado: SLV");
    expect(statusWords({ status: ConsensusStatus.agreed })).toBe("Acordado ad referéndum");
  });
});
