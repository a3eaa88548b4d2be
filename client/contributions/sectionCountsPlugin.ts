/**
 * The count of written contributions at each section heading of the text that has any: a small
 * button at the heading's end that opens that section's contributions beside the text. A widget
 * decoration, so the chair's text itself never holds it.
 */
import { Plugin, PluginKey } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { Decoration, DecorationSet } from "prosemirror-view";
import { BlockType } from "../../shared/schema";
import { t } from "../i18n/localize";

/** The plugin's key; a transaction with this meta set redraws the counts. */
export const sectionCountsKey = new PluginKey("contributionCounts");

/** What the counts come from: the contributions on a heading's section, and what opening one does. */
export interface SectionCounts {
  count(headingPid: string): number;
  open(headingPid: string): void;
}

function countButton(pid: string, count: number, title: string, counts: SectionCounts): HTMLElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "section-contributions";
  button.contentEditable = "false";
  button.dataset["pid"] = pid;
  button.textContent = t("contributions.sectionCount", { count });
  // A title, not an aria-label: the name a screen reader speaks must hold the words shown (WCAG 2.5.3).
  button.title = t("contributions.sectionCountLabel", { count, section: title });
  button.addEventListener("mousedown", (event) => event.preventDefault());
  button.addEventListener("click", () => counts.open(pid));
  return button;
}

/** The plugin that shows `counts` at the headings. */
export function sectionCountsPlugin(counts: SectionCounts): Plugin {
  return new Plugin({
    key: sectionCountsKey,
    props: {
      decorations(state) {
        const widgets: Decoration[] = [];
        state.doc.forEach((node, offset) => {
          const pid = node.attrs.pid as unknown;
          if (node.type.name !== BlockType.heading || typeof pid !== "string") return;
          const count = counts.count(pid);
          if (count === 0) return;
          const title = node.textContent;
          widgets.push(Decoration.widget(offset + node.nodeSize - 1, () => countButton(pid, count, title, counts), { side: 1, key: `contributions-${pid}-${count}-${title}`, ignoreSelection: true }));
        });
        return DecorationSet.create(state.doc, widgets);
      },
    },
  });
}

/** Adds the plugin to a running editor; returns what redraws the counts after the contributions change, and what removes them. */
export function addSectionCounts(view: EditorView, counts: SectionCounts): { redraw: () => void; remove: () => void } {
  const plugin = sectionCountsPlugin(counts);
  view.updateState(view.state.reconfigure({ plugins: [...view.state.plugins, plugin] }));
  return {
    redraw: () => {
      if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(sectionCountsKey, true).setMeta("addToHistory", false));
    },
    remove: () => {
      if (!view.isDestroyed) view.updateState(view.state.reconfigure({ plugins: view.state.plugins.filter((each) => each !== plugin) }));
    },
  };
}
