/**
 * The card for a bracket under the pointer or the keyboard focus: who proposed it and who
 * co-sponsors it, when, what it does, where it stands, and the actions the person may take.
 */
import { readProposals, type ProposalView } from "../../../shared/proposals/readProposals";
import { proposalSourceLink } from "../../contributions/proposalSourceLink";
import { BracketClass } from "./bracketDecorations";
import { bracketName, describeChange, describeStatus, formatTime } from "./describeProposal";
import { proposalActions, type ActionContext } from "./proposalActions";
import { onLanguageChange, t } from "../../i18n/localize";

/** How long the card stays after the pointer leaves, so it can be reached. */
const HIDE_DELAY_MS = 400;

/** Builds the body of a card or list entry for one proposal. */
export function proposalSummary(view: ProposalView, context: ActionContext): HTMLElement {
  const box = document.createElement("div");
  box.className = "proposal-summary";
  const title = document.createElement("strong");
  title.textContent = bracketName(view);
  const change = document.createElement("p");
  change.textContent = describeChange(view);
  const meta = document.createElement("p");
  meta.className = "proposal-meta";
  const values = { state: view.state, time: formatTime(view.record.createdAt), sponsors: view.sponsors.join(", "), status: describeStatus(view) };
  meta.textContent = view.record.updatedAt ? t("proposals.metaChanged", { ...values, changed: formatTime(view.record.updatedAt) }) : t("proposals.meta", values);
  const actions = document.createElement("div");
  actions.className = "proposal-actions";
  for (const action of proposalActions(view, context)) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = action.label;
    button.addEventListener("click", action.run);
    actions.append(button);
  }
  box.append(title, change, meta);
  const source = proposalSourceLink(view.record);
  if (source) box.append(source);
  if (actions.childElementCount > 0) box.append(actions);
  return box;
}

/** The floating card of one editor. */
export class ProposalCard {
  private readonly card: HTMLElement;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private shownFor: HTMLElement | null = null;
  private readonly stopLanguage: () => void;

  constructor(
    private readonly editor: HTMLElement,
    private readonly context: ActionContext,
  ) {
    this.card = document.createElement("div");
    this.card.className = "proposal-card";
    this.card.setAttribute("role", "dialog");
    this.card.hidden = true;
    editor.parentElement!.append(this.card);
    editor.addEventListener("mouseover", this.onEnter);
    editor.addEventListener("focusin", this.onEnter);
    editor.addEventListener("mouseout", this.onLeave);
    editor.addEventListener("keydown", this.onChipKey, true);
    this.card.addEventListener("mouseenter", this.cancelHide);
    this.card.addEventListener("mouseleave", this.onLeave);
    this.card.addEventListener("keydown", this.onCardKey);
    // The brackets are drawn again in the new language, so the bracket this card was shown for is gone.
    this.stopLanguage = onLanguageChange(() => this.hide());
  }

  private readonly onEnter = (event: Event) => {
    const chip = (event.target as HTMLElement).closest?.(`.${BracketClass.proposal}`) as HTMLElement | null;
    if (!chip) return;
    this.cancelHide();
    this.show(chip);
  };

  private readonly onLeave = () => {
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  };

  private readonly cancelHide = () => {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  };

  /** Enter on a focused bracket moves into its card's actions. */
  private readonly onChipKey = (event: KeyboardEvent) => {
    const chip = (event.target as HTMLElement).closest?.(`.${BracketClass.proposal}`);
    if (!chip || event.key !== "Enter") return;
    event.preventDefault();
    event.stopPropagation();
    this.card.querySelector("button")?.focus();
  };

  private readonly onCardKey = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    const chip = this.shownFor;
    this.hide();
    chip?.focus();
  };

  private show(chip: HTMLElement): void {
    const view = readProposals(this.context.ydoc).find((candidate) => candidate.key === chip.dataset["key"]);
    if (!view) return;
    this.shownFor = chip;
    this.card.replaceChildren(proposalSummary(view, this.context));
    this.card.dataset["key"] = view.key;
    const host = this.card.offsetParent?.getBoundingClientRect() ?? { left: 0, right: 0, top: 0 };
    const box = chip.getBoundingClientRect();
    // Under the chip from where its words start: its right edge in right-to-left text.
    const rightToLeft = getComputedStyle(chip).direction === "rtl";
    this.card.style.left = rightToLeft ? "" : `${Math.max(0, box.left - host.left)}px`;
    this.card.style.right = rightToLeft ? `${Math.max(0, host.right - box.right)}px` : "";
    this.card.style.top = `${box.bottom - host.top + 4}px`;
    this.card.hidden = false;
    // Clicking an action changes the records; the card closes so it never shows a stale state.
    for (const button of Array.from(this.card.querySelectorAll("button"))) button.addEventListener("click", () => this.hide());
  }

  private hide(): void {
    this.card.hidden = true;
    this.shownFor = null;
    delete this.card.dataset["key"];
  }

  destroy(): void {
    this.cancelHide();
    this.stopLanguage();
    this.editor.removeEventListener("mouseover", this.onEnter);
    this.editor.removeEventListener("focusin", this.onEnter);
    this.editor.removeEventListener("mouseout", this.onLeave);
    this.editor.removeEventListener("keydown", this.onChipKey, true);
    this.card.remove();
  }
}
