/**
 * The importer's last pass, shared by every source format: blocks whose kind is known become the
 * draft's document. It decides the level of each typed sub-item, marks the front matter
 * (`frontMatter`), takes out the document's title and gives every block a unique pid.
 */
import type { Node as PMNode } from "prosemirror-model";
import { withUniquePids } from "../../shared/pid";
import { BlockType, schema } from "../../shared/schema";
import { markFrontMatter } from "./frontMatter";
import { importRefusals } from "./ImportRefusal";
import { SubitemLevels } from "./listMarkers";
import type { SourceBlock } from "./sourceBlocks";

/** A block once its type is known, still holding its source text (and, from Word, its inline nodes). */
export interface DraftBlock {
  type: BlockType;
  level: number;
  /** The text with its inline markup, or the plain text when `inline` is given. */
  text: string;
  /** Position of the source block, to find the footnote definitions nearest each reference. */
  at: number;
  source: SourceBlock;
  /** Inline content already built (from Word); otherwise `text` is parsed. */
  inline?: PMNode[];
  /** The document says this is its title (Word's Title style). */
  isTitle?: boolean;
}

/** A draft read from a file: its title (from the document itself, if it has one) and its blocks. */
export interface ImportedDraft {
  title: string | null;
  doc: PMNode;
}

/**
 * Builds the draft from its blocks; `inlineOf` parses a block's text into inline nodes. The title
 * is the document's own: a letter's "Letter dated…", a paragraph in Word's Title style, or a
 * level-1 heading before anything but front matter.
 */
export function assembleDraft(blocks: readonly DraftBlock[], inlineOf: (block: DraftBlock) => PMNode[]): ImportedDraft {
  const drafts = [...blocks];
  resolveSubitemLevels(drafts);
  const titleBlock = markFrontMatter(drafts) ?? takeTitle(drafts);
  const title = titleBlock ? plainText(inlineOf(titleBlock)) || null : null;
  if (drafts.length === 0 && title === null) throw importRefusals.noText();

  const nodes = drafts.map((draft) => {
    const attrs = draft.type === BlockType.paragraph ? null : { level: draft.level };
    return schema.nodes[draft.type].create(attrs, inlineOf(draft));
  });
  // A file holding only its title still needs a block for the cursor.
  if (nodes.length === 0) nodes.push(schema.nodes.paragraph.create());
  return { title, doc: withUniquePids(schema.node("doc", null, nodes)) };
}

function takeTitle(drafts: DraftBlock[]): DraftBlock | null {
  const styled = drafts.findIndex((draft) => draft.isTitle);
  const at = styled >= 0 ? styled : drafts.findIndex((draft) => draft.type !== BlockType.preamble);
  const candidate = drafts[at];
  if (!candidate || !(candidate.isTitle || (candidate.type === BlockType.heading && candidate.level === 1))) return null;
  drafts.splice(at, 1);
  return candidate;
}

function plainText(nodes: readonly PMNode[]): string {
  return nodes.map((node) => (node.isText ? node.text : "")).join("").trim();
}

function resolveSubitemLevels(drafts: DraftBlock[]): void {
  const levels = new SubitemLevels();
  for (const draft of drafts) {
    if (draft.source.kind === "item" && draft.type === BlockType.subitem) {
      draft.level = levels.next(draft.source.label, draft.source.indent);
    } else {
      levels.reset();
    }
  }
}
