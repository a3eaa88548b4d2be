/**
 * Small DOM builders for the secretariat's desk: an element with properties and children, and a
 * labelled form field whose error shows beside it (tied to the control by `aria-describedby`).
 * Words may be given as a node (`localText(…)`), so they follow the page's language.
 */

/** Words to show: a plain string (data, or a message the server chose), or a node that follows the UI language. */
export type Words = string | Node;

let fieldCount = 0;

/** An element of `tag` with `props` assigned and `children` appended. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A button that does `action` when pressed. */
export function button(text: Words, action: () => void, className = ""): HTMLButtonElement {
  const node = el("button", { type: "button", className }, text);
  node.addEventListener("click", action);
  return node;
}

/** A form control with its label, an optional hint, and a place for its error right beside it. */
export interface Field<C extends HTMLElement> {
  /** The label, control, hint and error, as one block. */
  element: HTMLElement;
  control: C;
  /** Shows `message` beside the control and marks it invalid; null clears it. */
  setError(message: Words | null): void;
}

/** Wraps `control` in a labelled field. */
export function field<C extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(labelText: Words, control: C, hint?: Words): Field<C> {
  const id = `field-${++fieldCount}`;
  control.id = id;
  const label = el("label", { htmlFor: id, className: "field-label" }, labelText);
  const error = el("p", { className: "field-error", id: `${id}-error` });
  error.hidden = true;
  const parts: HTMLElement[] = [label, control];
  const described: string[] = [];
  if (hint) {
    parts.push(el("p", { className: "field-hint", id: `${id}-hint` }, hint));
    described.push(`${id}-hint`);
  }
  parts.push(error);
  const describe = (withError: boolean) => {
    const ids = withError ? [`${id}-error`, ...described] : described;
    if (ids.length > 0) control.setAttribute("aria-describedby", ids.join(" "));
    else control.removeAttribute("aria-describedby");
  };
  describe(false);
  return {
    element: el("div", { className: "field" }, ...parts),
    control,
    setError(message) {
      // Replaced, not rewritten: a bound node taken out stops showing its words here.
      error.replaceChildren(message ?? "");
      error.hidden = message === null;
      if (message === null) control.removeAttribute("aria-invalid");
      else control.setAttribute("aria-invalid", "true");
      describe(message !== null);
    },
  };
}

/** A `<select>` of `options` (value, words), with `selected` chosen. */
export function select(options: ReadonlyArray<readonly [string, Words]>, selected?: string): HTMLSelectElement {
  const node = el("select");
  for (const [value, words] of options) node.append(el("option", { value, selected: value === selected }, words));
  return node;
}
