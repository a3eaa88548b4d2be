/**
 * The redline in the page: the choice of the two texts (any two revisions, or a revision and the
 * live text), the comparison drawn with its marks said in words, a summary and links to the same
 * redline as a Word file (tracked changes), PDF and HTML. Labelled controls, a status in words, all
 * in the UI language: a change of language draws the words again, the comparison included.
 */
import { LIVE_TEXT, redlinePath } from "../../shared/appPaths";
import type { Redline } from "../../shared/revisions/redlineModel";
import type { RevisionSummary } from "./revisionSummary";
import { button, el, field } from "../desk/dom";
import type { Widget } from "../desk/Widget";
import { onLanguageChange, t } from "../i18n/localize";
import { localText, setLocalAttribute, setLocalText } from "../i18n/localizedElements";
import type { MessageKey } from "../i18n/messageKeys";
import { fieldWords } from "./fieldWords";
import { redlineElement } from "./redlineElement";
import { defaultRedlinePair } from "./redlinePair";
import { countsWords, sideName } from "./redlineWords";
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
const DOWNLOADS: ReadonlyArray<readonly [format: string, words: MessageKey]> = [
  ["docx", "revisions.wordTracked"],
  ["pdf", "revisions.pdf"],
  ["html", "revisions.html"],
];

let views = 0;

/** The redline view. */
export class RedlineView implements Widget {
  readonly element = el("section", { className: "redline-view" });
  private readonly from = fieldWords(field("", el("select", { className: "redline-from" })), "revisions.from");
  private readonly to = fieldWords(field("", el("select", { className: "redline-to" })), "revisions.to");
  private readonly status = el("p", { className: "redline-status" });
  private readonly downloads = el("p", { className: "redline-downloads" });
  private readonly result = el("div", { className: "redline-result" });
  private aborter: AbortController | null = null;
  /** What the status says, formatted again when the language changes. */
  private statusWords: () => string = () => "";
  /** The comparison shown, drawn again when the language changes. */
  private shown: Redline | null = null;
  private readonly stopLanguage: () => void;
  /** Whether the view is saying, beside *To*, that the two texts are the same one. */
  private sameText = false;

  constructor(private readonly context: RedlineViewContext) {
    const heading = setLocalText(el("h2", { id: `redline-title-${++views}` }), "revisions.redlineTitle");
    heading.tabIndex = -1;
    this.element.setAttribute("aria-labelledby", heading.id);
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.downloads.hidden = true;
    const newestFirst = [...context.revisions].reverse();
    const option = (revision: RevisionSummary) => new Option(revisionTitle(revision), revision.id);
    this.from.control.append(...newestFirst.map(option));
    this.to.control.append(setLocalText(new Option("", LIVE_TEXT), "revisions.liveText"), ...newestFirst.map(option));
    const form = el("form", { className: "redline-choice" }, this.from.element, this.to.element, setLocalText(el("button", { type: "submit" }), "revisions.compare"));
    setLocalAttribute(form, "aria-label", "revisions.textsToCompare");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.compare();
    });
    this.element.append(heading, setLocalText(button("", () => context.onBack(), "revision-back"), "revisions.backToLive"), form, this.status, this.downloads, this.result);
    const pair = defaultRedlinePair(context.revisions);
    if (pair) {
      this.from.control.value = pair.from;
      this.to.control.value = pair.to;
    } else {
      form.hidden = true;
      this.say(() => t("revisions.nothingToCompare"));
    }
    this.stopLanguage = onLanguageChange(() => this.renderWords());
  }

  /** Shows the view at the end of `place`, its heading focused, and draws the first comparison. */
  mount(place: HTMLElement): void {
    place.append(this.element);
    this.element.querySelector<HTMLElement>("h2")!.focus();
    if (this.context.revisions.length > 0) void this.compare();
  }

  unmount(): void {
    this.aborter?.abort();
    this.stopLanguage();
    this.element.remove();
  }

  private say(words: () => string): void {
    this.statusWords = words;
    this.status.textContent = words();
  }

  /** The words that depend on the language and not on bound keys: the revisions' dates, the status, the comparison. */
  private renderWords(): void {
    for (const select of [this.from.control, this.to.control]) {
      for (const option of select.options) {
        const revision = this.context.revisions.find((each) => each.id === option.value);
        if (revision) option.text = revisionTitle(revision);
      }
    }
    this.status.textContent = this.statusWords();
    if (this.sameText) this.to.setError(t("revisions.sameText"));
    if (this.shown) this.result.replaceChildren(redlineElement(this.shown));
  }

  private labelOf(id: string): string {
    return id === LIVE_TEXT ? t("revisions.liveText") : (this.context.revisions.find((revision) => revision.id === id)?.label ?? id);
  }

  private async compare(): Promise<void> {
    const from = this.from.control.value;
    const to = this.to.control.value;
    this.to.setError(null);
    this.sameText = from === to;
    if (this.sameText) {
      this.to.setError(t("revisions.sameText"));
      this.to.control.focus();
      return;
    }
    this.aborter?.abort();
    const aborter = new AbortController();
    this.aborter = aborter;
    this.element.setAttribute("aria-busy", "true");
    this.say(() => t("revisions.comparing", { from: this.labelOf(from), to: this.labelOf(to) }));
    const answer = await fetchRedline(this.context.draftId, from, to, aborter.signal);
    if (aborter.signal.aborted) return;
    this.element.removeAttribute("aria-busy");
    if (!answer.ok) {
      this.say(() => answer.message);
      this.shown = null;
      this.result.replaceChildren();
      this.downloads.hidden = true;
      return;
    }
    const redline = answer.value;
    this.say(() => countsWords(sideName(redline.from), sideName(redline.to), redline.counts));
    this.shown = redline;
    this.result.replaceChildren(redlineElement(redline));
    this.showDownloads(from, to);
  }

  private showDownloads(from: string, to: string): void {
    const links = DOWNLOADS.map(([format, words]) => el("a", { href: redlinePath(this.context.draftId, from, to, format), download: "" }, localText(words)));
    this.downloads.replaceChildren(localText("revisions.downloadRedline"), " ", ...links.flatMap((link, index) => (index === 0 ? [link] : [" · ", link])));
    this.downloads.hidden = false;
  }
}
