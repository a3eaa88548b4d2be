/**
 * Status badges in the gutter: each numbered paragraph shows its consensus status as the server
 * publishes it in `status` (so observers see it without the `floor` room), and a filter can dim
 * every paragraph a chosen state does not object to. Rebuilt from Yjs on every sync and status change.
 * A delegation's own objection, or its withdrawal, shows at once, marked "not yet counted" until
 * the server has published it (offline, that is until the line is back).
 */
import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, TextSelection, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { ySyncPluginKey } from "y-prosemirror";
import type * as Y from "yjs";
import { ConsensusStatus, StanceKind, type ParagraphStatus, type Stance } from "../../../schemas/records";
import { FloorRoot, TextRoot } from "../../../shared/documentLayout";
import { statusWords } from "./statusWords";
import { onLanguageChange, t, uiLanguage } from "../../i18n/localize";

/** Key of the badges layer; its meta is `{filter}` to change the filter, or true to rebuild. */
export const statusBadgesKey = new PluginKey<BadgeState>("statusBadges");

interface BadgeState {
  decorations: DecorationSet;
  /** A state code: dim paragraphs it does not object to; null shows all. */
  filter: string | null;
}

/** A delegation's own stances, which its page shows before the server has counted them. */
export interface OwnStances {
  state: string;
  floorDoc: Y.Doc;
}

/** A paragraph's status, and whether the page shows its own stance ahead of the server. */
interface ShownStatus {
  status: ParagraphStatus;
  pending: boolean;
}

/** The published status, with the delegation's own objection (or its withdrawal) if the server has not counted it yet. */
function shownStatus(pid: string, status: ParagraphStatus, own: OwnStances | null): ShownStatus {
  if (!own) return { status, pending: false };
  const objects = own.floorDoc.getMap<Stance>(FloorRoot.stances).get(`${own.state}:${pid}`)?.stance === StanceKind.object;
  const counted = (status.objectedBy ?? []).includes(own.state);
  if (objects === counted) return { status, pending: false };
  const objectedBy = objects ? [...(status.objectedBy ?? []), own.state] : (status.objectedBy ?? []).filter((state) => state !== own.state);
  if (objectedBy.length > 0) return { status: { ...status, status: ConsensusStatus.objected, objectedBy }, pending: true };
  // Without objections the paragraph's status depends on what only the server counts: say what changed.
  return { status: { ...status, objectedBy }, pending: true };
}

function badge({ status, pending }: ShownStatus, own: OwnStances | null): HTMLElement {
  const element = document.createElement("span");
  element.className = "status-badge";
  element.contentEditable = "false";
  // The badge speaks the page's language, though it stands in the draft's text. Its direction stays
  // the text's: the stylesheet places it in the gutter at the text's start.
  element.lang = uiLanguage();
  element.dataset["status"] = status.changedSinceAgreed && status.status === ConsensusStatus.open ? "changed" : status.status;
  const objectedBy = status.objectedBy ?? [];
  const withdrawn = pending && !objectedBy.includes(own?.state ?? "");
  // A withdrawal the server has not counted: the others' objections stand; without them, say what changed.
  if (withdrawn) element.textContent = objectedBy.length > 0 ? t("consensus.withdrawalNotYetCounted", { status: statusWords(status) }) : t("consensus.objectionWithdrawnNotYetCounted");
  else element.textContent = pending ? t("consensus.notYetCounted", { status: statusWords(status) }) : statusWords(status);
  if (pending) element.dataset["pending"] = "true";
  return element;
}

function build(doc: PMNode, statuses: Y.Map<ParagraphStatus>, filter: string | null, own: OwnStances | null): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((node, offset) => {
    const pid = node.attrs.pid;
    const published = typeof pid === "string" ? statuses.get(pid) : undefined;
    if (!published) return;
    const shown = shownStatus(pid as string, published, own);
    const status = shown.status;
    const attrs: Record<string, string> = { "data-status": status.status };
    if (filter !== null && !(status.objectedBy ?? []).includes(filter)) attrs.class = "filtered-out";
    decorations.push(Decoration.node(offset, offset + node.nodeSize, attrs));
    decorations.push(Decoration.widget(offset + 1, () => badge(shown, own), { side: -1, key: `badge:${pid}:${uiLanguage()}:${shown.pending}:${JSON.stringify(status)}`, ignoreSelection: true }));
  });
  return DecorationSet.create(doc, decorations);
}

/** Sets (or, with null, clears) the objection filter of `view`. */
export function setObjectionFilter(view: EditorView, state: string | null): void {
  view.dispatch(view.state.tr.setMeta(statusBadgesKey, { filter: state }));
}

/** The filter in force in `state`. */
export function objectionFilter(state: EditorState): string | null {
  return statusBadgesKey.getState(state)?.filter ?? null;
}

/** The badges plugin, reading `status` of the `text` room `ydoc`, and a delegation's own stances. */
export function statusBadgesPlugin(ydoc: Y.Doc, own: OwnStances | null = null): Plugin<BadgeState> {
  const statuses = ydoc.getMap<ParagraphStatus>(TextRoot.status);
  const ownStances = own?.floorDoc.getMap<Stance>(FloorRoot.stances) ?? null;
  return new Plugin<BadgeState>({
    key: statusBadgesKey,
    state: {
      init: (_config, state) => ({ decorations: build(state.doc, statuses, null, own), filter: null }),
      apply: (tr, previous, _old, state) => {
        const meta = tr.getMeta(statusBadgesKey) as { filter: string | null } | true | undefined;
        const filter = meta && meta !== true ? meta.filter : previous.filter;
        if (meta !== undefined || tr.getMeta(ySyncPluginKey)) return { decorations: build(state.doc, statuses, filter, own), filter };
        return tr.docChanged ? { decorations: previous.decorations.map(tr.mapping, tr.doc), filter } : previous;
      },
    },
    props: {
      decorations: (state) => statusBadgesKey.getState(state)?.decorations,
    },
    view: (view) => {
      let scheduled = false;
      const onStatus = () => {
        if (scheduled) return;
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(statusBadgesKey, true));
        });
      };
      statuses.observe(onStatus);
      ownStances?.observe(onStatus);
      // The badges' words are in the UI language, which is part of each badge's key: a switch draws them anew.
      const stopLanguage = onLanguageChange(onStatus);
      // A badge opens its paragraph in the panel: the caret goes there and the panel takes the focus.
      const onClick = (event: MouseEvent) => {
        const target = (event.target as HTMLElement).closest?.(".status-badge");
        if (!target) return;
        event.preventDefault();
        const pos = view.posAtDOM(target, 0);
        view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos))));
        requestAnimationFrame(() => document.querySelector<HTMLElement>(".paragraph-panel fieldset input:checked, .paragraph-panel button:not([disabled])")?.focus());
      };
      view.dom.addEventListener("mousedown", onClick);
      return {
        destroy: () => {
          statuses.unobserve(onStatus);
          ownStances?.unobserve(onStatus);
          stopLanguage();
          view.dom.removeEventListener("mousedown", onClick);
        },
      };
    },
  });
}
