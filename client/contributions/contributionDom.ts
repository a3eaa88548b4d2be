/**
 * Small DOM pieces the contribution widgets share: elements, a labelled control whose label follows
 * the UI language, and a language's name in the reader's language.
 */
import { UN_LANGUAGES } from "../../shared/languages";
import { languageName as languageNameIn } from "../../shared/languageName";
import { textDirection } from "../../shared/textDirection";
import { uiLanguage } from "../i18n/localize";
import { setLocalText } from "../i18n/localizedElements";
import type { MessageKey } from "../i18n/messageKeys";
import type { MessageValues } from "../i18n/localize";

let controls = 0;

/** An element of `tag` with `props` assigned and `children` appended. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A button whose words are message `key`, doing `action` when pressed. */
export function localButton(key: MessageKey, action: () => void, values?: MessageValues): HTMLButtonElement {
  const node = setLocalText(el("button", { type: "button" }), key, values);
  node.addEventListener("click", action);
  return node;
}

/** `control` under a label that reads message `key`, as one block. */
export function labelled<C extends HTMLElement>(key: MessageKey, control: C): HTMLElement {
  control.id ||= `contribution-control-${++controls}`;
  const label = setLocalText(el("label", { htmlFor: control.id }), key);
  return el("div", { className: "field" }, label, control);
}

/** The name of language `code` in the page's language ("Spanish", "espagnol"); the code itself when the browser knows none. */
export function languageName(code: string): string {
  return languageNameIn(code, uiLanguage());
}

/** A `<select>` of the six UN languages, named in the page's language, with `selected` chosen. */
export function languageSelect(selected: string): HTMLSelectElement {
  const node = el("select");
  for (const { code } of UN_LANGUAGES) node.append(el("option", { value: code, textContent: languageName(code), selected: code === selected }));
  return node;
}

/** Marks `node` as written in `language`, with that language's direction. */
export function inLanguage<E extends HTMLElement>(node: E, language: string): E {
  node.lang = language;
  node.dir = textDirection(language);
  return node;
}
