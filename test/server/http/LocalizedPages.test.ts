/**
 * The pages the server writes itself speak the person's language (issue 15): the sign-in page in
 * the language this device chose, else the browser's, else English, with `<html lang dir>` to
 * match; a refused sign-in form answers a page in that language, and a script still gets JSON.
 */
import { Role } from "../../../shared/roles";
import { UI_LANGUAGE_COOKIE } from "../../../shared/languages";
import { invite } from "../../support/members";
import { startTestServer } from "../../support/testServer";

async function openLink(url: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; vary: string | null }> {
  const response = await fetch(url, { headers });
  return { status: response.status, html: await response.text(), vary: response.headers.get("vary") };
}

describe("the sign-in page", () => {
  it("speaks the browser's language, with lang and dir to match, and English when the browser speaks none of the six", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Languages" });
    const link = `${server.url}${(await invite(server, draft.id, Role.delegation, "CUB")).signInPath}`;

    const spanish = await openLink(link, { "accept-language": "de-CH, es-MX;q=0.9, en;q=0.5" });
    expect(spanish.status).toBe(200);
    expect(spanish.html).toContain('<html lang="es" dir="ltr">');
    expect(spanish.html).toContain('id="sign-in">Iniciar sesión</button>');
    expect(spanish.html).not.toContain("This link signs you in");
    expect(spanish.vary).toMatch(/Accept-Language/);

    const arabic = await openLink(link, { "accept-language": "ar-EG" });
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.html).toContain("تسجيل الدخول</button>");

    const english = await openLink(link, { "accept-language": "de, ja;q=0.8" });
    expect(english.html).toContain('<html lang="en" dir="ltr">');
    expect(english.html).toContain("This link signs you in to the draft you were invited to. It works once.");
    expect((await openLink(link)).html).toContain('<html lang="en" dir="ltr">');
  });

  it("speaks the language this device chose over the browser's, and ignores a choice it has no catalog for", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Chosen" });
    const link = `${server.url}${(await invite(server, draft.id, Role.observer)).signInPath}`;

    const chosen = await openLink(link, { "accept-language": "ar", cookie: `other=1; ${UI_LANGUAGE_COOKIE}=zh` });
    expect(chosen.html).toContain('<html lang="zh" dir="ltr">');
    expect(chosen.html).toContain("此链接将使您登录到您受邀参加的草案。");
    expect(chosen.vary).toMatch(/Cookie/);

    for (const unknown of ["xx", "..%2F..%2Fpackage", "EN"]) {
      const page = await openLink(link, { "accept-language": "ru", cookie: `${UI_LANGUAGE_COOKIE}=${unknown}` });
      expect({ unknown, lang: /<html lang="([^"]+)"/.exec(page.html)?.[1] }).toEqual({ unknown, lang: "ru" });
    }
    // The pseudo-locale a tester chose is a language too, so its walk finds the sign-in page's words.
    expect((await openLink(link, { cookie: `${UI_LANGUAGE_COOKIE}=en-XA` })).html).toContain('<html lang="en-XA" dir="ltr">');
  });

  it("answers a spent link's form with a page in the person's language, and a script with the refusal's id", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Spent" });
    const link = `${server.url}${(await invite(server, draft.id, Role.delegation, "CUB")).signInPath}`;
    expect((await fetch(link, { method: "POST", redirect: "manual" })).status).toBe(303);

    const browser = await fetch(link, { method: "POST", redirect: "manual", headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "accept-language": "ru" } });
    expect(browser.status).toBe(410);
    expect(browser.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await browser.text();
    expect(page).toContain('<html lang="ru" dir="ltr">');
    expect(page).toContain("Эта ссылка для входа уже использована или истекла; попросите новую у секретариата.");

    const script = await fetch(link, { method: "POST", redirect: "manual" });
    expect(script.status).toBe(410);
    expect(await script.json()).toEqual({
      error: "link-spent",
      reason: "link-spent",
      values: {},
      message: "This sign-in link was already used or has expired; ask the secretariat for a new one.",
    });
  });
});
