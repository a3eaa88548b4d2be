import type { Page } from "playwright-core";
import { TextRoot } from "../../shared/documentLayout";
import { createDemoDraft } from "../../server/demo/createDemoDraft";
import { Role } from "../../shared/roles";
import { clickAtEnd, launchBrowser, openSignedIn, readBlocks, saveScreenshot, waitForEditor } from "../support/browser";
import { invite } from "../support/members";
import { connectStockClient, typeAtStart } from "../support/stockClient";
import { startTestServer } from "../support/testServer";
import { waitFor } from "../support/waitFor";

/** Text, pid and printed number of every numbered paragraph on a page. */
function numberedParagraphs(page: Page) {
  return readBlocks(page, ".draft-text p.para");
}

/** Every block's text on a page, headings and sub-items included. */
async function blockTexts(page: Page): Promise<string[]> {
  return (await readBlocks(page)).map((block) => block.text);
}

/** The demo draft has more blocks than this: waiting for them means the whole text has rendered. */
const DEMO_BLOCKS = 40;

async function openDemo() {
  const server = await startTestServer();
  const draft = await createDemoDraft(server.drafts);
  const browser = await launchBrowser();
  /** A page of a newly invited member, signed in and on the draft. */
  const member = async (role: Role = Role.chair, state?: string) =>
    (await openSignedIn(browser, server.url, await invite(server, draft.id, role, state))).page;
  return { server, draft, browser, member };
}

describe("the editor in Chromium", () => {
  it("shows text typed into paragraph 3 on a second page within a second", async () => {
    const { member } = await openDemo();
    const first = await member();
    const second = await member(Role.delegation, "CUB");
    await waitForEditor(first, DEMO_BLOCKS);
    await waitForEditor(second, DEMO_BLOCKS);

    await clickAtEnd(first.locator(".draft-text p.para").nth(2));
    await first.keyboard.type(" Typed by the chair.");
    await waitFor(() => numberedParagraphs(second), (list) => list[2]!.text.endsWith(" Typed by the chair."), {
      timeoutMs: 1000,
      what: "the typed words on the second page",
    });
    expect((await numberedParagraphs(second))[2]!.num).toBe("3.");
    await saveScreenshot(first, "editor-demo-draft");
  });

  it("gives the tail of a split paragraph a new pid, and the numbers follow", async () => {
    const { member } = await openDemo();
    const page = await member();
    await waitForEditor(page, DEMO_BLOCKS);
    const before = await numberedParagraphs(page);

    const third = page.locator(".draft-text p.para").nth(2);
    await third.click();
    await page.keyboard.press("Home");
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");

    const after = await waitFor(() => numberedParagraphs(page), (list) => list.length === before.length + 1, { what: "the split" });
    expect(after[2]!.pid).toBe(before[2]!.pid);
    expect(after[3]!.pid).not.toBe(before[2]!.pid);
    expect(new Set(after.map((entry) => entry.pid)).size).toBe(after.length);
    expect(after[2]!.text + after[3]!.text).toBe(before[2]!.text);
    expect(after.map((entry) => entry.num)).toEqual(after.map((_, index) => `${index + 1}.`));
    expect(after[4]!.pid).toBe(before[3]!.pid);
    expect(after[4]!.num).toBe("5.");

    const reader = await member(Role.observer);
    await waitForEditor(reader, DEMO_BLOCKS);
    const pids = after.map((entry) => entry.pid).join(" ");
    await waitFor(async () => (await numberedParagraphs(reader)).map((entry) => entry.pid).join(" "), (seen) => seen === pids, {
      what: "the observer to see the same pids",
    });
  });

  it("converges with two stock WebsocketProvider clients on concurrent edits, and a late joiner gets it all", async () => {
    const { server, draft, member } = await openDemo();
    const alice = await connectStockClient(server, draft.id);
    const bob = await connectStockClient(server, draft.id);
    const page = await member();
    await waitForEditor(page, DEMO_BLOCKS);

    const firstParagraph = page.locator(".draft-text p.para").first();
    await clickAtEnd(firstParagraph);
    const typing = page.keyboard.type(" Browser words.", { delay: 15 });
    for (let i = 0; i < 10; i++) {
      typeAtStart(alice.doc.getXmlFragment(TextRoot.content), 1, `alice${i} `);
      typeAtStart(bob.doc.getXmlFragment(TextRoot.content), 3, `bob${i} `);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await typing;

    const converged = await waitFor(
      async () => ({ page: await blockTexts(page), alice: alice.paragraphs(), bob: bob.paragraphs() }),
      (state) =>
        state.page.join("\n") === state.alice.join("\n") &&
        state.alice.join("\n") === state.bob.join("\n") &&
        state.page.some((text) => text.endsWith(" Browser words.")),
      { what: "browser and stock clients to converge" },
    );
    expect(converged.page[1]).toMatch(/^alice9 /);
    expect(converged.page[3]).toMatch(/^bob9 /);

    const late = await connectStockClient(server, draft.id);
    expect(late.paragraphs()).toEqual(converged.alice);
  });

  it("lets the chair change a footnote's words from its marker and add one by keyboard; others see both", async () => {
    const { member } = await openDemo();
    const chair = await member();
    const observer = await member(Role.observer);
    await waitForEditor(chair, DEMO_BLOCKS);
    await waitForEditor(observer, DEMO_BLOCKS);
    const footnotes = (page: Page) => page.locator(".draft-text sup.footnote").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("title")));
    expect((await footnotes(observer))[0]).toBe("See General Assembly resolution 79/237, para. 1; see also A/75/816, para. 24.");

    await chair.locator(".draft-text sup.footnote").first().click();
    const dialog = chair.getByRole("dialog");
    await dialog.getByLabel("Footnote text").fill("See General Assembly resolution 79/237, paras. 1 and 2.");
    await dialog.getByRole("button", { name: "Save" }).click();
    await waitFor(() => footnotes(observer), (titles) => titles[0] === "See General Assembly resolution 79/237, paras. 1 and 2.", { what: "the changed footnote at the observer" });

    // A new footnote at the end of paragraph 2, by keyboard.
    await clickAtEnd(chair.locator(".draft-text p.para").nth(1));
    await chair.keyboard.press("Control+Alt+f");
    await chair.getByRole("dialog").getByLabel("New footnote").fill("See A/77/275.");
    await chair.keyboard.press("Enter");
    await waitFor(() => footnotes(observer), (titles) => titles.length === 4 && titles[1] === "See A/77/275.", { what: "the new footnote at the observer" });
    // The observer cannot open the dialog.
    await observer.locator(".draft-text sup.footnote").first().click();
    expect(await observer.getByRole("dialog").count()).toBe(0);
  });
});
