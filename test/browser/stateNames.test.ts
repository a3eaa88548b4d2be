/**
 * State names follow the UI language in Chromium (issue 15): once the chair's page speaks French, then
 * Arabic, the audit view's state filter names every state as the UN writes it in that language,
 * sorted as its readers sort, with the chosen state still chosen and nothing reloaded.
 */
import { Role } from "../../shared/roles";
import { openDemo } from "../support/demo";
import { waitFor } from "../support/waitFor";

describe("state names in the UI language", () => {
  it("names and sorts the audit filter's states in French, then Arabic, keeping the choice without a reload", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    await chair.getByRole("button", { name: "Audit log" }).click();
    const filter = chair.locator(".audit-view .audit-filters select").first();
    await filter.selectOption("IRN");
    expect(await filter.locator("option:checked").textContent()).toBe("Iran (Islamic Republic of) (IRN)");
    // A reload would lose this mark.
    await chair.evaluate(() => Object.assign(window, { stillThisPage: true }));

    await chair.locator(".ui-language").selectOption("fr");
    await waitFor(() => filter.locator("option:checked").textContent(), (text) => text === "Iran (République islamique d') (IRN)", { what: "Iran named in French" });
    const french = (await filter.locator("option").allTextContents()).slice(1);
    expect(french).toHaveLength(195);
    expect(french).toEqual([...french].sort(new Intl.Collator("fr").compare));
    // By code point "Égypte" would sort after "Zimbabwe"; a French reader looks for it among the E.
    expect(french.indexOf("Égypte (EGY)")).toBeLessThan(french.indexOf("Espagne (ESP)"));
    expect(french).toContain("Türkiye (TUR)");

    await chair.locator(".ui-language").selectOption("ar");
    await waitFor(() => filter.locator("option:checked").textContent(), (text) => text === "إيران (جمهورية - الإسلامية) (IRN)", { what: "Iran named in Arabic" });
    expect(await filter.inputValue()).toBe("IRN");
    expect(await chair.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  }, 120_000);
});
