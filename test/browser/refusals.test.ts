/**
 * What shared code refuses of a person's action is said on the page in the UI language, and said
 * again in another as soon as the person switches, without a reload (issue 15): a refused comment
 * beside its box, the chair's refused agreement beside its button, refused points of contact.
 */
import type { Page } from "playwright-core";
import { Role } from "../../shared/roles";
import { objectTo, openParagraphPanel } from "../support/browser";
import { openDemo } from "../support/demo";

/** Block 6 of the demo draft is paragraph 5 (after heading B). */
const PARAGRAPH_5 = 6;

function speak(page: Page, language: string): Promise<string[]> {
  return page.locator("select.ui-language").selectOption(language);
}

describe("refusals on the page", () => {
  it("says a refused comment, refused points of contact and the chair's refused agreement in the UI language, and again in the next", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const salvador = await member(Role.delegation, "SLV");
    await objectTo(salvador, PARAGRAPH_5, "Too narrow.");

    await speak(salvador, "fr");
    const panel = await openParagraphPanel(salvador, PARAGRAPH_5);
    await panel.locator(".comment-body").fill("   ");
    await panel.locator(".comment-form button[type=submit]").click();
    const beside = panel.locator(".comment-form .field-error");
    await beside.filter({ hasText: "Un commentaire doit contenir du texte." }).waitFor();
    await speak(salvador, "es");
    await beside.filter({ hasText: "Un comentario necesita algún texto." }).waitFor();

    const form = salvador.locator(".delegation-view .contacts-form");
    const first = form.locator("fieldset").first();
    await first.locator('input[name="name"]').fill("Ana Pérez");
    await first.locator('input[name="email"]').fill("not an address");
    await form.locator('button[type="submit"]').click();
    const outcome = form.locator(".contacts-outcome.refused");
    await outcome.filter({ hasText: "No se guardó: Persona 1: el correo electrónico debe ser una dirección como name@mission.example." }).waitFor();
    await speak(salvador, "ar");
    await outcome.filter({ hasText: "لم يُحفظ: الشخص 1: يجب أن يكون البريد الإلكتروني عنوانًا مثل name@mission.example." }).waitFor();

    await speak(chair, "fr");
    await openParagraphPanel(chair, PARAGRAPH_5);
    const refusal = chair.locator(".paragraph-panel .refusal");
    await refusal.filter({ hasText: "Impossible tant que SLV s’y oppose." }).waitFor();
    await speak(chair, "ru");
    await refusal.filter({ hasText: "Невозможно, пока SLV возражает." }).waitFor();
  });
});
