/**
 * The redline drawn in the page: each block of the newer text (and each deleted one where it
 * stood) with its number across the two texts, inserted words in `<ins>` and deleted ones in
 * `<del>`, each starting with words a screen reader says, what became of the block in words, and
 * its footnotes compared. Built as nodes, never from markup, in the UI language at the time it is
 * drawn (the redline view draws it again when the language changes).
 */
import type { Redline, RedlineBlock, RedlineFootnote, RedlineWords } from "../../shared/revisions/redlineModel";
import { el } from "../desk/dom";
import { t, uiLanguage } from "../i18n/localize";
import { messageWithNodes } from "../i18n/messageWithNodes";
import { setTextLanguage } from "../i18n/textLanguage";
import { changeWords, footnoteWords, numberSaid, numberShown, sideName } from "./redlineWords";

/** Marks `element` as holding the page's words inside the draft's text, so a screen reader reads them in the page's language. */
function pageWords<E extends HTMLElement>(element: E): E {
  setTextLanguage(element, uiLanguage());
  return element;
}

/** Words only a screen reader says (the colour and the strike say it to the eye). */
function said(text: string): HTMLSpanElement {
  return pageWords(el("span", { className: "visually-hidden", textContent: text }));
}

/** The words of a mark, inside what a screen reader says around them ("[inserted: …]"), which only it hears. */
function markedWords(key: "revisions.inserted" | "revisions.deleted", text: string): Array<Node | string> {
  return messageWithNodes(key, {}, { words: document.createTextNode(text) }).map((part) => (typeof part === "string" ? said(part) : part));
}

/** A run of words: unchanged, or marked as inserted or deleted. */
function wordsElement(words: RedlineWords): Node {
  switch (words.change) {
    case "inserted":
      return el("ins", {}, ...markedWords("revisions.inserted", words.text));
    case "deleted":
      return el("del", {}, ...markedWords("revisions.deleted", words.text));
    default:
      return document.createTextNode(words.text);
  }
}

function footnoteElement(footnote: RedlineFootnote): HTMLLIElement {
  return el("li", { className: `redline-footnote redline-${footnote.change}` }, pageWords(el("span", { className: "redline-footnote-title", textContent: footnoteWords(footnote) })), " ", ...footnote.words.map(wordsElement));
}

function blockElement(block: RedlineBlock): HTMLElement {
  const item = el("li", { className: `redline-block redline-${block.type} redline-${block.change}` });
  item.dataset["pid"] = block.pid;
  item.dataset["change"] = block.change;
  if (block.moved) item.dataset["moved"] = "true";
  const shown = numberShown(block);
  if (shown !== null) {
    const number = el("span", { className: "redline-number" }, el("span", { className: "redline-number-shown", textContent: shown }), said(`${t("revisions.numberSaidEnd", { number: numberSaid(block) ?? "" })} `));
    number.firstElementChild!.setAttribute("aria-hidden", "true");
    item.append(number);
  }
  const change = changeWords(block);
  if (change !== null) item.append(pageWords(el("span", { className: "redline-change", textContent: change })));
  const words = el(block.type === "heading" ? "strong" : "p", { className: "redline-words" }, ...block.words.map(wordsElement));
  item.append(words);
  if (block.footnotes.some((footnote) => footnote.change !== "unchanged")) {
    const footnotes = el("ul", { className: "redline-footnotes" }, ...block.footnotes.filter((footnote) => footnote.change !== "unchanged").map(footnoteElement));
    footnotes.setAttribute("aria-label", t("revisions.footnotes"));
    item.append(footnotes);
  }
  return item;
}

/** The blocks of `redline`, in reading order of the newer text. */
export function redlineElement(redline: Redline): HTMLOListElement {
  const list = el("ol", { className: "redline-blocks" }, ...redline.blocks.map(blockElement));
  list.setAttribute("aria-label", t("revisions.comparedWith", { from: sideName(redline.from), to: sideName(redline.to) }));
  // The draft's language and direction, not the page's: an English draft stays left to right in an Arabic page.
  setTextLanguage(list, redline.language);
  return list;
}
