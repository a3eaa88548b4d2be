/**
 * The compilation of proposals (acceptance 5, the model's side): for each paragraph the chair's text
 * followed by every proposal on it by state, with co-sponsors, alternatives and where it stands.
 */
import { ExportView, type ExportDraft } from "../../../shared/export/exportModel";
import { readExportDraft } from "../../../shared/export/readExportDraft";
import { writeHtml } from "../../../shared/export/writeHtml";
import { writeMarkdown } from "../../../shared/export/writeMarkdown";
import { TextRoot } from "../../../shared/documentLayout";
import { textBlocks } from "../../../shared/text/blockText";
import { deleteWords } from "../../../shared/text/editBlock";
import { walkthroughDraft, WALKTHROUGH_BLOCKS } from "../../support/walkthroughDraft";

function compilation(): { model: ExportDraft; keys: ReturnType<typeof walkthroughDraft>["keys"] } {
  const { text, floor, keys } = walkthroughDraft();
  return { model: readExportDraft(text, floor, { draftId: "demo", view: ExportView.compilation, exportedAt: "2025-03-04T09:00:00.000Z" }), keys };
}

/** The part of `document` from the paragraph numbered `number` up to the next numbered paragraph. */
function section(document: string, start: RegExp, next: RegExp): string {
  const from = document.search(start);
  expect(from).toBeGreaterThanOrEqual(0);
  const rest = document.slice(from + 1);
  const to = rest.search(next);
  return to < 0 ? rest : rest.slice(0, to);
}

describe("the compilation of proposals", () => {
  it("lists under each paragraph every proposal on it, by state with its co-sponsors, alternatives and standing", () => {
    const { model, keys } = compilation();
    const byPid = new Map(model.blocks.flatMap((block) => (block.type === "added" ? [] : [[block.type === "paragraph" ? block.number : block.pid, block.proposals.map((proposal) => proposal.key)] as const])));
    expect(byPid.get("4")).toEqual([keys.resilient, keys.stable, keys.divide]);
    expect(byPid.get("5")).toEqual([keys.military]);
    expect(byPid.get("7")).toEqual([keys.dropSeven]);
    expect(byPid.get("2")).toEqual([keys.withdrawn, keys.geneva]);
  });

  it("prints in Markdown each proposal under its paragraph with its sponsors", () => {
    const markdown = writeMarkdown(compilation().model);
    const four = section(markdown, /^4\\\. /m, /^\d+\\\. /m);
    expect(four).toContain("- CUB (co-sponsored by SLV), Alt 1: replace “open, secure, stable” with: “open, secure, stable and resilient” (open)");
    expect(four).toContain("- UZB, Alt 2: replace “open, secure, stable” with: “open, secure and stable” (open)");
    expect(four).toContain("- UZB: add a paragraph: “States stressed the importance of bridging the digital divide.” (open)");
    expect(four).not.toContain("[CUB");
    expect(section(markdown, /^5\\\. /m, /^\d+\\\. /m)).toContain("- SLV (co-sponsored by CUB, UZB): delete “ for military purposes” (open)");
    const two = section(markdown, /^2\\\. /m, /^\d+\\\. /m);
    expect(two).toContain("- UZB: replace “New York” with: “New York and Geneva” (rejected)");
    expect(two).toContain("- CUB: insert: “Recalling its mandate,” (withdrawn)");
    expect(section(markdown, /^7\\\. /m, /^\d+\\\. /m)).toContain("- CUB: delete the paragraph (open)");
    expect(section(markdown, /^\(b\) /m, /^\(c\) /m)).toContain("- SLV: insert: “and regions” (open)");
  });

  it("lists an orphan once, under its paragraph, and a proposal whose paragraph is gone at the end", () => {
    const { text, floor, keys, pid } = walkthroughDraft();
    const content = text.getXmlFragment(TextRoot.content);
    const seven = textBlocks(content).find((block) => block.pid === pid(WALKTHROUGH_BLOCKS.paragraph7))!;
    content.delete(seven.index, 1);
    const four = textBlocks(content)[WALKTHROUGH_BLOCKS.paragraph4]!;
    text.transact(() => deleteWords(four.element, four.text.indexOf("open, secure, stable"), four.text.indexOf("open, secure, stable") + 6));
    const model = readExportDraft(text, floor, { draftId: "demo", view: ExportView.compilation, exportedAt: "2025-03-04T09:00:00.000Z" });
    for (const page of [writeMarkdown(model), writeHtml(model)]) {
      expect(page.split("open, secure, stable and resilient").length - 1).toBe(1);
      expect(page).toContain("Proposals on paragraphs no longer in the text");
      expect(page).not.toContain("Proposals whose words are no longer in the text");
    }
    expect(writeMarkdown(model)).toMatch(/## Proposals on paragraphs no longer in the text\n\n- CUB: delete the paragraph \(open\)\n/);
    expect(model.unplaced.map((proposal) => proposal.key)).toEqual([keys.dropSeven]);
  });

  it("prints in HTML each proposal under its paragraph with its sponsors", () => {
    const html = writeHtml(compilation().model);
    const four = section(html, /<p class="para"[^>]*><span class="num">4\. <\/span>/, /<p class="para"/);
    const items = [...four.matchAll(/<li class="proposal[^"]*"[^>]*>(.*?)<\/li>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ""));
    expect(items).toEqual([
      "CUB (co-sponsored by SLV) Alt 1: replace open, secure, stable with open, secure, stable and resilient (open)",
      "UZB Alt 2: replace open, secure, stable with open, secure and stable (open)",
      "UZB: add a paragraph States stressed the importance of bridging the digital divide. (open)",
    ]);
    expect(four).toContain("We support adding resilience.");
    const five = section(html, /<span class="num">5\. <\/span>/, /<p class="para"/);
    expect(five.replace(/<[^>]+>/g, "")).toContain("SLV (co-sponsored by CUB, UZB): delete  for military purposes (open)");
  });
});
