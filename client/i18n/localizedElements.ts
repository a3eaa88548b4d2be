/**
 * Words on the page that follow the UI language: a text node, an element's text or an attribute
 * (`aria-label`, `title`, `placeholder`) bound to a message key, set now and set again whenever the
 * language changes. Widgets built once use these; widgets that render again from their own state
 * call `t()` as they render and listen with `onLanguageChange`.
 */
import type { MessageKey } from "./messageKeys";
import { onLanguageChange, t, type MessageValues } from "./localize";

/** What one node shows: its text or one of its attributes, from a key and values. */
interface Binding {
  attribute: string | null;
  key: MessageKey;
  values: MessageValues | undefined;
}

/** Nodes with bindings, held weakly so a node removed from the page can be collected. */
const bound = new Set<WeakRef<Node>>();
const bindings = new WeakMap<Node, Binding[]>();

function render(node: Node, binding: Binding): void {
  const words = t(binding.key, binding.values);
  if (binding.attribute === null) node.textContent = words;
  else (node as Element).setAttribute(binding.attribute, words);
}

function bind(node: Node, binding: Binding): void {
  const existing = bindings.get(node);
  if (!existing) {
    bindings.set(node, [binding]);
    bound.add(new WeakRef(node));
  } else {
    const others = existing.filter((old) => old.attribute !== binding.attribute);
    bindings.set(node, [...others, binding]);
  }
  render(node, binding);
}

onLanguageChange(() => {
  for (const reference of bound) {
    const node = reference.deref();
    if (!node) {
      bound.delete(reference);
      continue;
    }
    for (const binding of bindings.get(node) ?? []) render(node, binding);
  }
});

/** A text node showing the message `key`, in whatever language the page speaks. */
export function localText(key: MessageKey, values?: MessageValues): Text {
  const node = document.createTextNode("");
  bind(node, { attribute: null, key, values });
  return node;
}

/** Sets `element`'s text to the message `key` and keeps it in the page's language; returns `element`. */
export function setLocalText<E extends Element>(element: E, key: MessageKey, values?: MessageValues): E {
  bind(element, { attribute: null, key, values });
  return element;
}

/** Sets `element`'s `attribute` to the message `key` and keeps it in the page's language; returns `element`. */
export function setLocalAttribute<E extends Element>(element: E, attribute: string, key: MessageKey, values?: MessageValues): E {
  bind(element, { attribute, key, values });
  return element;
}
