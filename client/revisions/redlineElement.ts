/**
 * The redline drawn in the page: each block of the newer text (and each deleted one where it
 * stood) with its number across the two texts, inserted words in `<ins>` and deleted ones in
 * `<del>`, each starting with words a screen reader says, what became of the block in words, and
 * its footnotes compared. Built as nodes, never from markup.
 */
import type { Redline, RedlineBlock, RedlineFootnote, RedlineWords } from "../../shared/revisions/redlineModel";
import { el } from "../desk/dom";
import { changeWords, footnoteWords, numberSaid, numberShown } from "./redlineWords";

/** Words only a screen reader says (the colour and the strike say it to the eye). */
function said(text: string): HTMLSpanElement {
  return el("span", { className: "visually-hidden", textContent: text });
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

function footnoteElement(footnote: RedlineFootnote): HTMLLIElement {
  return el("li", { className: `redline-footnote redline-${footnote.change}` }, el("span", { className: "redline-footnote-title", textContent: footnoteWords(footnote) }), " ", ...footnote.words.map(wordsElement));
}

function blockElement(block: RedlineBlock): HTMLElement {
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
  const words = el(block.type === "heading" ? "strong" : "p", { className: "redline-words" }, ...block.words.map(wordsElement));
  item.append(words);
  if (block.footnotes.some((footnote) => footnote.change !== "unchanged")) {
    const footnotes = el("ul", { className: "redline-footnotes" }, ...block.footnotes.filter((footnote) => footnote.change !== "unchanged").map(footnoteElement));
    footnotes.setAttribute("aria-label", "Footnotes");
    item.append(footnotes);
  }
  return item;
}

/** The blocks of `redline`, in reading order of the newer text. */
export function redlineElement(redline: Redline): HTMLOListElement {
  const list = el("ol", { className: "redline-blocks" }, ...redline.blocks.map(blockElement));
  list.setAttribute("aria-label", `${redline.from.label} compared with ${redline.to.label}`);
  list.lang = redline.language;
  return list;
}
