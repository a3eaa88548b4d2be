/**
 * Every proposal of the draft as a list beside the text, with the same actions as the cards, so
 * nothing is reachable only by hovering. For the chair it is the clearing queue: open proposals
 * grouped by paragraph in text order, narrowed by a state filter; for everyone else, the open ones
 * in the order they were made. Then those whose words are gone, then the cleared and withdrawn.
 * Text changes refresh it at most every 2 s (see followRecords.ts).
 */
import { readDraftText } from "../../../shared/anchors/resolveAnchor";
import { TextRoot } from "../../../shared/documentLayout";
import { readProposals, type ProposalView } from "../../../shared/proposals/readProposals";
import { revisionBaseline } from "../../../shared/revisions/revisionBaseline";
import { Role } from "../../../shared/roles";
import { followRecords } from "../followRecords";
import { ENTRY_ATTRIBUTE, replaceKeepingFocus } from "../keepFocus";
import { paragraphPlaces } from "../paragraphPlaces";
import { clearingQueue, type QueueGroup } from "./clearingQueue";
import type { ActionContext } from "./proposalActions";
import { proposalSummary } from "./proposalCard";
import { t } from "../../i18n/localize";
import { localText } from "../../i18n/localizedElements";
import type { MessageKey } from "../../i18n/messageKeys";

/** The list of `views`; `part` tells entries of different parts apart when the focus is kept. */
function entries(part: string, views: ProposalView[], context: ActionContext): HTMLOListElement {
  const list = document.createElement("ol");
  for (const view of views) {
    const item = document.createElement("li");
    item.dataset["key"] = view.key;
    item.setAttribute(ENTRY_ATTRIBUTE, `${part}:${view.key}`);
    item.append(proposalSummary(view, context));
    list.append(item);
  }
  return list;
}

function heading(level: "h2" | "h3", text: string): HTMLElement {
  const element = document.createElement(level);
  element.textContent = text;
  // A heading can take the focus when the entry that held it is gone.
  element.tabIndex = -1;
  return element;
}

/** A part of the list under its heading; `part` names it for keeping the focus, in every language alike. */
function section(part: string, title: MessageKey, views: ProposalView[], context: ActionContext): HTMLElement | null {
  if (views.length === 0) return null;
  const box = document.createElement("section");
  box.append(heading("h2", t(title, { count: views.length })), entries(part, views, context));
  return box;
}

/** One paragraph of the queue: its name, a button that takes the chair there, and its proposals. */
function queueGroup(group: QueueGroup, context: ActionContext, openParagraph: (pid: string) => void): HTMLElement {
  const box = document.createElement("section");
  box.className = "queue-group";
  box.dataset["pid"] = group.place.pid;
  box.setAttribute(ENTRY_ATTRIBUTE, `paragraph:${group.place.pid}`);
  const go = document.createElement("button");
  go.type = "button";
  go.className = "go-to-paragraph";
  go.textContent = group.place.name;
  go.setAttribute("aria-label", t("proposals.goTo", { place: group.place.name }));
  go.addEventListener("click", () => openParagraph(group.place.pid));
  const title = document.createElement("h3");
  title.append(go, " ", t("proposals.groupCount", { count: group.views.length }));
  box.append(title, entries("queue", group.views, context));
  return box;
}

/** The chair's filter: every state with an open proposal, and the one chosen even once it has none. */
function renderFilter(select: HTMLSelectElement, states: readonly string[]): void {
  const chosen = select.value;
  const choices = ["", ...(chosen && !states.includes(chosen) ? [...states, chosen].sort() : states)];
  // Rebuilt only when the choices change: replacing the options would close the list under the chair's pointer.
  const all = t("proposals.allStates");
  if (select.options.length === choices.length && Array.from(select.options, (option) => option.value).join() === choices.join()) {
    // Only the first choice has words, which follow the UI language.
    select.options[0]!.text = all;
    return;
  }
  select.replaceChildren(...choices.map((state) => new Option(state || all, state)));
  select.value = chosen;
}

/**
 * Keeps `panel` listing the proposals of `context.ydoc`; `openParagraph` takes the person to a
 * paragraph of the text. Returns the function that stops it.
 */
export function bindProposalList(panel: HTMLElement, context: ActionContext, openParagraph: (pid: string) => void): () => void {
  const chair = context.author.role === Role.chair;
  const body = document.createElement("div");
  const filter = document.createElement("select");
  filter.className = "queue-filter";
  if (chair) {
    const label = document.createElement("label");
    label.className = "queue-filter-label";
    label.append(localText("proposals.showFrom"), " ", filter);
    panel.replaceChildren(label, body);
  } else {
    panel.replaceChildren(body);
  }

  const render = () => {
    const text = readDraftText(context.ydoc.getXmlFragment(TextRoot.content));
    const views = readProposals(context.ydoc, text);
    let parts: Array<HTMLElement | null>;
    if (chair) {
      const state = filter.value || null;
      const queue = clearingQueue(views, paragraphPlaces(text, revisionBaseline(context.ydoc)), state);
      renderFilter(filter, queue.states);
      const count = queue.groups.reduce((sum, group) => sum + group.views.length, 0);
      const title = heading("h2", state ? t("proposals.clearingQueueOf", { state, count }) : t("proposals.clearingQueue", { count }));
      const queueBox = document.createElement("section");
      queueBox.className = "clearing-queue";
      queueBox.append(title, ...queue.groups.map((group) => queueGroup(group, context, openParagraph)));
      if (count === 0) queueBox.append(Object.assign(document.createElement("p"), { className: "panel-hint", textContent: state ? t("proposals.noneFrom", { state }) : t("proposals.noneOpen") }));
      parts = [queueBox, section("gone", "proposals.sectionGone", queue.orphaned, context), section("closed", "proposals.sectionClosed", queue.closed, context)];
    } else {
      parts = [
        section("open", "proposals.sectionOpen", views.filter((view) => view.open && !view.where.orphaned), context),
        section("gone", "proposals.sectionGone", views.filter((view) => view.open && view.where.orphaned), context),
        section("closed", "proposals.sectionClosed", views.filter((view) => !view.open), context),
      ];
    }
    replaceKeepingFocus(
      body,
      parts.filter((part): part is HTMLElement => part !== null),
      () => body.querySelector<HTMLElement>("h2"),
    );
  };
  const watched = [TextRoot.proposals, TextRoot.supports, TextRoot.decisions].map((root) => context.ydoc.getMap<unknown>(root));
  const follower = followRecords(render, watched, context.ydoc.getXmlFragment(TextRoot.content));
  filter.addEventListener("change", follower.refresh);
  return follower.stop;
}
