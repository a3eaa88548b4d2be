/**
 * Every proposal of the draft as a list beside the text: open ones in the order they were made,
 * then those whose words are gone, then the cleared and withdrawn — with the same actions as the
 * cards, so nothing is reachable only by hovering.
 */
import { TextRoot } from "../../../shared/documentLayout";
import { readProposals, type ProposalView } from "../../../shared/proposals/readProposals";
import type { ActionContext } from "./proposalActions";
import { proposalSummary } from "./proposalCard";

/** The longest the list lags behind the text (it follows the proposal records at once). */
const TEXT_REFRESH_MS = 2000;

function section(title: string, views: ProposalView[], context: ActionContext): HTMLElement | null {
  if (views.length === 0) return null;
  const box = document.createElement("section");
  const heading = document.createElement("h2");
  heading.textContent = `${title} (${views.length})`;
  const list = document.createElement("ol");
  for (const view of views) {
    const item = document.createElement("li");
    item.dataset["key"] = view.key;
    item.append(proposalSummary(view, context));
    list.append(item);
  }
  box.append(heading, list);
  return box;
}

/** Keeps `panel` listing the proposals of `context.ydoc`; returns the function that stops it. */
export function bindProposalList(panel: HTMLElement, context: ActionContext): () => void {
  let frame = 0;
  const render = () => {
    frame = 0;
    const views = readProposals(context.ydoc);
    const open = views.filter((view) => view.open && !view.where.orphaned);
    const orphaned = views.filter((view) => view.open && view.where.orphaned);
    const closed = views.filter((view) => !view.open);
    const parts = [
      section("Open proposals", open, context),
      section("Proposals whose words are gone", orphaned, context),
      section("Cleared and withdrawn", closed, context),
    ].filter((part): part is HTMLElement => part !== null);
    panel.replaceChildren(...parts);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  // Typing changes where proposals stand only now and then (an orphan); re-reading 500 proposals
  // on every keystroke would cost the typist, so text changes refresh the list at most every 2 s.
  let textTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleForText = () => {
    textTimer ??= setTimeout(() => {
      textTimer = null;
      schedule();
    }, TEXT_REFRESH_MS);
  };
  const watched = [TextRoot.proposals, TextRoot.supports, TextRoot.decisions].map((root) => context.ydoc.getMap(root));
  const fragment = context.ydoc.getXmlFragment(TextRoot.content);
  for (const type of watched) type.observe(schedule);
  fragment.observeDeep(scheduleForText);
  render();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    if (textTimer) clearTimeout(textTimer);
    for (const type of watched) type.unobserve(schedule);
    fragment.unobserveDeep(scheduleForText);
  };
}
