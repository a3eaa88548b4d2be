/**
 * Escaping for the markup writers (HTML, Akoma Ntoso): whatever people typed goes into text and
 * attribute values as characters, never as markup. Characters XML 1.0 cannot hold at all (C0
 * controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF) are dropped.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` safe inside an element or a quoted attribute of HTML or XML. */
export function escapeMarkup(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
