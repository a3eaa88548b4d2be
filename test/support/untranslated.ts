/**
 * Finds words on a page that bypassed the catalogs (issue 15, acceptance 2). In the pseudo-locale
 * every catalog message is accented and wrapped in ⟦ ⟧, so what is left in plain Latin letters on
 * the page is either data (the draft's words, names, state codes, symbols — the test says which) or
 * a string someone forgot to translate.
 */
import type { Page } from "playwright-core";

/** What the page shows a person: visible text nodes and the attributes read aloud or shown on hover. */
function visibleWords(): string[] {
  const words: string[] = [];
  const skip = (element: Element | null) => !element || element.closest(".ProseMirror, script, style, noscript, template") !== null;
  const visible = (element: Element) => (element as HTMLElement).checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) ?? true;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim();
    if (!text || skip(parent) || !visible(parent!)) continue;
    // A select's options are read from the select itself, below.
    if (parent!.closest("select")) continue;
    words.push(text);
  }
  for (const element of Array.from(document.body.querySelectorAll("*"))) {
    if (skip(element) || !visible(element)) continue;
    for (const attribute of ["aria-label", "title", "placeholder", "alt", "aria-description"]) {
      const value = element.getAttribute(attribute)?.trim();
      if (value) words.push(value);
    }
    if (element instanceof HTMLSelectElement) {
      const chosen = element.selectedOptions[0]?.textContent?.trim();
      if (chosen) words.push(chosen);
    }
  }
  if (document.title) words.push(document.title);
  return words;
}

/** Words Intl writes in the pseudo-locale, which falls back to English dates: month and day names, AM/PM, "in 3 hours". */
function intlEnglishWords(): Set<string> {
  const words = new Set(["AM", "PM", "UTC", "GMT", "in", "ago", "now", "yesterday", "tomorrow", "today"]);
  for (const unit of ["second", "minute", "hour", "day", "week", "month", "year"]) {
    words.add(unit);
    words.add(`${unit}s`);
  }
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2026, month, 15));
    for (const style of ["long", "short"] as const) words.add(new Intl.DateTimeFormat("en", { month: style, timeZone: "UTC" }).format(date));
  }
  for (let day = 0; day < 7; day++) {
    const date = new Date(Date.UTC(2026, 0, 4 + day));
    for (const style of ["long", "short"] as const) words.add(new Intl.DateTimeFormat("en", { weekday: style, timeZone: "UTC" }).format(date));
  }
  return words;
}

const INTL_WORDS = intlEnglishWords();

/** A paragraph's or sub-item's number as the draft writes it in every language ("(iii)", "4 bis", "(a ter)"): data. */
const NUMBER_LABEL = /^\(?(\d+|[a-z]|[ivxlcdm]+)( (bis|ter|quater|quinquies|sexies|septies|octies))?\)?\.?$/i;

/**
 * The strings on `page` that hold Latin words neither inside a pseudo-locale message (⟦…⟧) nor in
 * `data` (the draft's words, names, codes the test put there) nor written by Intl.
 */
export async function untranslatedWords(page: Page, data: readonly string[]): Promise<string[]> {
  const shown = await page.evaluate(visibleWords);
  const dataLongestFirst = [...data].filter((item) => item.length > 0).sort((a, b) => b.length - a.length);
  const untranslated = new Set<string>();
  for (const text of shown) {
    // A piece of the data (a run of a paragraph's words around a marked change) is data too.
    if (data.some((item) => item.includes(text))) continue;
    if (NUMBER_LABEL.test(text)) continue;
    let rest = text;
    // Messages nest (a status inside a sentence): take the innermost away until none is left.
    for (let before = ""; before !== rest; ) {
      before = rest;
      rest = rest.replace(/⟦[^⟦⟧]*⟧/g, " ");
    }
    for (const item of dataLongestFirst) rest = rest.split(item).join(" ");
    const latinWords = (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !INTL_WORDS.has(word));
    if (latinWords.length > 0) untranslated.add(text);
  }
  return [...untranslated];
}
