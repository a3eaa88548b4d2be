/**
 * The audit view and the points of contact in the browser (issue 11, acceptance 3 and 5): the chair
 * reads who did what with the words; delegations and observers have no way in; a delegation keeps
 * its points of contact, which the chair reads.
 */
import type { Page } from "playwright-core";
import { Role } from "../../shared/roles";
import { seriousViolations } from "../support/axe";
import { BLOCK_SELECTOR, objectTo, readBlocks, saveScreenshot, selectWords } from "../support/browser";
import { openDemo } from "../support/demo";
import { waitFor } from "../support/waitFor";

const REASON = "The framework is not yet agreed by all.";

/**
 * The status of `GET /api/drafts/:id/audit` asked with `page`'s session cookie (from the test, so
 * that a refusal is not logged as the page's own error).
 */
async function auditStatus(page: Page): Promise<number> {
  const url = new URL(page.url());
  const cookie = (await page.context().cookies(url.origin)).map(({ name, value }) => `${name}=${value}`).join("; ");
  return (await fetch(`${url.origin}/api/drafts/${url.pathname.split("/")[2]}/audit`, { headers: { cookie } })).status;
}

describe("the audit view", () => {
  it("shows the chair paragraph 3's words before and after and CUB's reason, and nobody else a way in", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const cuba = await member(Role.delegation, "CUB");
    const observer = await member(Role.observer);

    const third = (await readBlocks(chair))[3]!;
    expect(third.num).toBe("3.");
    await selectWords(chair, 3, "cumulative and evolving");
    await chair.keyboard.type("agreed");
    await waitFor(() => chair.locator(BLOCK_SELECTOR).nth(3).textContent(), (text) => (text ?? "").includes("upon the agreed framework"), { what: "the chair's edit" });
    await objectTo(cuba, 3, REASON);
    await chair.locator("#saved").filter({ hasText: "Saved" }).waitFor();

    await chair.getByRole("button", { name: "Audit log" }).click();
    const view = chair.locator(".audit-view");
    const edit = view.locator(".audit-entry").filter({ has: chair.locator(".audit-redline") }).first();
    await waitFor(() => edit.locator(".audit-place").textContent().catch(() => null), (text) => text === "Paragraph 3", { what: "the chair's edit in the audit view" });
    expect(await edit.locator(".audit-who").textContent()).toMatch(/^Chair/);
    expect(await edit.locator(".audit-redline del").allTextContents()).toEqual(["cumulative and evolving"]);
    expect(await edit.locator(".audit-redline ins").allTextContents()).toEqual(["agreed"]);
    expect(await edit.locator(".audit-before").textContent()).toContain("builds upon the cumulative and evolving framework");
    expect(await edit.locator(".audit-after").textContent()).toContain("builds upon the agreed framework");
    const objection = view.locator(".audit-entry").filter({ hasText: REASON });
    await objection.waitFor({ timeout: 10_000 }).catch(async () => {
      await view.getByRole("button", { name: "Refresh" }).click();
      await objection.waitFor();
    });
    expect(await objection.locator(".audit-who").textContent()).toMatch(/^CUB/);
    expect(await objection.locator(".audit-record").textContent()).toBe(`Objects to Paragraph 3 — reason: ${REASON}`);

    // Filters: by state, then by paragraph.
    await view.getByLabel("By").selectOption("CUB");
    await waitFor(() => view.locator(".audit-who").allTextContents(), (who) => who.length > 0 && who.every((name) => name.startsWith("CUB")), { what: "only CUB's entries" });
    await view.getByLabel("By").selectOption("");
    await view.getByLabel("Paragraph").selectOption({ label: "Paragraph 1" });
    await waitFor(() => view.locator(".audit-status").textContent(), (text) => text === "Nothing recorded for these filters.", { what: "no entry about paragraph 1" });
    await view.getByLabel("Paragraph").selectOption({ label: "Paragraph 3" });
    await waitFor(() => view.locator(".audit-who").allTextContents(), (who) => who.some((name) => name.startsWith("CUB")) && who.some((name) => name.startsWith("Chair")), { what: "paragraph 3's history" });
    await saveScreenshot(chair, "audit-view");
    expect(await seriousViolations(chair)).toEqual([]);

    for (const page of [cuba, observer]) {
      expect(await page.locator(".audit-link").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Audit log" }).count()).toBe(0);
      expect(await auditStatus(page)).toBe(403);
    }
    expect(await auditStatus(chair)).toBe(200);
    // Three members' pages open in turn on a shared machine: more than the default 30 s.
  }, 120_000);

  it("lets CUB keep its points of contact, which the chair reads", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const cuba = await member(Role.delegation, "CUB");

    const form = cuba.locator(".delegation-view .contacts-form");
    const first = form.locator("fieldset").first();
    await first.getByLabel("Name").fill("Ana Pérez");
    await first.getByLabel("Function").fill("Counsellor");
    await first.getByLabel("E-mail").fill("not an address");
    await form.getByRole("button", { name: "Save points of contact" }).click();
    // A refusal shows beside the button, and nothing reaches the chair.
    await form.locator(".contacts-outcome.refused").filter({ hasText: "Not saved: Person 1: the e-mail must be an address such as name@mission.example." }).waitFor();
    await first.getByLabel("E-mail").fill("ana.perez@cuba-mission.example");
    await first.getByLabel("Phone").fill("+1 212 555 0101");
    await form.getByRole("button", { name: "Save points of contact" }).click();
    await form.locator(".contacts-outcome").filter({ hasText: "saved" }).waitFor();

    const cubaAtChair = chair.locator('.contacts-list [data-state="CUB"]');
    await cubaAtChair.waitFor({ timeout: 10_000 });
    expect(await cubaAtChair.locator("h3").textContent()).toBe("Cuba (CUB)");
    expect(await cubaAtChair.locator("li").textContent()).toBe("Ana Pérez, Counsellor — ana.perez@cuba-mission.example — +1 212 555 0101");
    expect(await cubaAtChair.locator("a").first().getAttribute("href")).toBe("mailto:ana.perez@cuba-mission.example");
    // The chair has no form of its own: it is not a delegation.
    expect(await chair.locator(".contacts-form").count()).toBe(0);
    expect(await seriousViolations(cuba)).toEqual([]);
  });
});
