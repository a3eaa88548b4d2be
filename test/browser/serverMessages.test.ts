/**
 * The server's words reach the page in the person's language (issue 15, "server messages by id"):
 * a close reason is said in the UI language chosen in the top bar, and the sign-in page and its
 * refusal, which the server writes itself, follow the choice this device made.
 */
import { Role } from "../../shared/roles";
import { createDemoDraft } from "../../server/demo/createDemoDraft";
import { launchBrowser, openSignedIn, waitForEditor } from "../support/browser";
import { invite } from "../support/members";
import { startTestServer } from "../support/testServer";

describe("the server's messages in the browser", () => {
  it("says a close reason in the chosen language, and the sign-in page and its refusal follow the device's choice", async () => {
    const server = await startTestServer();
    const draft = await createDemoDraft(server.drafts);
    const browser = await launchBrowser();
    const invitation = await invite(server, draft.id, Role.delegation, "CUB");
    const { context, page: cuba } = await openSignedIn(browser, server.url, invitation);
    await waitForEditor(cuba, 10);
    await cuba.locator("select.ui-language").selectOption("fr");
    await cuba.locator('html[lang="fr"]').waitFor({ state: "attached" });

    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const changed = await fetch(`${server.url}/api/drafts/${draft.id}/members/${invitation.membership.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${chairToken}`, "content-type": "application/json" },
      body: JSON.stringify({ role: Role.observer, state: null }),
    });
    expect(changed.status).toBe(200);
    await cuba.locator("#notice", { hasText: "Votre accès à ce projet a été modifié ou retiré." }).waitFor();

    // Another link opened on this device: the server writes the sign-in page in the language chosen here.
    const second = await invite(server, draft.id, Role.observer);
    const signIn = await context.newPage();
    await signIn.goto(`${server.url}${second.signInPath}`);
    expect(await signIn.locator("html").getAttribute("lang")).toBe("fr");
    expect(await signIn.locator("#sign-in").textContent()).toBe("Se connecter");
    // Spent meanwhile (a colleague's click, a scanner's post): the form's answer says so in French.
    expect((await fetch(`${server.url}${second.signInPath}`, { method: "POST", redirect: "manual" })).status).toBe(303);
    await signIn.locator("#sign-in").click();
    await signIn.locator('[role="alert"]', { hasText: "Ce lien de connexion a déjà été utilisé ou a expiré" }).waitFor();
    expect(await signIn.locator("html").getAttribute("lang")).toBe("fr");
  });
});
