/**
 * A paragraph's history in the paragraph panel: a *History* button that opens, below it, every
 * change to the paragraph's words, every proposal and decision on it, agreements, silence
 * procedures (and, for readers of the floor, stances and comments), with its text in each published
 * revision — oldest first, as the story of the paragraph reads, with *Later events* for the next
 * page. A widget: `mount` puts it in a place, `unmount` takes it away and drops answers on their way.
 */
import { paragraphHistoryPath } from "../../shared/appPaths";
import type { HistoryEvent, ParagraphHistoryPage, ParagraphInRevision } from "../../shared/history/paragraphHistory";
import { request } from "../desk/deskApi";
import { onLanguageChange, t } from "../i18n/localize";
import { setLocalAttribute, setLocalText } from "../i18n/localizedElements";
import { historyItemElement } from "./historyItemElement";
import { historyItems } from "./historyItems";

/** Which paragraph, of which draft, and what the panel calls it ("Paragraph 3", in the UI language). */
export interface ParagraphHistoryContext {
  draftId: string;
  pid: string;
  label: string;
}

/** Events asked for per page. */
const PAGE_SIZE = 100;

/** The history button and, once opened, the history of one paragraph. */
export class ParagraphHistoryView {
  private readonly root = document.createElement("div");
  private readonly toggle = document.createElement("button");
  private readonly section = document.createElement("section");
  private readonly list = document.createElement("ol");
  private readonly status = document.createElement("p");
  private readonly more = document.createElement("button");
  private events: HistoryEvent[] = [];
  private revisions: ParagraphInRevision[] = [];
  private next: number | null = null;
  /** Counts loads, so an answer to a superseded request (or after unmount) is dropped. */
  private generation = 0;
  /** What the status says, formatted again when the language changes. */
  private statusWords: () => string = () => "";
  private stopLanguage: (() => void) | null = null;

  constructor(private readonly context: ParagraphHistoryContext) {
    const id = `history-${context.pid}`;
    const title = document.createElement("h3");
    title.id = `${id}-title`;
    setLocalText(title, "history.historyOf", { label: context.label });
    Object.assign(this.toggle, { type: "button", className: "history-toggle" });
    setLocalText(this.toggle, "history.toggle");
    this.toggle.setAttribute("aria-expanded", "false");
    this.toggle.setAttribute("aria-controls", id);
    setLocalAttribute(this.toggle, "aria-label", "history.historyOf", { label: context.label });
    this.toggle.addEventListener("click", () => (this.section.hidden ? this.open() : this.close()));
    Object.assign(this.section, { id, className: "paragraph-history", hidden: true });
    this.section.setAttribute("aria-labelledby", title.id);
    this.list.className = "history-events";
    this.status.className = "history-status";
    this.status.setAttribute("role", "status");
    Object.assign(this.more, { type: "button", className: "history-more", hidden: true });
    setLocalText(this.more, "history.laterEvents");
    this.more.addEventListener("click", () => void this.load(true));
    this.section.append(title, this.status, this.list, this.more);
    this.root.className = "history-place";
    this.root.append(this.toggle, this.section);
  }

  /** Puts the button (history closed) in `place`. */
  mount(place: HTMLElement): void {
    place.append(this.root);
    this.stopLanguage ??= onLanguageChange(() => {
      this.status.textContent = this.statusWords();
      if (!this.section.hidden && this.events.length + this.revisions.length > 0) this.render();
    });
  }

  /** Takes the button and the history away; answers on their way are dropped. */
  unmount(): void {
    this.generation++;
    this.stopLanguage?.();
    this.stopLanguage = null;
    this.root.remove();
  }

  private open(): void {
    this.section.hidden = false;
    this.toggle.setAttribute("aria-expanded", "true");
    void this.load();
  }

  private close(): void {
    this.generation++;
    this.section.hidden = true;
    this.toggle.setAttribute("aria-expanded", "false");
  }

  /** Loads the first page, or with `later` the page after what is shown. */
  private async load(later = false): Promise<void> {
    const generation = ++this.generation;
    this.say(() => t("history.loading"));
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (later && this.next !== null) query.set("after", String(this.next));
    const answer = await request<ParagraphHistoryPage>(`${paragraphHistoryPath(this.context.draftId, this.context.pid)}?${query.toString()}`);
    if (generation !== this.generation) return;
    if (!answer.ok) {
      const message = answer.message;
      this.say(() => message);
      return;
    }
    const page = answer.value;
    this.events = later ? [...this.events, ...page.events] : page.events;
    this.revisions = page.revisions;
    this.next = page.next;
    this.render();
  }

  private render(): void {
    const items = historyItems(this.events, this.revisions, this.next === null);
    this.list.replaceChildren(...items.map(historyItemElement));
    const count = this.events.length;
    const complete = this.next === null;
    this.say(() => (items.length === 0 ? t("history.empty") : t(complete ? "history.countComplete" : "history.countMore", { count })));
    this.more.hidden = complete;
  }

  private say(words: () => string): void {
    this.statusWords = words;
    this.status.textContent = words();
  }
}
