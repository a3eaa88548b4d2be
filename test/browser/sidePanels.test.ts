/**
 * The editor page's side panels in Chromium: the header follows the chair's symbol and revision;
 * the chair's clearing queue groups open proposals by paragraph and narrows them to one state's;
 * a delegation's own view lists what it proposed, co-sponsors and objects to, and takes the
 * delegate to the paragraph.
 */
import type { Page } from "playwright-core";
import { ProposalKind, StanceKind } from "../../schemas/records";
import { setStance } from "../../shared/consensus/stanceWrites";
import { MetaKey, Room, TextRoot } from "../../shared/documentLayout";
import { rejectProposal } from "../../shared/proposals/clearProposal";
import { propose, supportProposal } from "../../shared/proposals/proposeChange";
import { Role } from "../../shared/roles";
import { textBlocks } from "../../shared/text/blockText";
import { BLOCK_SELECTOR, saveScreenshot } from "../support/browser";
import { openDemo } from "../support/demo";
import { invite } from "../support/members";
import { connectStockClient, type StockClient } from "../support/stockClient";
import { waitFor } from "../support/waitFor";

/** Blocks of the demo draft: paragraphs 1, 4 and 5 (after heading B), and 7 (after the six items of 6). */
const PARAGRAPH_1 = 1;
const PARAGRAPH_4 = 4;
const PARAGRAPH_5 = 6;
const PARAGRAPH_7 = 13;

type Demo = Awaited<ReturnType<typeof openDemo>>;

/** A stock Yjs client acting for delegation `state` in `room`. */
async function delegate({ server, draft }: Demo, state: string, room: Room = Room.text): Promise<StockClient> {
  return connectStockClient(server, draft.id, { room, token: (await invite(server, draft.id, Role.delegation, state)).token });
}

/** `state` proposes `replacement` for `words` in block `index`, and returns the proposal's key. */
function replace(client: StockClient, state: string, index: number, words: string, replacement: string): string {
  const block = textBlocks(client.doc.getXmlFragment(TextRoot.content))[index]!;
  const from = block.text.indexOf(words);
  if (from < 0) throw new Error(`No "${words}" in block ${index}`);
  return propose(client.doc, state, { kind: ProposalKind.replace, pid: block.pid!, from, to: from + words.length, text: replacement });
}

function pidOf(client: StockClient, index: number): string {
  return textBlocks(client.doc.getXmlFragment(TextRoot.content))[index]!.pid!;
}

/** The queue's paragraphs and, for each, the sponsors of its proposals: ["Paragraph 4 (2): CUB | SLV"]. */
function queueGroups(page: Page): Promise<string[]> {
  return page.$$eval(".clearing-queue .queue-group", (groups) =>
    groups.map((group) => `${group.querySelector("h3")!.textContent}: ${Array.from(group.querySelectorAll("li strong"), (name) => name.textContent).join(" | ")}`),
  );
}

/** What has the keyboard focus: its class and words, and the proposal entry it is in. */
function focused(page: Page): Promise<{ className: string; text: string; key: string | null }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement;
    return { className: active.className, text: active.textContent ?? "", key: active.closest<HTMLElement>("li[data-key]")?.dataset["key"] ?? null };
  });
}

describe("the editor page's side panels", () => {
  it("shows the draft's symbol and revision in the header, live, once the chair sets them", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const observer = await member(Role.observer);
    const title = await chair.locator("#draft-title .draft-title-text").textContent();
    expect(title).toMatch(/^Pre-draft report/);
    expect(await chair.locator("#draft-title .draft-symbol").count()).toBe(0);

    await chair.evaluate(
      ({ root, symbol, revision }) => {
        type Meta = { set(key: string, value: unknown): void };
        const { doc } = (window as unknown as { concord: { doc: { getMap(name: string): Meta; transact(run: () => void): void } } }).concord;
        doc.transact(() => {
          doc.getMap(root).set(symbol, "A/AC.292/2025/CRP.1");
          doc.getMap(root).set(revision, "Zero draft");
        });
      },
      { root: TextRoot.meta, symbol: MetaKey.symbol, revision: MetaKey.revision },
    );
    for (const page of [chair, observer]) {
      await page.locator("#draft-title .draft-symbol", { hasText: "A/AC.292/2025/CRP.1" }).waitFor({ timeout: 2000 });
      await page.locator("#draft-title .draft-revision", { hasText: "Zero draft" }).waitFor({ timeout: 2000 });
      expect(await page.locator("#draft-title").textContent()).toBe(`${title} A/AC.292/2025/CRP.1 Zero draft`);
    }
    await saveScreenshot(observer, "side-panels-header");

    await chair.evaluate(
      ({ root, revision }) => (window as unknown as { concord: { doc: { getMap(name: string): { set(key: string, value: unknown): void } } } }).concord.doc.getMap(root).set(revision, "Rev.1"),
      { root: TextRoot.meta, revision: MetaKey.revision },
    );
    await observer.locator("#draft-title .draft-revision", { hasText: "Rev.1" }).waitFor({ timeout: 2000 });
  });

  it("groups the chair's queue by paragraph in text order, narrows it to one state's proposals, and keeps the focus in the queue after clearing", async () => {
    const demo = await openDemo();
    const cuba = await delegate(demo, "CUB");
    const salvador = await delegate(demo, "SLV");
    // Made out of text order: the queue puts them back in it.
    const slvOn5 = replace(salvador, "SLV", PARAGRAPH_5, "serious concern", "grave concern");
    const cubOn4 = replace(cuba, "CUB", PARAGRAPH_4, "open, secure, stable", "open, secure, stable and resilient");
    const slvOn4 = replace(salvador, "SLV", PARAGRAPH_4, "open, secure, stable", "free, open and secure");
    replace(cuba, "CUB", PARAGRAPH_1, "further develop", "develop");
    const chair = await demo.member(Role.chair);
    const observer = await demo.member(Role.observer);

    const everyGroup = ["Paragraph 1 (1): CUB", "Paragraph 4 (2): Alt 1 CUB | Alt 2 SLV", "Paragraph 5 (1): SLV"];
    await waitFor(() => queueGroups(chair), (groups) => groups.join() === everyGroup.join(), { what: "the queue by paragraph" });
    const filter = chair.getByLabel("Show proposals from");
    expect(await filter.locator("option").allTextContents()).toEqual(["All states", "CUB", "SLV"]);

    await filter.selectOption({ label: "SLV" }, { timeout: 2000 });
    await waitFor(() => queueGroups(chair), (groups) => groups.join() === ["Paragraph 4 (1): Alt 2 SLV", "Paragraph 5 (1): SLV"].join(), { what: "SLV's proposals only" });
    await chair.locator(".clearing-queue h2", { hasText: "Clearing queue: SLV (2)" }).waitFor({ timeout: 2000 });
    await saveScreenshot(chair, "side-panels-chair-queue");

    // Clearing by keyboard: the accepted proposal leaves the queue and the focus goes to the next one.
    const accept = chair.locator(`.clearing-queue li[data-key="${slvOn4}"]`).getByRole("button", { name: "Accept" });
    await accept.focus({ timeout: 2000 });
    await chair.keyboard.press("Enter");
    await waitFor(() => queueGroups(chair), (groups) => groups.join() === "Paragraph 5 (1): SLV", { what: "the accepted proposal out of the queue" });
    expect(await focused(chair)).toEqual({ className: "", text: "Accept", key: slvOn5 });
    // Accepting one alternative sets the other aside; the cleared ones are listed whatever the filter.
    const cleared = chair.locator(".proposal-list section", { hasText: "Cleared and withdrawn (2)" });
    await cleared.locator(`li[data-key="${slvOn4}"]`, { hasText: "Accepted by the chair" }).waitFor({ timeout: 2000 });
    await cleared.locator(`li[data-key="${cubOn4}"]`, { hasText: "Set aside to the Chair's summary" }).waitFor({ timeout: 2000 });

    await filter.selectOption({ label: "All states" });
    await waitFor(() => queueGroups(chair), (groups) => groups.join() === ["Paragraph 1 (1): CUB", "Paragraph 5 (1): SLV"].join(), { what: "the queue without the cleared proposals" });

    // Observers read the proposals with no controls at all.
    await observer.locator(".proposal-list li").first().waitFor({ timeout: 5000 });
    expect(await observer.locator(".proposal-list button, .proposal-list select, .delegation-view").count()).toBe(0);
  });

  it("lists a delegation's own proposal, its co-sponsorship and its objection, each taking it to the paragraph", async () => {
    const demo = await openDemo();
    const cubaText = await delegate(demo, "CUB");
    const cubaFloor = await delegate(demo, "CUB", Room.floor);
    const salvador = await delegate(demo, "SLV");
    replace(cubaText, "CUB", PARAGRAPH_4, "open, secure, stable", "open, secure, stable and resilient");
    const slvOn1 = replace(salvador, "SLV", PARAGRAPH_1, "further develop", "develop");
    supportProposal(cubaText.doc, "CUB", slvOn1);
    setStance(cubaFloor.doc, "CUB", pidOf(cubaText, PARAGRAPH_7), StanceKind.object, "Small States need more than attention.");
    // Another state's objection is not CUB's.
    setStance((await delegate(demo, "SLV", Room.floor)).doc, "SLV", pidOf(cubaText, PARAGRAPH_5), StanceKind.object, "Not ours.");

    const page = await demo.member(Role.delegation, "CUB");
    const own = page.getByRole("complementary", { name: "Your delegation (CUB)" });
    const proposed = own.locator("section", { hasText: "Proposed by CUB (1)" });
    await proposed.getByRole("button", { name: "Paragraph 4: Replace “open, secure, stable” with “open, secure, stable and resilient”. Open." }).waitFor({ timeout: 5000 });
    await own.locator("section", { hasText: "Co-sponsored by CUB (1)" }).getByRole("button", { name: "Paragraph 1: SLV's proposal — Replace “further develop” with “develop”. Open." }).waitFor({ timeout: 5000 });
    const objections = own.locator("section", { hasText: "Paragraphs CUB objects to (1)" });
    const objection = objections.getByRole("button", { name: "Paragraph 7: Objection — Small States need more than attention." });
    await objection.waitFor({ timeout: 5000 });
    await saveScreenshot(page, "side-panels-delegation");

    // Activating the objection by keyboard puts the caret in paragraph 7, in view, and the panel follows.
    await objection.focus();
    await page.keyboard.press("Enter");
    const paragraph7 = page.locator(BLOCK_SELECTOR).nth(PARAGRAPH_7);
    await page.locator(".paragraph-panel legend", { hasText: "CUB's stance on Paragraph 7" }).waitFor({ timeout: 2000 });
    const where = await page.evaluate(() => {
      const selection = window.getSelection()!;
      const block = (selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode?.parentElement)?.closest("[data-pid]");
      return { editorFocused: document.activeElement?.classList.contains("draft-text") ?? false, pid: block?.getAttribute("data-pid") ?? null };
    });
    expect(where).toEqual({ editorFocused: true, pid: pidOf(cubaText, PARAGRAPH_7) });
    const box = (await paragraph7.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);

    // The view follows the records: the chair clears CUB's proposal and it shows as decided.
    const chairClient = await connectStockClient(demo.server, demo.draft.id);
    await waitFor(() => [...chairClient.doc.getMap(TextRoot.proposals).keys()].length, (count) => count === 2, { what: "the chair's copy of the proposals" });
    rejectProposal(chairClient.doc, [...chairClient.doc.getMap(TextRoot.proposals).keys()].find((key) => key.startsWith("CUB:"))!);
    await proposed.getByRole("button", { name: /^Paragraph 4: .*Rejected by the chair\.$/ }).waitFor({ timeout: 2000 });
  });
});
