/**
 * Redrawing a list must not throw a keyboard user back to the top of the page: when the focus was
 * inside the list, it goes back to the same control of the same entry, or to that entry, or, when
 * the entry left (a proposal the chair just accepted), to the entry that took its place.
 */

/** Marks an entry of a redrawn list: the same value names the same entry in every drawing. */
export const ENTRY_ATTRIBUTE = "data-entry";

const FOCUSABLE = "button, select, input, textarea, a[href], [tabindex]";

function entryOf(element: Element, container: HTMLElement): HTMLElement | null {
  const entry = element.closest<HTMLElement>(`[${ENTRY_ATTRIBUTE}]`);
  return entry && container.contains(entry) ? entry : null;
}

function firstControl(entry: HTMLElement): HTMLElement | null {
  return entry.matches(FOCUSABLE) ? entry : entry.querySelector<HTMLElement>(FOCUSABLE);
}

/**
 * Replaces the children of `container` with `children`. Entries are the elements with an
 * `ENTRY_ATTRIBUTE`; `fallback` takes the focus when no entry is left to hold it.
 */
export function replaceKeepingFocus(container: HTMLElement, children: readonly Node[], fallback: () => HTMLElement | null): void {
  const active = document.activeElement;
  if (!active || !container.contains(active)) {
    container.replaceChildren(...children);
    return;
  }
  const entry = entryOf(active, container);
  const id = entry?.getAttribute(ENTRY_ATTRIBUTE) ?? null;
  const at = entry ? Array.from(container.querySelectorAll(`[${ENTRY_ATTRIBUTE}]`)).indexOf(entry) : -1;
  const words = active.textContent;
  container.replaceChildren(...children);

  const entries = Array.from(container.querySelectorAll<HTMLElement>(`[${ENTRY_ATTRIBUTE}]`));
  const same = id === null ? undefined : entries.find((candidate) => candidate.getAttribute(ENTRY_ATTRIBUTE) === id);
  const control =
    (same && (Array.from(same.querySelectorAll<HTMLElement>(active.tagName)).find((candidate) => candidate.textContent === words) ?? firstControl(same))) ||
    (at >= 0 && entries.length > 0 ? firstControl(entries[Math.min(at, entries.length - 1)]!) : null);
  (control ?? fallback())?.focus();
}
