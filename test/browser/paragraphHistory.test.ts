/**
 * A paragraph's history in the browser (issue 13): the chair changes paragraph 4's words, CUB
 * proposes a replacement and the chair accepts it; an observer opens the paragraph's History by
 * keyboard and reads, oldest first, the chair's change as a redline, CUB's proposal, and the
 * acceptance with the proposal's words and what it did to the text.
 */
import { Role } from "../../shared/roles";
import { seriousViolations } from "../support/axe";
import { openParagraphPanel, proposeReplacement, readBlocks, saveScreenshot, selectWords } from "../support/browser";
import { openDemo } from "../support/demo";
import { waitFor } from "../support/waitFor";

/** Block 4 of the demo draft is paragraph 4, on "an open, secure, stable, accessible…" environment. */
const PARAGRAPH_4 = 4;

describe("a paragraph's history in the panel", () => {
  it("shows an observer the chair's change, CUB's proposal and its acceptance, oldest first, with the words", async () => {
    const { member } = await openDemo();
    const chair = await member(Role.chair);
    const cuba = await member(Role.delegation, "CUB");
    const observer = await member(Role.observer);

    await selectWords(chair, PARAGRAPH_4, "accessible");
    await chair.keyboard.type("inclusive");
    await chair.locator("#saved").filter({ hasText: "Saved" }).waitFor();
    await waitFor(async () => (await readBlocks(cuba))[PARAGRAPH_4]!.text, (text) => text.includes("stable, inclusive, interoperable"), { what: "the chair's edit at CUB" });

    await proposeReplacement(cuba, PARAGRAPH_4, "peaceful", "peaceful and resilient");
    const bracket = chair.locator(".draft-text .proposal", { hasText: "CUB" });
    await bracket.waitFor();
    await bracket.hover();
    const card = chair.locator(".proposal-card");
    await card.waitFor();
    await card.getByRole("button", { name: "Accept" }).click();
    await waitFor(async () => (await readBlocks(observer))[PARAGRAPH_4]!.text, (text) => text.includes("peaceful and resilient ICT environment"), { what: "the acceptance at the observer" });

    const panel = await openParagraphPanel(observer, PARAGRAPH_4);
    const toggle = panel.getByRole("button", { name: "History of Paragraph 4" });
    await toggle.focus();
    await observer.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const history = panel.getByRole("region", { name: "History of Paragraph 4" });
    const events = history.locator(".history-event");
    await waitFor(() => events.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset["kind"])), (kinds) => kinds.join() === "words,proposal,decision", { what: "three events in the history" });

    const edit = events.nth(0);
    expect(await edit.locator(".history-who").textContent()).toMatch(/^Chair/);
    const trimmed = (texts: string[]) => texts.map((text) => text.trim());
    // The redline compares words apart from the punctuation that ends them, which stays unchanged.
    expect(trimmed(await edit.locator(".audit-redline del").allTextContents())).toEqual(["accessible"]);
    expect(trimmed(await edit.locator(".audit-redline ins").allTextContents())).toEqual(["inclusive"]);
    expect(await edit.locator("time").first().getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await events.nth(1).locator(".history-who").textContent()).toMatch(/^CUB/);
    expect(await events.nth(1).locator(".history-what").textContent()).toBe("Proposes to replace “peaceful” with “peaceful and resilient”");
    const decision = events.nth(2);
    expect(await decision.locator(".history-what").textContent()).toBe("Accepted CUB's proposal: replace “peaceful” with “peaceful and resilient”");
    expect(trimmed(await decision.locator(".audit-redline ins").allTextContents())).toEqual(["and resilient"]);
    expect(await decision.locator(".audit-after").textContent()).toContain("stable, inclusive, interoperable and peaceful and resilient ICT environment");
    await saveScreenshot(observer, "paragraph-history");
    expect(await seriousViolations(observer)).toEqual([]);

    // Moving to another paragraph closes this one's history.
    await openParagraphPanel(observer, 2);
    await panel.getByRole("button", { name: "History of Paragraph 2" }).waitFor();
    expect(await panel.locator(".paragraph-history").count()).toBe(1);
  }, 120_000);
});
