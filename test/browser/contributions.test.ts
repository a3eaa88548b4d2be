/**
 * Written contributions in Chromium (issue 18, acceptance 1 and 2): CUB submits seed 000 from its
 * file on the section it addresses, SLV a Spanish original with seed 004 as its English courtesy
 * translation; the chair, SLV, CUB and an observer (with the chair's switch on) see both, SLV's side
 * by side. CUB turns a sentence of its own into a proposal on that section's first paragraph: the
 * bracket shows as usual and the proposal links back to the contribution. The chair quotes the
 * same sentence in a comment on that paragraph; closing the contributions to observers takes them
 * off the observer's page at once.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import type { Comment, Proposal } from "../../schemas/records";
import { draftPath } from "../../shared/appPaths";
import { FloorRoot, Room, TextRoot } from "../../shared/documentLayout";
import { listContributions } from "../../shared/contributions/readContributions";
import { Role } from "../../shared/roles";
import { textBlocks } from "../../shared/text/blockText";
import { seriousViolations } from "../support/axe";
import { saveScreenshot } from "../support/browser";
import { openDemo } from "../support/demo";
import { invite } from "../support/members";
import { connectStockClient } from "../support/stockClient";
import { waitFor } from "../support/waitFor";

const SEEDS = path.resolve(__dirname, "../../../shared/seeds");
const CUBA_FILE = path.join(SEEDS, "000_9d21bf7d8a8fdf4e.txt");
const SALVADOR_TRANSLATION_FILE = path.join(SEEDS, "004_39c7afa75eb7f069.txt");
const SALVADOR_ORIGINAL_FILE = path.resolve(__dirname, "../fixtures/contributions/slv-original-es.md");
const SECTION = "Regular institutional dialogue";
const SENTENCE = "For the first time, we have a multilateral space within the United Nations where we can address all the initiatives of the Member States";

/** One text of the form: its language and the file its words are read from. */
interface FormText {
  language: string;
  file: string;
}

/** Fills the contribution form on `page` and submits it; `on` is the words of the section's heading, or null for the whole draft. */
async function submitContribution(page: Page, on: string | null, first: FormText, second?: FormText): Promise<void> {
  await page.getByRole("button", { name: "Submit a written contribution" }).click();
  const form = page.locator("form.contribution-form");
  if (on !== null) {
    const value = await form.getByLabel("On", { exact: true }).evaluate((select, words) => Array.from((select as HTMLSelectElement).options).find((option) => option.text.includes(words))?.value ?? "", on);
    await form.getByLabel("On", { exact: true }).selectOption(value);
  }
  const texts: Array<[number, FormText]> = [[0, first], ...(second ? ([[1, second]] as Array<[number, FormText]>) : [])];
  for (const [index, text] of texts) {
    const fieldset = form.locator("fieldset").nth(index);
    await fieldset.getByLabel("Language").selectOption(text.language);
    await fieldset.locator('input[type="file"]').setInputFiles(text.file);
    await waitFor(() => fieldset.locator("textarea").inputValue(), (value) => value.length > 100, { what: `the words of ${path.basename(text.file)}`, timeoutMs: 15_000 });
  }
  await form.getByRole("button", { name: "Submit", exact: true }).click();
  await form.waitFor({ state: "detached" });
}

/** The contributions a page lists, by state. */
function listedStates(page: Page): Promise<string[]> {
  return page.locator("#contributions .contribution-item").evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset["state"] ?? "").sort());
}

/** Opens `state`'s contribution on `page` and says what its reader shows. */
async function readContribution(page: Page, state: string): Promise<{ headings: string[]; sideBySide: boolean; languages: string[] }> {
  await page.locator(`#contributions .contribution-item[data-state="${state}"] .contribution-open`).click();
  const reader = page.locator(".contribution-reader");
  await reader.locator(".contribution-state", { hasText: state }).waitFor();
  return {
    headings: await reader.locator("h4").allTextContents(),
    sideBySide: (await reader.locator(".contribution-side-by-side").count()) === 1,
    languages: await reader.locator(".contribution-text").evaluateAll((texts) => Array.from(new Set(texts.map((text) => (text as HTMLElement).lang)))),
  };
}

/** Selects `words` in the open reader's texts, as a person dragging over them would. */
async function selectInReader(page: Page, words: string): Promise<void> {
  await page.locator(".contribution-reader .contribution-text p", { hasText: words.slice(0, 40) }).evaluate((paragraph, words) => {
    const node = paragraph.firstChild as Text;
    const from = node.data.indexOf(words);
    if (from < 0) throw new Error(`No "${words}" in the paragraph`);
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, from + words.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, words);
}

describe("written contributions in the browser", () => {
  it("shows CUB's and SLV's contributions to the chair, both states and a public observer; CUB makes a proposal from its own that links back", async () => {
    const { server, draft, member } = await openDemo();
    await server.drafts.setObserversReadContributions(draft.id, true);
    const cuba = await member(Role.delegation, "CUB");
    const salvador = await member(Role.delegation, "SLV");

    await submitContribution(cuba, SECTION, { language: "en", file: CUBA_FILE });
    await submitContribution(salvador, null, { language: "es", file: SALVADOR_ORIGINAL_FILE }, { language: "en", file: SALVADOR_TRANSLATION_FILE });

    const chair = await member(Role.chair);
    const observer = await member(Role.observer);

    // As records: CUB's on the section's heading, in English, from its file; SLV's Spanish original with its English translation.
    const room = await connectStockClient(server, draft.id, { room: Room.contributions });
    const records = await waitFor(() => listContributions(room.doc), (listed) => listed.length === 2, { what: "both records" });
    const [cub, slv] = [records.find((each) => each.state === "CUB")!, records.find((each) => each.state === "SLV")!];
    const sectionPid = textBlocks((await connectStockClient(server, draft.id)).doc.getXmlFragment(TextRoot.content)).find((block) => block.text.includes(SECTION))!.pid;
    expect(cub.record.on).toEqual({ pid: sectionPid });
    expect(cub.latest).toMatchObject({ original: { language: "en" }, fileName: path.basename(CUBA_FILE) });
    expect(cub.latest.translation).toBeUndefined();
    expect(slv.record.on).toEqual({});
    expect(slv.latest).toMatchObject({ original: { language: "es" }, translation: { language: "en" }, title: "Opinión nacional de El Salvador" });
    expect(slv.latest.translation!.text).toMatch(/Courtesy translation/);
    for (const page of [chair, salvador, cuba, observer]) {
      await waitFor(() => listedStates(page), (states) => states.join() === "CUB,SLV", { what: "both contributions listed", timeoutMs: 10_000 });
      const slv = await readContribution(page, "SLV");
      expect(slv.sideBySide).toBe(true);
      expect(slv.headings).toEqual(["Original (Spanish)", "Courtesy translation (English)"]);
      expect(slv.languages).toEqual(["es", "en"]);
      if (page === observer) {
        await saveScreenshot(page, "contributions-side-by-side");
        expect(await seriousViolations(page)).toEqual([]);
      }
      const cub = await readContribution(page, "CUB");
      expect(cub.sideBySide).toBe(false);
      expect(cub.headings).toEqual(["Original (English)"]);
    }
    // The form, open, is as accessible as the rest of the page (axe-core: no serious WCAG 2.1 AA violation).
    await salvador.getByRole("button", { name: "Submit a written contribution" }).click();
    expect(await seriousViolations(salvador)).toEqual([]);
    await salvador.locator("form.contribution-form").getByRole("button", { name: "Cancel" }).click();

    // The section CUB addressed shows its count in the text, and opens its contributions.
    const count = chair.locator(".draft-text h2 .section-contributions");
    await expect(count.textContent()).resolves.toBe("1 contribution");
    await count.click();
    await chair.locator(".contributions-filter", { hasText: SECTION }).waitFor();
    expect(await listedStates(chair)).toEqual(["CUB"]);

    // CUB turns one sentence of its own into a proposal on the section's first paragraph.
    await readContribution(cuba, "CUB");
    await selectInReader(cuba, SENTENCE);
    const reader = cuba.locator(".contribution-reader");
    const chosen = await reader.getByLabel("On paragraph").evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]!.value);
    await reader.getByRole("button", { name: "Make the selected words a proposal" }).click();

    const text = await connectStockClient(server, draft.id);
    const blocks = textBlocks(text.doc.getXmlFragment(TextRoot.content));
    const heading = blocks.findIndex((block) => block.text.includes(SECTION));
    expect(chosen).toBe(blocks.slice(heading + 1).find((block) => block.type === "paragraph")!.pid);
    const [key, proposal] = await waitFor(
      () => Array.from(text.doc.getMap<Proposal>(TextRoot.proposals).entries()).find(([key]) => key.startsWith("CUB:")),
      Boolean,
      { what: "CUB's proposal" },
    ).then((entry) => entry!);
    expect(proposal.anchor.pid).toBe(chosen);
    expect(proposal.text).toBe(` ${SENTENCE}`);
    expect(proposal.source?.contribution).toMatch(/^CUB:/);
    expect(key).toMatch(/^CUB:/);

    // The bracket shows as usual, everywhere, and the proposal links back to the contribution.
    for (const page of [chair, observer]) {
      await page.locator(".draft-text .proposal", { hasText: "For the first time" }).locator(".sponsors", { hasText: "CUB" }).waitFor();
    }
    const source = chair.locator(".proposal-list .proposal-source", { hasText: "From the written contribution of CUB" });
    await source.click();
    await chair.locator(".contribution-reader .contribution-state", { hasText: "CUB" }).waitFor();
    await saveScreenshot(chair, "contributions-proposal-source");

    // The chair quotes a sentence of CUB's contribution in a comment on the same paragraph.
    await selectInReader(chair, SENTENCE);
    await chair.locator(".contribution-reader").getByRole("button", { name: "Quote the selected words in a comment" }).click();
    const floor = await connectStockClient(server, draft.id, { room: Room.floor });
    const comment = await waitFor(
      () => Array.from(floor.doc.getMap<Comment>(FloorRoot.comments).entries()).find(([key]) => key.startsWith("chair:")),
      Boolean,
      { what: "the chair's quoting comment" },
    );
    expect(comment![1]).toMatchObject({ pid: chosen, body: `From the written contribution of CUB: “${SENTENCE}”` });

    // The chair closes the contributions to observers: they leave the observer's page at once.
    const chairToken = (await invite(server, draft.id, Role.chair)).token;
    const closed = await fetch(`${server.url}${draftPath(draft.id)}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${chairToken}`, "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ observersReadContributions: false }),
    });
    expect(closed.status).toBe(200);
    await observer.locator("#contributions").waitFor({ state: "detached" });
    expect(await observer.locator(".section-contributions").count()).toBe(0);
  });
});

