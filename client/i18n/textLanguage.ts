/**
 * The language of words that are data, not the page's: a draft's text, its redline, its title. They
 * carry their own `lang` and `dir`, set apart from the UI language on `<html>`, so a screen reader
 * reads an Arabic draft in an Arabic voice on an English page and the text runs its own way.
 */
import { textDirection } from "../../shared/textDirection";

/** Marks `element` as text in `language` (a BCP 47 code), running in that language's direction. */
export function setTextLanguage(element: HTMLElement, language: string): void {
  element.lang = language;
  element.dir = textDirection(language);
}
