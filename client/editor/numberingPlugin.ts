/**
 * Shows UN numbering in the margin: each numbered block gets a `data-num` attribute ("12.", "(a)")
 * that the stylesheet prints before it. Rebuilt from the document on every change, because
 * y-prosemirror replaces the whole document on a remote change and mapped decorations would drift.
 */
import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { blockLabels } from "../../shared/numbering";
import { BlockType } from "../../shared/schema";

/** Key of the numbering plugin's state. */
export const numberingKey = new PluginKey<DecorationSet>("numbering");

function numberDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  for (const { pos, label } of blockLabels(doc)) {
    if (label === null) continue;
    const node = doc.nodeAt(pos)!;
    const printed = node.type.name === BlockType.paragraph ? `${label}.` : label;
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-num": printed }));
  }
  return DecorationSet.create(doc, decorations);
}

/** The numbering plugin. */
export function numberingPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numberingKey,
    state: {
      init: (_config, state) => numberDecorations(state.doc),
      apply: (tr, previous) => (tr.docChanged ? numberDecorations(tr.doc) : previous),
    },
    props: {
      decorations: (state) => numberingKey.getState(state),
    },
  });
}
