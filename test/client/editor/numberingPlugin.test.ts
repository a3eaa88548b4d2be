import { EditorState } from "prosemirror-state";
import { changesOnlyInline } from "../../../client/editor/numberingPlugin";
import { schema } from "../../../shared/schema";
import { doc, fn, p } from "../../support/dsl";

describe("the numbering plugin's shortcut", () => {
  const state = () => EditorState.create({ schema, doc: doc(p("First paragraph."), p("Second paragraph.")) });

  it("maps numbers through typing, deleting and footnotes inside a paragraph", () => {
    expect(changesOnlyInline(state().tr.insertText("New ", 1))).toBe(true);
    expect(changesOnlyInline(state().tr.delete(1, 6))).toBe(true);
    expect(changesOnlyInline(state().tr.insert(3, fn("A note.")))).toBe(true);
  });

  it("renumbers when blocks are split, joined or deleted", () => {
    expect(changesOnlyInline(state().tr.split(4))).toBe(false);
    expect(changesOnlyInline(state().tr.join(18))).toBe(false);
    expect(changesOnlyInline(state().tr.delete(0, 18))).toBe(false);
    expect(changesOnlyInline(state().tr.delete(10, 22))).toBe(false);
  });
});
