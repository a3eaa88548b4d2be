/**
 * The chair's audit view: who did what to the draft, newest first, with the words — a text change
 * as the paragraph's number today and its words before and after, a record as what it says —
 * filtered by state and by paragraph, a page at a time. A page object: `mount` builds it in a place,
 * `unmount` takes it away and lets go of the document.
 */
import type * as Y from "yjs";
import { readDraftText } from "../../shared/anchors/resolveAnchor";
import { groupEdits, type AuditEntryView, type AuditPage } from "../../shared/audit/auditEntry";
import { auditPath } from "../../shared/appPaths";
import { TextRoot } from "../../shared/documentLayout";
import { revisionBaseline } from "../../shared/revisions/revisionBaseline";
import { request } from "../desk/deskApi";
import { bindStateOptions } from "../desk/statePicker";
import { onLanguageChange, t } from "../i18n/localize";
import { localText, setLocalText } from "../i18n/localizedElements";
import type { MessageKey } from "../i18n/messageKeys";
import { paragraphPlaces } from "../editor/paragraphPlaces";
import { auditEntryElement } from "./describeAuditEntry";

/** What the view reads: the draft's id for the API, its text for paragraph numbers. */
export interface AuditViewContext {
  draftId: string;
  textDoc: Y.Doc;
}

/** Entries asked for per page. */
const PAGE_SIZE = 100;

function option(value: string, text: string | Text): HTMLOptionElement {
  const node = Object.assign(document.createElement("option"), { value });
  node.append(text);
  return node;
}

function labelled(key: MessageKey, control: HTMLElement): HTMLLabelElement {
  const label = document.createElement("label");
  label.className = "audit-filter";
  label.append(localText(key), " ", control);
  return label;
}

/** The audit view of one draft. */
export class AuditView {
  private readonly root = document.createElement("section");
  private readonly stateFilter = document.createElement("select");
  private readonly pidFilter = document.createElement("select");
  private readonly list = document.createElement("ol");
  private readonly status = document.createElement("p");
  private readonly more = document.createElement("button");
  private entries: AuditEntryView[] = [];
  private next: number | null = null;
  /** Counts loads, so an answer to a superseded request is dropped. */
  private generation = 0;
  /** What the status says, formatted again when the language changes. */
  private statusWords: () => string = () => "";
  private stopLanguage: (() => void) | null = null;

  constructor(private readonly context: AuditViewContext) {
    const title = document.createElement("h2");
    title.id = `audit-title-${context.draftId}`;
    setLocalText(title, "audit.auditLog");
    this.root.className = "audit-view";
    this.root.setAttribute("aria-labelledby", title.id);
    this.stateFilter.append(option("", localText("audit.everyone")));
    bindStateOptions(this.stateFilter);
    this.stateFilter.addEventListener("change", () => void this.load());
    this.pidFilter.addEventListener("change", () => void this.load());
    this.pidFilter.addEventListener("focus", () => this.fillParagraphs());
    const refresh = setLocalText(Object.assign(document.createElement("button"), { type: "button" }), "audit.refresh");
    refresh.addEventListener("click", () => void this.load());
    const filters = document.createElement("div");
    filters.className = "audit-filters";
    filters.append(labelled("audit.by", this.stateFilter), labelled("audit.paragraph", this.pidFilter), refresh);
    this.list.className = "audit-entries";
    this.status.className = "audit-status";
    this.status.setAttribute("role", "status");
    Object.assign(this.more, { type: "button", hidden: true });
    setLocalText(this.more, "audit.olderEntries");
    this.more.addEventListener("click", () => void this.load(true));
    this.root.append(title, filters, this.status, this.list, this.more);
  }

  /** Shows the view in `place` and loads the newest entries. */
  mount(place: HTMLElement): void {
    place.append(this.root);
    this.fillParagraphs();
    this.stopLanguage ??= onLanguageChange(() => {
      this.status.textContent = this.statusWords();
      this.fillParagraphs();
      if (this.entries.length > 0) this.render();
    });
    void this.load();
  }

  /** Takes the view away; answers still on their way are dropped. */
  unmount(): void {
    this.generation++;
    this.stopLanguage?.();
    this.stopLanguage = null;
    this.root.remove();
  }

  /** The paragraph choices, from the text as it is now. */
  private fillParagraphs(): void {
    const chosen = this.pidFilter.value;
    const places = [...this.places().values()].sort((a, b) => a.index - b.index);
    this.pidFilter.replaceChildren(option("", localText("audit.allParagraphs")), ...places.map((place) => option(place.pid, place.name)));
    this.pidFilter.value = places.some((place) => place.pid === chosen) ? chosen : "";
  }

  private places() {
    return paragraphPlaces(readDraftText(this.context.textDoc.getXmlFragment(TextRoot.content)), revisionBaseline(this.context.textDoc));
  }

  /** Loads the newest page for the filters, or with `older` the page after what is shown. */
  private async load(older = false): Promise<void> {
    const generation = ++this.generation;
    this.say(() => t("common.loading"));
    const url = auditPath(this.context.draftId, {
      state: this.stateFilter.value || undefined,
      pid: this.pidFilter.value || undefined,
      limit: PAGE_SIZE,
      before: older && this.next !== null ? this.next : undefined,
    });
    const answer = await request<AuditPage>(url);
    if (generation !== this.generation) return;
    if (!answer.ok) {
      const message = answer.message;
      this.say(() => message);
      return;
    }
    const page = answer.value;
    this.entries = older ? [...this.entries, ...page.entries] : page.entries;
    this.next = page.next;
    this.render();
  }

  private render(): void {
    const places = this.places();
    const grouped = groupEdits(this.entries);
    this.list.replaceChildren(...grouped.map((entry) => auditEntryElement(entry, places)));
    const count = this.entries.length;
    this.say(() => (grouped.length === 0 ? t("audit.nothingRecorded") : t("audit.entriesCount", { count })));
    this.more.hidden = this.next === null;
  }

  private say(words: () => string): void {
    this.statusWords = words;
    this.status.textContent = words();
  }
}
