import "../../support/english";
import { readDraftText } from "../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../shared/documentLayout";
import { paragraphPlaces } from "../../../client/editor/paragraphPlaces";
import { doc, h, item, p } from "../../support/dsl";
import { pidAt, yDraft } from "../../support/yDraft";

describe("the names the side panels give places in the text", () => {
  it("names paragraphs, sub-items and headings as the gutter numbers them, in text order", () => {
    const ydoc = yDraft(
      doc(
        h(2, "A. Introduction"),
        p("The Group met."),
        p("States observed the following:"),
        item(1, "ransomware;"),
        item(2, "in hospitals;"),
        item(2, "in schools;"),
        item(1, "supply chains."),
        h(2, "B. Existing and potential threats to international peace and security"),
      ),
    );
    const places = paragraphPlaces(readDraftText(ydoc.getXmlFragment(TextRoot.content)), null);
    const names = [0, 1, 2, 3, 4, 5, 6, 7].map((index) => places.get(pidAt(ydoc, index))!);
    expect(names.map((place) => place.name)).toEqual([
      "Heading “A. Introduction”",
      "Paragraph 1",
      "Paragraph 2",
      "Paragraph 2 (a)",
      "Paragraph 2 (a) (i)",
      "Paragraph 2 (a) (ii)",
      "Paragraph 2 (b)",
      "Heading “B. Existing and potential threats to in…”",
    ]);
    expect(names.map((place) => place.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("names paragraphs and sub-items added since the revision as the gutter does: 'Paragraph 1 bis', 'Paragraph 2 (a bis)'", () => {
    const ydoc = yDraft(doc(p("One."), p("New."), p("Two."), item(1, "two (a);"), item(1, "new (a);"), item(2, "its (i);")));
    const pids = [0, 1, 2, 3, 4, 5].map((index) => pidAt(ydoc, index));
    const rev1 = { [pids[0]!]: "1", [pids[2]!]: "2", [pids[3]!]: "(a)" };
    const places = paragraphPlaces(readDraftText(ydoc.getXmlFragment(TextRoot.content)), rev1);
    expect(pids.map((pid) => places.get(pid)!.name)).toEqual([
      "Paragraph 1",
      "Paragraph 1 bis",
      "Paragraph 2",
      "Paragraph 2 (a)",
      "Paragraph 2 (a bis)",
      "Paragraph 2 (a bis) (i)",
    ]);
  });
});
