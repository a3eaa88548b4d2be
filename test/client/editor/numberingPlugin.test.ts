import type { Node as PMNode } from "prosemirror-model";
import { EditorState, type Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import * as Y from "yjs";
import type { Revision } from "../../../schemas/records";
import { changesOnlyInline, numberingKey, numberingPlugin } from "../../../client/editor/numberingPlugin";
import { TextRoot } from "../../../shared/documentLayout";
import { schema } from "../../../shared/schema";
import { doc, fn, p } from "../../support/dsl";

/** `node` with the blocks' pids set to `ids`, in order. */
function withPids(node: PMNode, ids: string[]): PMNode {
  const blocks: PMNode[] = [];
  node.forEach((block, _offset, index) => blocks.push(block.type.create({ ...block.attrs, pid: ids[index] }, block.content)));
  return schema.node("doc", null, blocks);
}

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

describe("the numbering plugin", () => {
  const text = () => withPids(doc(p("One."), p("Two."), p("CUB's."), p("Three.")), ["p1", "p2", "cub", "p3"]);
  const rev1: Revision = { label: "Rev.1", at: "2025-03-01T10:00:00.000Z", ordinal: 1, date: "2025-03-01", numbers: { p1: "1", p2: "2", p3: "3" }, renumbered: {} };
  const printed = (state: EditorState) => numberingKey.getState(state)!.find().map((decoration) => (decoration.spec as { printed: string }).printed);

  /** An editor's state and the little of a view the plugin talks to, as ProseMirror would hold them. */
  function editor(textDoc: Y.Doc) {
    const plugin = numberingPlugin(textDoc);
    const view = {
      state: EditorState.create({ schema, doc: text(), plugins: [plugin] }),
      isDestroyed: false,
      dispatch(tr: Transaction) {
        view.state = view.state.apply(tr);
      },
    };
    const hooks = plugin.spec.view!(view as unknown as EditorView);
    return { view, hooks };
  }

  it("numbers by position before any revision", () => {
    expect(printed(editor(new Y.Doc()).view.state)).toEqual(["1.", "2.", "3.", "4."]);
  });

  it("numbers by the latest revision in the text room", () => {
    const textDoc = new Y.Doc();
    textDoc.getMap(TextRoot.decisions).set("revision:rev1", rev1);
    expect(printed(editor(textDoc).view.state)).toEqual(["1.", "2.", "2 bis.", "3."]);
  });

  it("redraws when a revision is published, though no block changed, and stops listening when destroyed", async () => {
    const textDoc = new Y.Doc();
    const { view, hooks } = editor(textDoc);
    textDoc.getMap(TextRoot.decisions).set("revision:rev1", rev1);
    await Promise.resolve();
    expect(printed(view.state)).toEqual(["1.", "2.", "2 bis.", "3."]);
    hooks.destroy!();
    textDoc.getMap(TextRoot.decisions).set("revision:rev2", { ...rev1, label: "Rev.2", ordinal: 2, numbers: { p1: "1", p2: "2", cub: "3", p3: "4" } });
    await Promise.resolve();
    expect(printed(view.state)).toEqual(["1.", "2.", "2 bis.", "3."]);
  });

  it("does not redraw for a decision that is not a revision", async () => {
    const textDoc = new Y.Doc();
    const { view } = editor(textDoc);
    const before = numberingKey.getState(view.state);
    textDoc.getMap(TextRoot.decisions).set("agreed:p1", { at: "2025-03-01T10:00:00.000Z", fingerprint: "abc" });
    await Promise.resolve();
    expect(numberingKey.getState(view.state)).toBe(before);
  });
});
