/**
 * The redline in the page: the choice of the two texts (any two revisions, or a revision and the
 * live text), the comparison drawn with its marks said in words, a summary and links to the same
 * redline as a Word file (tracked changes), PDF and HTML. Labelled controls, a status in words.
 */
import { LIVE_TEXT, redlinePath } from "../../shared/appPaths";
import type { RevisionSummary } from "./revisionSummary";
import { button, el, field } from "../desk/dom";
import type { Widget } from "../desk/Widget";
import { redlineElement } from "./redlineElement";
import { defaultRedlinePair } from "./redlinePair";
import { countsWords } from "./redlineWords";
import { revisionTitle } from "./revisionTitle";
import { fetchRedline } from "./revisionsApi";

/** What the view compares and where it leads. */
export interface RedlineViewContext {
  draftId: string;
  /** Published revisions, oldest first. */
  revisions: readonly RevisionSummary[];
  /** "Back to the live text". */
  onBack: () => void;
}

/** The files the redline downloads as, with the words of their links. */
const DOWNLOADS: ReadonlyArray<readonly [format: string, words: string]> = [
  ["docx", "Word (tracked changes)"],
  ["pdf", "PDF"],
  ["html", "HTML"],
];

let views = 0;

/** The redline view. */
export class RedlineView implements Widget {
  readonly element = el("section", { className: "redline-view" });
  private readonly from = field("From", el("select", { className: "redline-from" }));
  private readonly to = field("To", el("select", { className: "redline-to" }));
  private readonly status = el("p", { className: "redline-status" });
  private readonly downloads = el("p", { className: "redline-downloads" });
  private readonly result = el("div", { className: "redline-result" });
  private aborter: AbortController | null = null;

  constructor(private readonly context: RedlineViewContext) {
    const heading = el("h2", { id: `redline-title-${++views}`, textContent: "Compare revisions (redline)" });
    heading.tabIndex = -1;
    this.element.setAttribute("aria-labelledby", heading.id);
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.downloads.hidden = true;
    const newestFirst = [...context.revisions].reverse();
    const name = (revision: RevisionSummary) => revisionTitle(revision);
    this.from.control.append(...newestFirst.map((revision) => new Option(name(revision), revision.id)));
    this.to.control.append(new Option("Live text", LIVE_TEXT), ...newestFirst.map((revision) => new Option(name(revision), revision.id)));
    const form = el("form", { className: "redline-choice" }, this.from.element, this.to.element, el("button", { type: "submit", textContent: "Compare" }));
    form.setAttribute("aria-label", "The texts to compare");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.compare();
    });
    this.element.append(heading, button("Back to the live text", () => context.onBack(), "revision-back"), form, this.status, this.downloads, this.result);
    const pair = defaultRedlinePair(context.revisions);
    if (pair) {
      this.from.control.value = pair.from;
      this.to.control.value = pair.to;
    } else {
      form.hidden = true;
      this.status.textContent = "No revision has been published yet: the redline compares a published revision with another or with the live text.";
    }
  }

  /** Shows the view at the end of `place`, its heading focused, and draws the first comparison. */
  mount(place: HTMLElement): void {
    place.append(this.element);
    this.element.querySelector<HTMLElement>("h2")!.focus();
    if (this.context.revisions.length > 0) void this.compare();
  }

  unmount(): void {
    this.aborter?.abort();
    this.element.remove();
  }

  private labelOf(id: string): string {
    return id === LIVE_TEXT ? "Live text" : (this.context.revisions.find((revision) => revision.id === id)?.label ?? id);
  }

  private async compare(): Promise<void> {
    const from = this.from.control.value;
    const to = this.to.control.value;
    this.to.setError(null);
    if (from === to) {
      this.to.setError("Choose a different text to compare with.");
      this.to.control.focus();
      return;
    }
    this.aborter?.abort();
    const aborter = new AbortController();
    this.aborter = aborter;
    this.element.setAttribute("aria-busy", "true");
    this.status.textContent = `Comparing ${this.labelOf(from)} with ${this.labelOf(to)}…`;
    const answer = await fetchRedline(this.context.draftId, from, to, aborter.signal);
    if (aborter.signal.aborted) return;
    this.element.removeAttribute("aria-busy");
    if (!answer.ok) {
      this.status.textContent = answer.message;
      this.result.replaceChildren();
      this.downloads.hidden = true;
      return;
    }
    const redline = answer.value;
    this.status.textContent = countsWords(redline.from.label, redline.to.label, redline.counts);
    this.result.replaceChildren(redlineElement(redline));
    this.showDownloads(from, to);
  }

  private showDownloads(from: string, to: string): void {
    const links = DOWNLOADS.map(([format, words]) => el("a", { href: redlinePath(this.context.draftId, from, to, format), download: "", textContent: words }));
    this.downloads.replaceChildren("Download this redline: ", ...links.flatMap((link, index) => (index === 0 ? [link] : [" · ", link])));
    this.downloads.hidden = false;
  }
}
