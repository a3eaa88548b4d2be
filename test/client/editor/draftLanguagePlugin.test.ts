/**
 * The editor's text takes the draft's language and direction from `meta.language`, follows the
 * chair's change of it, and lets go of the meta when the editor is destroyed.
 */
import type { EditorView } from "prosemirror-view";
import * as Y from "yjs";
import { draftLanguage, draftLanguagePlugin } from "../../../client/editor/draftLanguagePlugin";
import { MetaKey, TextRoot } from "../../../shared/documentLayout";

/** The plugin's view on a stand-in for the editor's element: what it sets is all there is to see. */
function mount(textDoc: Y.Doc) {
  const dom = { lang: "", dir: "" };
  const pluginView = draftLanguagePlugin(textDoc).spec.view!({ dom } as unknown as EditorView);
  return { dom, destroy: () => pluginView.destroy?.() };
}

describe("the draft's language on the editor's text", () => {
  it("sets lang and dir from the draft's meta: Arabic right to left, Spanish left to right", () => {
    const textDoc = new Y.Doc();
    textDoc.getMap(TextRoot.meta).set(MetaKey.language, "ar");
    expect(mount(textDoc).dom).toEqual({ lang: "ar", dir: "rtl" });
    textDoc.getMap(TextRoot.meta).set(MetaKey.language, "es");
    expect(mount(textDoc).dom).toEqual({ lang: "es", dir: "ltr" });
  });

  it("follows the chair's change of the language, until the editor is destroyed", () => {
    const textDoc = new Y.Doc();
    const meta = textDoc.getMap(TextRoot.meta);
    meta.set(MetaKey.language, "en");
    const editor = mount(textDoc);
    meta.set(MetaKey.language, "ar");
    expect(editor.dom).toEqual({ lang: "ar", dir: "rtl" });
    editor.destroy();
    meta.set(MetaKey.language, "fr");
    expect(editor.dom).toEqual({ lang: "ar", dir: "rtl" });
  });

  it("reads a draft that names no language, or an empty one, as English", () => {
    const textDoc = new Y.Doc();
    const meta = textDoc.getMap<unknown>(TextRoot.meta);
    expect(draftLanguage(meta)).toBe("en");
    meta.set(MetaKey.language, " ");
    expect(draftLanguage(meta)).toBe("en");
  });
});
