/**
 * The draft's language on the editor's text: the ProseMirror element's `lang` and `dir` follow the
 * `meta.language` of the `text` room, whatever language the page speaks (a Spanish draft on a French
 * page, an English draft on an Arabic page), and change when the chair's meta does. The gutter, the
 * numbers and the brackets lay out in the text's direction (the stylesheet's logical properties).
 */
import { Plugin } from "prosemirror-state";
import type * as Y from "yjs";
import { MetaKey, TextRoot } from "../../shared/documentLayout";
import { DEFAULT_DRAFT_LANGUAGE } from "../../shared/languages";
import { setTextLanguage } from "../i18n/textLanguage";

/** The language `meta` (a `text` room's meta map) names for the draft's text. */
export function draftLanguage(meta: Y.Map<unknown>): string {
  const language = meta.get(MetaKey.language);
  return typeof language === "string" && language.trim() !== "" ? language.trim() : DEFAULT_DRAFT_LANGUAGE;
}

/** Keeps the editor's element in the language of the draft in `textDoc`. */
export function draftLanguagePlugin(textDoc: Y.Doc): Plugin {
  return new Plugin({
    view: (view) => {
      const meta = textDoc.getMap<unknown>(TextRoot.meta);
      const follow = () => setTextLanguage(view.dom, draftLanguage(meta));
      follow();
      meta.observe(follow);
      return { destroy: () => meta.unobserve(follow) };
    },
  });
}
