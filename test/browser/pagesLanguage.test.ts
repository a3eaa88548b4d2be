/**
 * The drafts page and the secretariat's desk in the UI language, in Chromium: switching the
 * language rewrites every word in place (nothing reloads, what was typed and what is open stay),
 * the page turns right to left for Arabic, and in the pseudo-locale no word of these pages is left
 * in plain English.
 */
import type { Page } from "playwright-core";
import { Role } from "../../shared/roles";
import { launchBrowser, openPage, openSignedIn } from "../support/browser";
import { invite, organizer } from "../support/members";
import { startTestServer } from "../support/testServer";

/** Where the page remembers the chosen UI language (client/i18n/uiLanguages.ts). */
const REMEMBERED_KEY = "concord-ui-language";

/** Picks `language` in the top bar and waits until the page speaks it. */
async function switchTo(page: Page, language: string): Promise<void> {
  await page.locator("select.ui-language").selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/**
 * Every word the page shows or says to a screen reader that holds a run of Latin letters outside a
 * message, leaving out data (titles, names, symbols, state names) and names that are not the
 * catalogs' (the language picker's, and the draft languages Intl names).
 */
function latinWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const data = ".ui-language-host, .brand, .draft-entry-title, .draft-symbol, .member-name, .state-picker option:not([value=''])";
    const namedByIntl = (node: Element) => node.closest("select")?.querySelector("option[value='zh']") !== null && node.closest("select") !== null;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const parent = walker.currentNode.parentElement!;
      if (parent.closest(data) || namedByIntl(parent)) continue;
      found.push(walker.currentNode.textContent ?? "");
    }
    for (const element of document.body.querySelectorAll("[aria-label], [title], [placeholder]")) {
      if (element.closest(data)) continue;
      for (const attribute of ["aria-label", "title", "placeholder"]) found.push(element.getAttribute(attribute) ?? "");
    }
    // A pseudo-locale message is wrapped in ⟦…⟧, data in its placeholders included; a document
    // symbol given as an example is a symbol in every language.
    return found.filter((words) => /[A-Za-z]{2,}/.test(words.replace(/⟦[^⟧]*⟧/g, "")) && words !== "A/AC.292/2025/CRP.1");
  });
}

describe("the pages in the UI language", () => {
  it("rewrites the drafts page and the New draft form in French and Arabic at once, keeping what was typed and what is open", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Zero draft" });
    await invite(server, draft.id, Role.delegation, "CUB");
    const { signInPath } = await organizer(server);
    const browser = await launchBrowser();
    const { page } = await openPage(browser, `${server.url}${signInPath}`);
    await page.locator("#sign-in").click();
    const entry = page.locator(".draft-entry", { hasText: "Zero draft" });
    await entry.waitFor({ timeout: 10_000 });
    await page.getByText("New draft", { exact: true }).click();
    const form = page.getByRole("form", { name: "New draft" });
    await form.getByLabel("Title").fill("Projet de déclaration");
    await entry.getByText("Members", { exact: true }).click();
    await entry.locator(".member-row", { hasText: "CUB" }).waitFor();

    await switchTo(page, "fr");
    expect(await page.locator("main h1").textContent()).toBe("Projets");
    expect(await entry.locator(".draft-role").textContent()).toBe("Votre rôle\u00a0: Secrétariat (non membre)");
    const french = page.getByRole("form", { name: "Nouveau projet" });
    expect(await french.getByLabel("Titre", { exact: true }).inputValue()).toBe("Projet de déclaration");
    const languageOfText = french.getByLabel("Langue du texte");
    expect(await languageOfText.locator("option[value='es']").textContent()).toBe(await page.evaluate(() => new Intl.DisplayNames(["fr"], { type: "language" }).of("es")));
    expect(await languageOfText.inputValue()).toBe("en");
    expect(await entry.locator(".member-row", { hasText: "CUB" }).locator(".member-role").textContent()).toBe("Délégation (Cuba)");
    expect(await entry.locator(".member-signed-in").first().textContent()).toBe("Pas encore connecté(e)");
    expect(await page.getByRole("button", { name: "Se déconnecter" }).isVisible()).toBe(true);

    await switchTo(page, "ar");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.locator("main h1").textContent()).toBe("المشاريع");
    expect(await page.getByRole("form", { name: "مشروع جديد" }).getByLabel("العنوان", { exact: true }).inputValue()).toBe("Projet de déclaration");
    expect(await page.getByRole("button", { name: "تسجيل الخروج" }).isVisible()).toBe(true);
    expect(await entry.locator(".member-row", { hasText: "CUB" }).locator(".member-role").textContent()).toBe("وفد كوبا");

    await switchTo(page, "en");
    expect(await entry.locator(".draft-role").textContent()).toBe("Your role: Secretariat (not a member)");
    expect(await form.getByLabel("Title").inputValue()).toBe("Projet de déclaration");
  }, 90_000);

  it("leaves no word of the drafts page, the desk or the editor page's own parts in plain English in the pseudo-locale", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Zero draft" });
    await invite(server, draft.id, Role.delegation, "CUB");
    const { signInPath } = await organizer(server);
    const browser = await launchBrowser();
    const { page } = await openPage(browser, `${server.url}${signInPath}`);
    await page.evaluate((key) => localStorage.setItem(key, "en-XA"), REMEMBERED_KEY);
    await page.locator("#sign-in").click();
    const entry = page.locator(".draft-entry", { hasText: "Zero draft" });
    await entry.waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-XA");
    await page.locator(".new-draft summary").click();
    await page.locator(".new-draft-form button[type=submit]").click();
    await page.locator(".new-draft-form .field-error:not([hidden])").first().waitFor();
    await entry.locator(".draft-members summary").click();
    await entry.locator(".member-row").first().waitFor();
    expect(await latinWords(page)).toEqual([]);

    // A chair's entry has the export menu and the observers' switch too.
    const { page: chair } = await openSignedIn(browser, server.url, await invite(server, draft.id, Role.chair));
    await chair.evaluate((key) => localStorage.setItem(key, "en-XA"), REMEMBERED_KEY);
    await chair.goto(`${server.url}/`);
    const chaired = chair.locator(".draft-entry", { hasText: "Zero draft" });
    await chaired.locator(".export-toggle").click({ timeout: 10_000 });
    await chaired.locator(".draft-members summary").click();
    await chaired.locator(".member-row").first().waitFor();
    expect(await latinWords(chair)).toEqual([]);

    await chair.goto(`${server.url}/d/${draft.id}`);
    await chair.locator(".draft-actions .export-toggle").waitFor({ timeout: 10_000 });
    const own = await chair.evaluate(() => [document.getElementById("me")!.textContent, document.getElementById("sign-out")!.textContent, document.querySelector(".proposal-list")!.getAttribute("aria-label"), document.querySelector(".draft-actions .export-toggle")!.textContent]);
    // Each is one message (the member's name, data, inside it).
    for (const words of own) expect(words).toMatch(/^⟦[^⟧]*⟧$/);
  }, 90_000);
});
