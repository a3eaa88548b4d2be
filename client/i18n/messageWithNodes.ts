/**
 * A message whose placeholders hold nodes (a `<time>`, an `<ins>`, a link), not only text: the
 * message is formatted whole, so each language keeps its own word order, and the nodes are put
 * where its placeholders fall. Never markup in the catalog; the nodes are built by the caller.
 */
import type { MessageKey } from "./messageKeys";
import { t, type MessageValues } from "./localize";

/** Marks a node's place in the formatted text: private-use characters no message or value holds. */
const MARK_OPEN = "\uE000";
const MARK_CLOSE = "\uE001";

/** The message `key` with `values` as text and `nodes` in their placeholders, as children to append. */
export function messageWithNodes(key: MessageKey, values: MessageValues, nodes: Readonly<Record<string, Node>>): Array<Node | string> {
  const names = Object.keys(nodes);
  const marked: Record<string, string | number | Date> = { ...values };
  for (const [index, name] of names.entries()) marked[name] = `${MARK_OPEN}${index}${MARK_CLOSE}`;
  const parts: Array<Node | string> = [];
  for (const piece of t(key, marked).split(MARK_OPEN)) {
    const close = piece.indexOf(MARK_CLOSE);
    if (close < 0) {
      if (piece) parts.push(piece);
      continue;
    }
    parts.push(nodes[names[Number(piece.slice(0, close))]!]!);
    const rest = piece.slice(close + 1);
    if (rest) parts.push(rest);
  }
  return parts;
}
