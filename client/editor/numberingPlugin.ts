/**
 * Shows UN numbering in the margin: each numbered block gets a `data-num` attribute ("12.", "3 bis.",
 * "(a)") that the stylesheet prints before it, by the numbers of the latest published revision.
 * Rebuilt from the document on every change that could move a number (y-prosemirror replaces the
 * whole document on a remote change, and mapped decorations would drift) and when a revision is
 * published, which changes no block; typing inside a paragraph only maps them.
 */
import type { Node as PMNode } from "prosemirror-model";
import type { Slice } from "prosemirror-model";
import { Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { ReplaceStep } from "prosemirror-transform";
import { Decoration, DecorationSet } from "prosemirror-view";
import type * as Y from "yjs";
import { TextRoot } from "../../shared/documentLayout";
import { blockLabels } from "../../shared/numbering";
import { revisionBaseline, touchesRevisions } from "../../shared/revisions/revisionBaseline";
import { BlockType } from "../../shared/schema";

/** Key of the numbering plugin's state. */
export const numberingKey = new PluginKey<DecorationSet>("numbering");

function numberDecorations(doc: PMNode, textDoc: Y.Doc): DecorationSet {
  const decorations: Decoration[] = [];
  for (const { pos, label } of blockLabels(doc, revisionBaseline(textDoc))) {
    if (label === null) continue;
    const node = doc.nodeAt(pos)!;
    const printed = node.type.name === BlockType.paragraph ? `${label}.` : label;
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-num": printed }, { printed }));
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Whether `tr` only changed text inside blocks (typing, deleting within a paragraph), so block
 * numbers cannot have changed and the decorations can simply be mapped.
 */
export function changesOnlyInline(tr: Transaction): boolean {
  return tr.steps.every((step, index) => {
    if (!(step instanceof ReplaceStep)) return false;
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice };
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    let inline = true;
    slice.content.forEach((node) => (inline &&= node.isInline));
    if (!inline) return false;
    const before = tr.docs[index]!;
    const $from = before.resolve(from);
    return $from.depth > 0 && $from.sameParent(before.resolve(to));
  });
}

/** The numbering plugin, numbering by the revisions published in the `decisions` of `textDoc` (the `text` room). */
export function numberingPlugin(textDoc: Y.Doc): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numberingKey,
    state: {
      init: (_config, state) => numberDecorations(state.doc, textDoc),
      apply: (tr, previous) => {
        if (tr.getMeta(numberingKey)) return numberDecorations(tr.doc, textDoc);
        if (!tr.docChanged) return previous;
        return changesOnlyInline(tr) ? previous.map(tr.mapping, tr.doc) : numberDecorations(tr.doc, textDoc);
      },
    },
    props: {
      decorations: (state) => numberingKey.getState(state),
    },
    view: (view) => {
      const decisions = textDoc.getMap(TextRoot.decisions);
      // A published revision is a record, not a change to the text: nothing else would redraw. The
      // redraw waits for the Yjs transaction to end, as y-prosemirror may still be applying its part.
      const onDecisions = (event: Y.YMapEvent<unknown>) => {
        if (!touchesRevisions(event.keysChanged)) return;
        queueMicrotask(() => {
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(numberingKey, true));
        });
      };
      decisions.observe(onDecisions);
      return { destroy: () => decisions.unobserve(onDecisions) };
    },
  });
}
