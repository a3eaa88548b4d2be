/**
 * The proposals layer of the editor: draws every open proposal as brackets (rebuilt from Yjs on
 * each remote change and each change to the proposal records, mapped through local edits), shows a
 * card for the focused or hovered bracket, and, for a delegation, turns typing into proposals
 * while refusing any change to the chair's text.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { DecorationSet, type EditorView } from "prosemirror-view";
import { ySyncPluginKey } from "y-prosemirror";

import { readDraftText } from "../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../shared/documentLayout";
import { readProposals } from "../../../shared/proposals/readProposals";
import { revisionBaseline } from "../../../shared/revisions/revisionBaseline";
import { Role } from "../../../shared/roles";
import { bracketDecorations } from "./bracketDecorations";
import type { ActionContext } from "./proposalActions";
import { ProposalCard } from "./proposalCard";
import { ProposalComposer } from "./proposalComposer";
import { onLanguageChange } from "../../i18n/localize";

/** Key of the proposals layer; a transaction with this meta asks for a rebuild from Yjs. */
export const proposalsKey = new PluginKey<DecorationSet>("proposals");

/** Roots whose changes redraw the brackets. */
const RECORD_ROOTS = [TextRoot.proposals, TextRoot.supports, TextRoot.decisions] as const;

function isPrintable(event: KeyboardEvent): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** The delegation's composer of the editor in `state`, or null for the chair and observers. */
export function composerOf(state: EditorState): ProposalComposer | null {
  return (proposalsKey.get(state)?.spec as { composer?: ProposalComposer | null } | undefined)?.composer ?? null;
}

/** The proposals plugin for one page. */
export function proposalPlugin(context: ActionContext): Plugin<DecorationSet> {
  let view: EditorView | null = null;
  const redraw = () => {
    if (view && !view.isDestroyed) view.dispatch(view.state.tr.setMeta(proposalsKey, true));
  };
  const delegation = context.author.role === Role.delegation ? context.author.state : null;
  const composer = delegation ? new ProposalComposer(context.ydoc, delegation, context.report, redraw) : null;

  const build = (state: EditorState | { doc: EditorState["doc"] }) => {
    const text = readDraftText(context.ydoc.getXmlFragment(TextRoot.content));
    const decorations = bracketDecorations(state.doc, text, readProposals(context.ydoc, text), revisionBaseline(context.ydoc));
    if (composer) decorations.push(...composer.decorations(state.doc, text));
    return DecorationSet.create(state.doc, decorations);
  };

  return new Plugin<DecorationSet>({
    key: proposalsKey,
    composer,
    state: {
      init: (_config, state) => build(state),
      apply: (tr: Transaction, previous, _old, state) => {
        if (tr.getMeta(proposalsKey) || tr.getMeta(ySyncPluginKey)) return build(state);
        return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
      },
    },
    // Delegations never change the chair's text: only what y-prosemirror brings from the server passes.
    filterTransaction: (tr) => !delegation || !tr.docChanged || Boolean(tr.getMeta(ySyncPluginKey)),
    props: {
      decorations: (state) => proposalsKey.getState(state),
      handleKeyDown: (editorView, event) => {
        if (!composer) return false;
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.shiftKey) return composer.startParagraph(editorView.state);
        if (event.key === "Backspace" && (event.ctrlKey || event.metaKey) && event.shiftKey) return composer.proposeParagraphDeletion(editorView.state);
        if (event.key === "Backspace" || event.key === "Delete") return composer.proposeDeletion(editorView.state);
        if (event.key === "Enter") return true;
        if (isPrintable(event)) return composer.startWords(editorView.state, event.key);
        return false;
      },
      handleTextInput: (editorView, _from, _to, text) => (composer ? composer.startWords(editorView.state, text) : false),
      handlePaste: (editorView, event) => {
        if (!composer) return false;
        const pasted = (event.clipboardData?.getData("text/plain") ?? "").replace(/\s+/g, " ");
        return composer.startWords(editorView.state, pasted);
      },
      handleDrop: () => Boolean(composer),
    },
    view: (editorView) => {
      view = editorView;
      let scheduled = false;
      const onRecords = () => {
        if (scheduled) return;
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          redraw();
        });
      };
      const roots = RECORD_ROOTS.map((root) => context.ydoc.getMap(root));
      for (const root of roots) root.observe(onRecords);
      const stopLanguage = onLanguageChange(onRecords);
      const card = new ProposalCard(editorView.dom as HTMLElement, context);
      return {
        update: (view) => composer?.focusIfWanted(view),
        destroy: () => {
          for (const root of roots) root.unobserve(onRecords);
          stopLanguage();
          card.destroy();
          view = null;
        },
      };
    },
  });
}

