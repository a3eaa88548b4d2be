/**
 * The draft's header: its title, document symbol (A/AC.292/2025/CRP.1) and revision label (Zero
 * draft, Rev.1) from the `meta` map, kept live as the chair changes them. The page's title follows.
 */
import type * as Y from "yjs";
import { MetaKey, TextRoot } from "../../shared/documentLayout";
import { onLanguageChange, t } from "../i18n/localize";
import { setTextLanguage } from "../i18n/textLanguage";
import { draftLanguage } from "./draftLanguagePlugin";

function part(className: string, text: string): HTMLElement {
  const span = document.createElement("span");
  span.className = className;
  span.textContent = text;
  return span;
}

/** Keeps `element` showing the title, symbol and revision of the `text` room `ydoc`; returns the function that stops it. */
export function bindDraftHeader(element: HTMLElement, ydoc: Y.Doc): () => void {
  const meta = ydoc.getMap<unknown>(TextRoot.meta);
  const render = () => {
    const read = (key: MetaKey) => {
      const value = meta.get(key);
      return typeof value === "string" ? value.trim() : "";
    };
    const title = read(MetaKey.title);
    const titlePart = part("draft-title-text", title);
    // The title is the draft's words, in its language: an Arabic title on an English page runs right to left.
    setTextLanguage(titlePart, draftLanguage(meta));
    const parts = [titlePart];
    const symbol = read(MetaKey.symbol);
    const revision = read(MetaKey.revision);
    if (symbol) parts.push(part("draft-symbol", symbol));
    if (revision) parts.push(part("draft-revision", revision));
    // The spaces lay out as nothing between flex items, but screen readers and copied text keep them.
    element.replaceChildren(...parts.flatMap((node, index) => (index === 0 ? [node] : [" ", node])));
    element.title = [title, symbol, revision].filter(Boolean).join(" — ");
    if (title) document.title = t("editor.pageTitle", { title });
  };
  meta.observe(render);
  const stopLanguage = onLanguageChange(render);
  render();
  return () => {
    meta.unobserve(render);
    stopLanguage();
  };
}
