/**
 * The redline drawn in the page: each block of the newer text (and each deleted one where it
 * stood) with its number across the two texts, inserted words in `<ins>` and deleted ones in
 * `<del>`, each starting with words a screen reader says, what became of the block in words, and
 * its footnotes compared. Built as nodes, never from markup.
 */
import type { Redline, RedlineBlock, RedlineFootnote, RedlineWords } from "../../shared/revisions/redlineModel";
import { el } from "../desk/dom";
import { uiLanguage } from "../i18n/localize";
import { setTextLanguage } from "../i18n/textLanguage";
import { changeWords, footnoteWords, numberSaid, numberShown } from "./redlineWords";

/** Words only a screen reader says (the colour and the strike say it to the eye), in the page's language even among the draft's words. */
function said(text: string): HTMLSpanElement {
  const words = el("span", { className: "visually-hidden", textContent: text });
  words.lang = uiLanguage();
  return words;
}

/** A run of words: unchanged, or marked as inserted or deleted. */
function wordsElement(words: RedlineWords): Node {
  switch (words.change) {
    case "inserted":
      return el("ins", {}, said("[inserted: "), words.text, said("]"));
    case "deleted":
      return el("del", {}, said("[deleted: "), words.text, said("]"));
    default:
      return document.createTextNode(words.text);
  }
}

/** The draft's words of a block or footnote, in the draft's language and direction (the words around them are the page's). */
function draftWords(tag: "p" | "strong" | "span", className: string, words: readonly RedlineWords[], language: string): HTMLElement {
  const element = el(tag, { className }, ...words.map(wordsElement));
  setTextLanguage(element, language);
  return element;
}

function footnoteElement(footnote: RedlineFootnote, language: string): HTMLLIElement {
  return el(
    "li",
    { className: `redline-footnote redline-${footnote.change}` },
    el("span", { className: "redline-footnote-title", textContent: footnoteWords(footnote) }),
    " ",
    draftWords("span", "redline-footnote-words", footnote.words, language),
  );
}

function blockElement(block: RedlineBlock, language: string): HTMLElement {
  const item = el("li", { className: `redline-block redline-${block.type} redline-${block.change}` });
  item.dataset["pid"] = block.pid;
  item.dataset["change"] = block.change;
  if (block.moved) item.dataset["moved"] = "true";
  const shown = numberShown(block);
  if (shown !== null) {
    const number = el("span", { className: "redline-number" }, el("span", { className: "redline-number-shown", textContent: shown }), said(`${numberSaid(block) ?? ""}: `));
    number.firstElementChild!.setAttribute("aria-hidden", "true");
    item.append(number);
  }
  const change = changeWords(block);
  if (change !== null) item.append(el("span", { className: "redline-change", textContent: change }));
  item.append(draftWords(block.type === "heading" ? "strong" : "p", "redline-words", block.words, language));
  if (block.footnotes.some((footnote) => footnote.change !== "unchanged")) {
    const footnotes = el("ul", { className: "redline-footnotes" }, ...block.footnotes.filter((footnote) => footnote.change !== "unchanged").map((footnote) => footnoteElement(footnote, language)));
    footnotes.setAttribute("aria-label", "Footnotes");
    item.append(footnotes);
  }
  return item;
}

/** The blocks of `redline`, in reading order of the newer text. */
export function redlineElement(redline: Redline): HTMLOListElement {
  const list = el("ol", { className: "redline-blocks" }, ...redline.blocks.map((block) => blockElement(block, redline.language)));
  list.setAttribute("aria-label", `${redline.from.label} compared with ${redline.to.label}`);
  return list;
}
