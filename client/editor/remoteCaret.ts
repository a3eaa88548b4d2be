/**
 * Another member's caret in the text, for y-prosemirror's cursor plugin: a line in their colour,
 * and their name only while the pointer rests on the line. A name drawn on the line at all times
 * covered the chair's words under it (found when tried, issue 11); who is present is in the top
 * bar's presence list.
 */

/** What y-prosemirror passes for a remote member: the `user` field of their presence state. */
interface CaretUser {
  name?: unknown;
  color?: unknown;
}

/** The caret of `user`, as y-prosemirror's `cursorBuilder` returns it. */
export function remoteCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "ProseMirror-yjs-cursor";
  // Set through the style object, so a colour a client sent can never become markup.
  if (typeof user.color === "string") caret.style.setProperty("--caret-color", user.color);
  const name = document.createElement("span");
  name.className = "caret-name";
  name.textContent = typeof user.name === "string" ? user.name : "";
  // Word joiners keep the line from breaking at the caret, as y-prosemirror's own caret does.
  caret.append("\u2060", name, "\u2060");
  return caret;
}
