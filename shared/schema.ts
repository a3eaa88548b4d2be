/**
 * The ProseMirror schema of a negotiation text: section headings, numbered paragraphs, lettered
 * sub-items, unnumbered preamble and footnotes, with emphasis and strong marks. Blocks are flat (a
 * sub-item follows the paragraph it belongs to) so that typing, splitting and joining behave as in
 * a word processor.
 */
import { Fragment, Schema, type DOMOutputSpec, type Node as PMNode } from "prosemirror-model";

/** Deepest heading level and deepest sub-item level the schema holds. */
export const MAX_HEADING_LEVEL = 3;
export const MAX_SUBITEM_LEVEL = 2;

function clampLevel(value: unknown, max: number): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= max ? level : 1;
}

/** DOM attribute that carries a footnote's text. */
export const FOOTNOTE_TEXT_ATTR = "data-footnote";

const pidAttr = { pid: { default: null as string | null } };

function pidOf(dom: HTMLElement): string | null {
  return dom.getAttribute("data-pid");
}

/** The one schema every editor, importer and exporter uses. */
export const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    heading: {
      group: "block",
      content: "inline*",
      defining: true,
      attrs: { ...pidAttr, level: { default: 1 } },
      parseDOM: [1, 2, 3].map((level) => ({
        tag: `h${level}`,
        getAttrs: (dom: HTMLElement) => ({ level, pid: pidOf(dom) }),
      })),
      toDOM: (node): DOMOutputSpec => [
        `h${clampLevel(node.attrs.level, MAX_HEADING_LEVEL)}`,
        { "data-pid": node.attrs.pid },
        0,
      ],
    },
    paragraph: {
      group: "block",
      content: "inline*",
      attrs: pidAttr,
      parseDOM: [{ tag: "p", getAttrs: (dom: HTMLElement) => ({ pid: pidOf(dom) }) }],
      toDOM: (node): DOMOutputSpec => ["p", { class: "para", "data-pid": node.attrs.pid }, 0],
    },
    subitem: {
      group: "block",
      content: "inline*",
      attrs: { ...pidAttr, level: { default: 1 } },
      parseDOM: [
        {
          tag: "p.subitem",
          priority: 60,
          getAttrs: (dom: HTMLElement) => ({
            pid: pidOf(dom),
            level: clampLevel(dom.getAttribute("data-level"), MAX_SUBITEM_LEVEL),
          }),
        },
      ],
      toDOM: (node): DOMOutputSpec => [
        "p",
        {
          class: "subitem",
          "data-level": String(clampLevel(node.attrs.level, MAX_SUBITEM_LEVEL)),
          "data-pid": node.attrs.pid,
        },
        0,
      ],
    },
    // Front matter that is part of the document but not of its numbered text: a letter's opening
    // and signature, an "[Original: …]" line. Neither numbered nor counted for consensus.
    preamble: {
      group: "block",
      content: "inline*",
      attrs: pidAttr,
      parseDOM: [{ tag: "p.preamble", priority: 60, getAttrs: (dom: HTMLElement) => ({ pid: pidOf(dom) }) }],
      toDOM: (node): DOMOutputSpec => ["p", { class: "preamble", "data-pid": node.attrs.pid }, 0],
    },
    footnote: {
      group: "inline",
      inline: true,
      atom: true,
      content: "text*",
      marks: "",
      // Drawn as a marker without editable content, so the caret never lands inside a footnote by
      // accident; its text travels in an attribute through copy and paste.
      parseDOM: [
        {
          tag: "sup.footnote",
          getContent: (dom, schema) => {
            const text = (dom as HTMLElement).getAttribute(FOOTNOTE_TEXT_ATTR) ?? "";
            return Fragment.from(text ? schema.text(text) : []);
          },
        },
      ],
      toDOM: (node): DOMOutputSpec => ["sup", { class: "footnote", [FOOTNOTE_TEXT_ATTR]: node.textContent, title: node.textContent }],
    },
    text: { group: "inline" },
  },
  marks: {
    em: {
      parseDOM: [{ tag: "em" }, { tag: "i" }, { style: "font-style=italic" }],
      toDOM: (): DOMOutputSpec => ["em", 0],
    },
    strong: {
      parseDOM: [{ tag: "strong" }, { tag: "b" }, { style: "font-weight=bold" }],
      toDOM: (): DOMOutputSpec => ["strong", 0],
    },
  },
});

/** Node type names, written once. */
export const BlockType = {
  heading: "heading",
  paragraph: "paragraph",
  subitem: "subitem",
  preamble: "preamble",
} as const;
export type BlockType = (typeof BlockType)[keyof typeof BlockType];

/** Whether a top-level node carries a `pid` (every block does). */
export function isBlock(node: PMNode): boolean {
  return node.type.name in BlockType;
}
