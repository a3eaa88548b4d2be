/**
 * Proposals in Chromium: a delegation proposes the way people suggest in a word processor, every
 * page draws the same brackets, and the chair clears them from the bracket's card.
 */
import type { Page } from "playwright-core";
import { ProposalKind, type Proposal } from "../../schemas/records";
import { TextRoot } from "../../shared/documentLayout";
import { propose } from "../../shared/proposals/proposeChange";
import { readProposals } from "../../shared/proposals/readProposals";
import { Role } from "../../shared/roles";
import { textBlocks } from "../../shared/text/blockText";
import { BLOCK_SELECTOR, proposeReplacement, readBlocks, saveScreenshot, selectWords } from "../support/browser";
import { openDemo } from "../support/demo";
import { invite } from "../support/members";
import { connectStockClient } from "../support/stockClient";
import { waitFor } from "../support/waitFor";

/** Block 4 of the demo draft is paragraph 4, on "an open, secure, stable…" environment. */
const PARAGRAPH_4 = 4;


/** The bracket names ("Alt 1 CUB") a page shows, in order. */
function bracketNames(page: Page): Promise<string[]> {
  return page.locator(".draft-text .proposal .sponsors").allTextContents();
}

function proposeWords(page: Page, words: string, replacement: string): Promise<void> {
  return proposeReplacement(page, PARAGRAPH_4, words, replacement);
}

describe("proposals in the browser", () => {
  it("shows CUB's replacement and SLV's alternative as Alt 1 and Alt 2 everywhere; the chair accepts Alt 2", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const cuba = await member(Role.delegation, "CUB");
    const salvador = await member(Role.delegation, "SLV");
    const observer = await member(Role.observer);
    const pages = [chair, cuba, salvador, observer];
    const original = (await readBlocks(chair))[PARAGRAPH_4]!.text;

    await proposeWords(cuba, "open, secure, stable", "open, secure, stable and resilient");
    for (const page of pages) await waitFor(() => bracketNames(page), (names) => names.join() === "CUB", { what: "CUB's bracket on every page" });
    await proposeWords(salvador, "open, secure, stable", "free, open and secure");
    for (const page of pages) {
      await waitFor(() => bracketNames(page), (names) => names.join() === "Alt 1 CUB,Alt 2 SLV", { what: "Alt 1 and Alt 2 on every page" });
      expect(await page.locator(".draft-text .proposal-words").allTextContents()).toEqual(["open, secure, stable"]);
      expect((await readBlocks(page))[PARAGRAPH_4]!.text).toBe(original);
    }
    await saveScreenshot(cuba, "proposals-alternatives-delegation");
    await saveScreenshot(observer, "proposals-alternatives-observer");

    const alt2 = chair.locator(".draft-text .proposal", { hasText: "Alt 2 SLV" });
    await alt2.hover();
    const card = chair.locator(".proposal-card");
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Replace “open, secure, stable” with “free, open and secure”.*Sponsors: SLV/);
    await saveScreenshot(chair, "proposals-chair-card");
    await card.getByRole("button", { name: "Accept" }).click();

    const accepted = original.replace("open, secure, stable", "free, open and secure");
    for (const page of pages) {
      await waitFor(async () => (await readBlocks(page))[PARAGRAPH_4]!.text, (text) => text === accepted, { what: "the accepted text on every page" });
      expect(await page.locator(BLOCK_SELECTOR).nth(PARAGRAPH_4).locator(".bracket, .proposal-words").count()).toBe(0);
    }
    await saveScreenshot(observer, "proposals-accepted-observer");
  });

  it("makes each kind from the browser the same as a stock Yjs client does", async () => {
    const { server, draft, member } = await openDemo();
    const cuba = await member(Role.delegation, "CUB");
    const stock = await connectStockClient(server, draft.id, { token: (await invite(server, draft.id, Role.delegation, "SLV")).token });
    const pidOf = (index: number) => textBlocks(stock.doc.getXmlFragment(TextRoot.content))[index]!.pid!;
    const span = (index: number, words: string) => {
      const from = textBlocks(stock.doc.getXmlFragment(TextRoot.content))[index]!.text.indexOf(words);
      return { from, to: from + words.length };
    };

    // Insert at a caret, replace over a selection, delete a selection.
    await selectWords(cuba, PARAGRAPH_4, "peaceful", true);
    await cuba.keyboard.type(" and resilient");
    await cuba.keyboard.press("Enter");
    propose(stock.doc, "SLV", { kind: ProposalKind.insert, pid: pidOf(PARAGRAPH_4), at: span(PARAGRAPH_4, "peaceful").to, text: " and resilient" });
    await selectWords(cuba, 2, "New York");
    await cuba.keyboard.type("Geneva");
    await cuba.keyboard.press("Enter");
    propose(stock.doc, "SLV", { kind: ProposalKind.replace, pid: pidOf(2), ...span(2, "New York"), text: "Geneva" });
    await selectWords(cuba, 3, "cumulative and ");
    await cuba.keyboard.press("Delete");
    propose(stock.doc, "SLV", { kind: ProposalKind.delete, pid: pidOf(3), ...span(3, "cumulative and ") });
    // A new paragraph after paragraph 1, and deleting paragraph 7, by keyboard shortcut.
    await selectWords(cuba, 1, "pursuant", true);
    await cuba.keyboard.press("Control+Shift+Enter");
    await cuba.locator(".proposal-draft-input").waitFor();
    await cuba.keyboard.type("States recalled the importance of capacity-building.");
    await cuba.keyboard.press("Enter");
    propose(stock.doc, "SLV", { kind: ProposalKind.newParagraph, after: pidOf(1), text: "States recalled the importance of capacity-building." });
    const paragraph7 = (await readBlocks(cuba)).findIndex((block) => block.num === "7.");
    await selectWords(cuba, paragraph7, "Several States", true);
    await cuba.keyboard.press("Control+Shift+Backspace");
    propose(stock.doc, "SLV", { kind: ProposalKind.deleteParagraph, pid: pidOf(paragraph7) });

    await waitFor(() => [...stock.doc.getMap<Proposal>(TextRoot.proposals).entries()].map(([k, r]) => `${k.slice(0, 3)} ${r.kind}`).sort(), (kinds) => kinds.length === 10, { what: "ten proposals" });
    const records = [...stock.doc.getMap<Proposal>(TextRoot.proposals).entries()];
    const comparable = (state: string) =>
      records
        .filter(([key]) => key.startsWith(`${state}:`))
        .map(([, record]) => ({ kind: record.kind, text: record.text, pid: record.anchor.pid, quote: record.anchor.quote, prefix: record.anchor.prefix, suffix: record.anchor.suffix }))
        .sort((a, b) => a.kind.localeCompare(b.kind));
    expect(comparable("CUB")).toEqual(comparable("SLV"));
    expect(comparable("CUB").map((record) => record.kind).sort()).toEqual(Object.values(ProposalKind).sort());

    // Each pair lands on the same place: alternatives on the same words, bis and ter after paragraph 1.
    const views = readProposals(stock.doc);
    const labels = views.map((view) => `${view.state} ${view.record.kind} ${view.altLabel ?? view.addedLabel ?? ""}`).sort();
    expect(labels).toEqual(
      [
        "CUB delete Alt 1", "SLV delete Alt 2", "CUB insert Alt 1", "SLV insert Alt 2", "CUB replace Alt 1", "SLV replace Alt 2",
        "CUB newParagraph 1 bis", "SLV newParagraph 1 ter", "CUB deleteParagraph Alt 1", "SLV deleteParagraph Alt 2",
      ].sort(),
    );
    await waitFor(() => bracketNames(cuba), (names) => names.length === 10, { what: "ten brackets in CUB's page" });
    await saveScreenshot(cuba, "proposals-every-kind");
  });
});
