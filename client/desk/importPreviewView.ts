/**
 * What the import made of a file, shown before the draft is created: a one-line count, the title
 * found, each block with its printed label ("3.", "(a)") or kind (heading, front matter) and first
 * words, and the footnotes. Built of nodes bound to the catalogs, so its words follow the page's
 * language without touching logic.
 */
import type { ImportPreview, PreviewBlock } from "../../shared/importPreview";
import { t, type MessageValues } from "../i18n/localize";
import { localText, setLocalAttribute } from "../i18n/localizedElements";
import type { MessageKey } from "../i18n/messageKeys";
import { el } from "./dom";
import type { Widget } from "./Widget";

/** How the preview counts each kind of block, in the order the counts list them. */
const COUNT_KEYS: Record<string, MessageKey> = {
  heading: "desk.countHeadings",
  paragraph: "desk.countParagraphs",
  subitem: "desk.countSubitems",
  preamble: "desk.countPreamble",
  footnote: "desk.countFootnotes",
};

/** How the preview names a block that has no printed label, by kind. */
const MARKER_KEYS: Record<string, MessageKey> = {
  paragraph: "desk.markerParagraph",
  subitem: "desk.markerSubitem",
  footnote: "desk.markerFootnote",
};

/** One count as a message: its key and values; a kind the preview does not know shows its type name. */
interface CountMessage {
  key: MessageKey;
  values: MessageValues;
}

/** The counts that are not zero, in a fixed order of kinds, each as a message. */
export function countMessages(counts: Record<string, number>): CountMessage[] {
  const known = Object.keys(COUNT_KEYS);
  const order = (kind: string) => (known.includes(kind) ? known.indexOf(kind) : known.length);
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([kind, n]): CountMessage => {
      const key = COUNT_KEYS[kind];
      return key ? { key, values: { count: n } } : { key: "desk.countOtherKind", values: { kind, count: n } };
    });
}

/** "2 headings · 14 numbered paragraphs · 3 sub-items · 1 footnote", in the UI language. */
export function countWords(counts: Record<string, number>): string {
  return countMessages(counts)
    .map(({ key, values }) => t(key, values))
    .join(" · ");
}

function marker(block: PreviewBlock): Node {
  if (block.type === "heading") return localText("desk.markerHeading", { level: block.level ?? 1 });
  // A printed label is the document's own, not words to translate.
  if (block.label !== null) return document.createTextNode(block.type === "paragraph" ? `${block.label}.` : block.label);
  if (block.type === "preamble") return localText("desk.markerFrontMatter");
  const key = MARKER_KEYS[block.type];
  return key ? localText(key) : document.createTextNode(block.type);
}

function blockEntry(block: PreviewBlock): HTMLLIElement {
  const item = el("li", { className: "preview-block" }, el("span", { className: "preview-marker" }, marker(block)), " ", el("span", { className: "preview-words", textContent: block.words }));
  for (const number of block.footnotes) item.append(el("sup", { className: "preview-footnote-ref", textContent: String(number) }));
  item.dataset["type"] = block.type;
  if (block.level !== null) item.dataset["level"] = String(block.level);
  return item;
}

function countsLine(counts: Record<string, number>): HTMLParagraphElement {
  const line = el("p", { className: "preview-counts" });
  countMessages(counts).forEach(({ key, values }, index) => {
    if (index > 0) line.append(" · ");
    line.append(localText(key, values));
  });
  return line;
}

/** The preview of one import. */
export function importPreviewView(preview: ImportPreview): Widget {
  const shown = preview.blocks.length;
  const total = Object.entries(preview.counts).reduce((sum, [kind, n]) => (kind === "footnote" ? sum : sum + n), 0);
  const titleWords = preview.title ? localText("desk.titleFound", { title: preview.title }) : localText("desk.noTitleFound");
  const element = el(
    "section",
    { className: "import-preview" },
    el("h3", {}, localText("desk.importFound", { fileName: preview.fileName })),
    countsLine(preview.counts),
    el("p", { className: "preview-title" }, titleWords),
    el("ol", { className: "preview-blocks" }, ...preview.blocks.map(blockEntry)),
  );
  if (shown < total) element.append(el("p", { className: "preview-more" }, localText("desk.moreBlocks", { count: total - shown })));
  if (preview.footnotes.length > 0) {
    element.append(
      el("h4", {}, localText("desk.footnotes")),
      el("ol", { className: "preview-footnotes" }, ...preview.footnotes.map((footnote) => el("li", { value: footnote.number, textContent: footnote.words }))),
    );
  }
  setLocalAttribute(element, "aria-label", "desk.importPreview");
  // The preview scrolls within the form; it takes focus so the keyboard can scroll it too.
  element.tabIndex = 0;
  return { element, unmount: () => element.remove() };
}
