/** The points of contact name each state in the UI language, and keep a code they do not know as it is. */
import { stateLabel } from "../../../../client/editor/contacts/contactsList";
import { installCatalog } from "../../../../client/i18n/localize";

describe("the points of contact's state labels", () => {
  afterEach(() => installCatalog("en", {}));

  it("names a state in the language the page speaks, with its code", () => {
    expect(stateLabel("VEN")).toBe("Venezuela (Bolivarian Republic of) (VEN)");
    installCatalog("es", {});
    expect(stateLabel("VEN")).toBe("Venezuela (República Bolivariana de) (VEN)");
    installCatalog("ar", {});
    expect(stateLabel("VAT")).toBe("الكرسي الرسولي (VAT)");
  });

  it("keeps a code that names no state as it is", () => {
    installCatalog("fr", {});
    expect(stateLabel("XXX")).toBe("XXX");
  });
});
