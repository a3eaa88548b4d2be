/** The page's words about revisions: the next label and symbol, a revision's title and address, the first pair compared. */
import "../../support/english";
import { LIVE_TEXT } from "../../../shared/appPaths";
import { defaultRedlinePair } from "../../../client/revisions/redlinePair";
import { revisionHref, revisionInAddress } from "../../../client/revisions/revisionLink";
import { compileCatalog, readCatalog } from "../../../tools/catalogs.cjs";
import { installCatalog } from "../../../client/i18n/localize";
import { revisionTitle } from "../../../client/revisions/revisionTitle";
import { localDay, nextRevisionLabel, revisionSymbol, suggestNextRevision } from "../../../client/revisions/suggestNextRevision";

describe("the next revision's label", () => {
  it("counts on from a numbered revision, keeping how it is written", () => {
    expect(nextRevisionLabel("Rev.1")).toBe("Rev.2");
    expect(nextRevisionLabel("Rev. 9")).toBe("Rev. 10");
    expect(nextRevisionLabel("Revision 3")).toBe("Revision 4");
  });

  it("offers Rev.1 after the Pre-draft, the Zero draft or nothing at all", () => {
    expect(nextRevisionLabel("Pre-draft")).toBe("Rev.1");
    expect(nextRevisionLabel("Zero draft")).toBe("Rev.1");
    expect(nextRevisionLabel(null)).toBe("Rev.1");
  });

  it("issues a numbered revision under the draft's symbol with /Rev.N, replacing an older suffix", () => {
    expect(revisionSymbol("A/AC.292/2025/CRP.1", "Rev.1")).toBe("A/AC.292/2025/CRP.1/Rev.1");
    expect(revisionSymbol("A/AC.292/2025/CRP.1/Rev.1", "Rev.2")).toBe("A/AC.292/2025/CRP.1/Rev.2");
    expect(revisionSymbol("A/AC.292/2025/CRP.1", "Zero draft")).toBe("A/AC.292/2025/CRP.1");
    expect(revisionSymbol(null, "Rev.2")).toBe("");
  });

  it("prefers the revision published last to the label in meta, and dates the suggestion today", () => {
    const today = new Date(2026, 11, 2, 9, 30);
    expect(suggestNextRevision({ latestLabel: "Rev.1", metaRevision: "Rev.1", metaSymbol: "A/AC.292/2025/CRP.1/Rev.1", today })).toEqual({
      label: "Rev.2",
      symbol: "A/AC.292/2025/CRP.1/Rev.2",
      date: "2026-12-02",
    });
    expect(suggestNextRevision({ latestLabel: null, metaRevision: "Pre-draft", metaSymbol: "A/AC.292/2025/CRP.1", today }).label).toBe("Rev.1");
    expect(localDay(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});

describe("a revision's title and address", () => {
  it("names a revision by its label and the date it bears, in words of the UI language", () => {
    expect(revisionTitle({ label: "Rev.1", date: "2026-12-02" })).toBe("Rev.1 of December 2, 2026");
    installCatalog("fr", compileCatalog("fr", readCatalog("fr")));
    try {
      expect(revisionTitle({ label: "Rev.1", date: "2026-12-02" })).toBe("Rev.1 du 2 décembre 2026");
    } finally {
      installCatalog("en", compileCatalog("en", readCatalog("en")));
    }
  });

  it("opens a revision at the draft's address with ?revision=, and reads it back", () => {
    expect(revisionHref("abc123", "r1")).toBe("/d/abc123?revision=r1");
    expect(revisionHref("abc123", null)).toBe("/d/abc123");
    expect(revisionInAddress("?revision=r1")).toBe("r1");
    expect(revisionInAddress("")).toBeNull();
  });

  it("compares the latest two revisions first, or the only one with the live text", () => {
    expect(defaultRedlinePair([{ id: "a" }, { id: "b" }, { id: "c" }])).toEqual({ from: "b", to: "c" });
    expect(defaultRedlinePair([{ id: "a" }])).toEqual({ from: "a", to: LIVE_TEXT });
    expect(defaultRedlinePair([])).toBeNull();
  });
});
