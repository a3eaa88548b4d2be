/**
 * What the import made of a file, shown before the draft is created: a one-line count, the title
 * found, each block with its printed label ("3.", "(a)") or kind (heading, front matter) and first
 * words, and the footnotes. Built of nodes, so its words can be translated without touching logic.
 */
import type { ImportPreview, PreviewBlock } from "../../shared/importPreview";
import { el } from "./dom";
import type { Widget } from "./Widget";

/** How the preview names each kind of block, in the order the counts list them; a kind it does not know shows its type name. */
const KIND_WORDS: Record<string, [one: string, many: string]> = {
  heading: ["heading", "headings"],
  paragraph: ["numbered paragraph", "numbered paragraphs"],
  subitem: ["sub-item", "sub-items"],
  preamble: ["unnumbered block (front matter)", "unnumbered blocks (front matter)"],
  footnote: ["footnote", "footnotes"],
};

/** "2 headings · 14 numbered paragraphs · 3 sub-items · 1 footnote". */
export function countWords(counts: Record<string, number>): string {
  const known = Object.keys(KIND_WORDS);
  const order = (kind: string) => (known.includes(kind) ? known.indexOf(kind) : known.length);
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([kind, n]) => {
      const [one, many] = KIND_WORDS[kind] ?? [kind, kind];
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(" · ");
}

function marker(block: PreviewBlock): string {
  if (block.type === "heading") return `Heading ${block.level ?? 1}`;
  if (block.label !== null) return block.type === "paragraph" ? `${block.label}.` : block.label;
  if (block.type === "preamble") return "Front matter";
  return KIND_WORDS[block.type]?.[0] ?? block.type;
}

function blockEntry(block: PreviewBlock): HTMLLIElement {
  const item = el("li", { className: "preview-block" }, el("span", { className: "preview-marker", textContent: marker(block) }), " ", el("span", { className: "preview-words", textContent: block.words }));
  for (const number of block.footnotes) item.append(el("sup", { className: "preview-footnote-ref", textContent: String(number) }));
  item.dataset["type"] = block.type;
  if (block.level !== null) item.dataset["level"] = String(block.level);
  return item;
}

/** The preview of one import. */
export function importPreviewView(preview: ImportPreview): Widget {
  const shown = preview.blocks.length;
  const total = Object.entries(preview.counts).reduce((sum, [kind, n]) => (kind === "footnote" ? sum : sum + n), 0);
  const element = el(
    "section",
    { className: "import-preview" },
    el("h3", { textContent: `What the import found in ${preview.fileName}` }),
    el("p", { className: "preview-counts", textContent: countWords(preview.counts) }),
    el("p", { className: "preview-title", textContent: preview.title ? `Title found: ${preview.title}` : "No title found in the document: give one below." }),
    el("ol", { className: "preview-blocks" }, ...preview.blocks.map(blockEntry)),
  );
  if (shown < total) element.append(el("p", { className: "preview-more", textContent: `… and ${total - shown} more blocks.` }));
  if (preview.footnotes.length > 0) {
    element.append(
      el("h4", { textContent: "Footnotes" }),
      el("ol", { className: "preview-footnotes" }, ...preview.footnotes.map((footnote) => el("li", { value: footnote.number, textContent: footnote.words }))),
    );
  }
  element.setAttribute("aria-label", "Import preview");
  // The preview scrolls within the form; it takes focus so the keyboard can scroll it too.
  element.tabIndex = 0;
  return { element, unmount: () => element.remove() };
}
