/**
 * Footnotes at the end of the document when the browser prints the editor: in the text a footnote
 * is only its marker (its words are the marker's title), so before printing, this lists every
 * footnote's words in order under the draft, numbered as the markers are. Shown in print only.
 */
import { FOOTNOTE_TEXT_ATTR } from "../../shared/schema";
import { setLocalAttribute } from "../i18n/localizedElements";

/** Mounts the list after `place` (the draft's article); returns the function that unmounts it. */
export function mountPrintFootnotes(place: HTMLElement): () => void {
  const section = document.createElement("section");
  section.className = "print-footnotes";
  setLocalAttribute(section, "aria-label", "editor.footnotes");
  place.after(section);
  const fill = () => {
    const markers = Array.from(place.querySelectorAll(`.draft-text sup.footnote[${FOOTNOTE_TEXT_ATTR}]`));
    const list = document.createElement("ol");
    // The notes are the draft's words: in its language and direction, not the page's.
    const text = place.querySelector<HTMLElement>(".draft-text");
    if (text?.lang) list.lang = text.lang;
    if (text?.dir) list.dir = text.dir;
    for (const marker of markers) {
      const item = document.createElement("li");
      item.textContent = marker.getAttribute(FOOTNOTE_TEXT_ATTR) ?? "";
      list.append(item);
    }
    section.replaceChildren(...(markers.length > 0 ? [list] : []));
  };
  // Ctrl+P and window.print() fire beforeprint; a print preview emulated by tools only changes the media.
  const printMedia = window.matchMedia("print");
  const onMedia = (event: MediaQueryListEvent) => {
    if (event.matches) fill();
  };
  window.addEventListener("beforeprint", fill);
  printMedia.addEventListener("change", onMedia);
  return () => {
    window.removeEventListener("beforeprint", fill);
    printMedia.removeEventListener("change", onMedia);
    section.remove();
  };
}
