/** Who signs an audit entry and where it happened, in the UI language; a state's code is data and stays as written. */
import "../../support/english";
import { installCatalog } from "../../../client/i18n/localize";
import { placeName, principalName } from "../../../client/audit/describeAuditEntry";
import { compileCatalog, readCatalog } from "../../../tools/catalogs.cjs";

afterEach(() => installCatalog("en", compileCatalog("en", readCatalog("en"))));

describe("the audit's names", () => {
  it("names the chair, the server and an observer in English, and a state by its code", () => {
    expect([principalName("chair"), principalName("server"), principalName("observer"), principalName("state:CUB")]).toEqual(["Chair", "Concord (server)", "Observer", "CUB"]);
  });

  it("names them in Chinese and Russian when the page speaks those", () => {
    installCatalog("zh", compileCatalog("zh", readCatalog("zh")));
    expect([principalName("chair"), principalName("state:CUB")]).toEqual(["主席", "CUB"]);
    expect(placeName(new Map(), "p9")).toBe("一个后来被删除的段落");
    installCatalog("ru", compileCatalog("ru", readCatalog("ru")));
    expect(principalName("chair")).toBe("Председатель");
  });
});
