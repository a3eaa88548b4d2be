/**
 * The chair's *Publish revision* form: label, document symbol, date and an optional note, filled in
 * with what most likely comes next; then a confirmation that says a published revision cannot be
 * changed or deleted; then the request. A refusal shows beside the field it concerns, or under the
 * form.
 */
import type * as Y from "yjs";
import publishSchema from "../../schemas/rest/publishRevision.schema.json";
import { MetaKey, TextRoot } from "../../shared/documentLayout";
import type { PublishRevisionBody } from "../../shared/revisions/revisionListing";
import { button, el, field, type Field } from "../desk/dom";
import type { Widget } from "../desk/Widget";
import { onLanguageChange, t } from "../i18n/localize";
import { setLocalAttribute, setLocalText } from "../i18n/localizedElements";
import type { MessageKey } from "../i18n/messageKeys";
import { fieldWords } from "./fieldWords";
import { revisionTitle } from "./revisionTitle";
import { publishRevision } from "./revisionsApi";
import { suggestNextRevision } from "./suggestNextRevision";

/** The bounds of what the form sends, from the route's own contract. */
const LIMITS = publishSchema.properties;

/** What the form needs: the draft, its text (for the symbol and revision label in `meta`) and the label published last. */
export interface PublishRevisionContext {
  draftId: string;
  textDoc: Y.Doc;
  latestLabel: () => string | null;
  /** Runs after the server stored the revision. */
  onPublished: (label: string) => void;
}

function metaText(doc: Y.Doc, key: MetaKey): string | null {
  const value = doc.getMap<unknown>(TextRoot.meta).get(key);
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** The chair's form. */
export class PublishRevisionForm implements Widget {
  readonly element: HTMLFormElement;
  private readonly label = fieldWords(field("", el("input", { type: "text", required: true, maxLength: LIMITS.label.maxLength }), " "), "revisions.labelField", "revisions.labelHint");
  private readonly symbol = fieldWords(field("", el("input", { type: "text", maxLength: LIMITS.symbol.maxLength })), "revisions.symbolField");
  private readonly date = fieldWords(field("", el("input", { type: "date", required: true })), "revisions.dateField");
  private readonly note = fieldWords(field("", el("textarea", { rows: 2, maxLength: LIMITS.note.maxLength })), "revisions.noteField");
  private readonly submit = setLocalText(el("button", { type: "submit", className: "publish-submit" }), "revisions.publishEllipsis");
  private readonly confirmation = el("div", { className: "publish-confirm" });
  private readonly status = el("p", { className: "publish-status" });
  private readonly aborter = new AbortController();
  private busy = false;
  /** What the status says, formatted again when the language changes. */
  private statusWords: () => string = () => "";
  /** The confirmation's words, drawn again when the language changes while it is open. */
  private confirming: PublishRevisionBody | null = null;
  /** The form's own complaints beside its fields, said again when the language changes. */
  private complaints: Array<[Field<HTMLElement>, MessageKey]> = [];
  private readonly stopLanguage: () => void;

  constructor(private readonly context: PublishRevisionContext) {
    this.status.setAttribute("role", "status");
    // Labels, symbols and notes are data in any script: each runs its own way whatever the page's direction.
    for (const each of [this.label, this.symbol, this.note]) each.control.dir = "auto";
    this.confirmation.setAttribute("role", "group");
    setLocalAttribute(this.confirmation, "aria-label", "revisions.confirmPublishing");
    this.confirmation.hidden = true;
    this.element = el(
      "form",
      { className: "publish-revision", noValidate: true },
      setLocalText(el("h2"), "revisions.publishARevision"),
      setLocalText(el("p", { className: "publish-warning" }), "revisions.immutableWarning"),
      this.label.element,
      this.symbol.element,
      this.date.element,
      this.note.element,
      this.submit,
      this.confirmation,
      this.status,
    );
    setLocalAttribute(this.element, "aria-label", "revisions.publishARevision");
    this.element.addEventListener("submit", (event) => {
      event.preventDefault();
      this.confirm();
    });
    this.element.addEventListener("input", () => this.cancelConfirmation());
    this.fill();
    this.stopLanguage = onLanguageChange(() => {
      this.status.textContent = this.statusWords();
      for (const [at, key] of this.complaints) at.setError(t(key));
      if (this.confirming && !this.confirmation.hidden) this.showConfirmation(this.confirming, false);
    });
  }

  unmount(): void {
    this.aborter.abort();
    this.stopLanguage();
    this.element.remove();
  }

  /** Puts the likely next revision in the fields: the one after `latest`, by default the one published last. */
  private fill(latest = this.context.latestLabel()): void {
    const suggestion = suggestNextRevision({
      latestLabel: latest,
      metaRevision: metaText(this.context.textDoc, MetaKey.revision),
      metaSymbol: metaText(this.context.textDoc, MetaKey.symbol),
      today: new Date(),
    });
    this.label.control.value = suggestion.label;
    this.symbol.control.value = suggestion.symbol;
    this.date.control.value = suggestion.date;
    this.note.control.value = "";
  }

  /** The body to send, or null after saying beside each field what is missing. */
  private readBody(): PublishRevisionBody | null {
    for (const each of this.fields()) each.setError(null);
    const label = this.label.control.value.trim();
    const date = this.date.control.value;
    const problems: Array<[Field<HTMLElement>, MessageKey]> = [];
    if (!label) problems.push([this.label, "revisions.labelMissing"]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push([this.date, "revisions.dateMissing"]);
    for (const [at, key] of problems) at.setError(t(key));
    this.complaints = problems;
    if (problems.length > 0) {
      problems[0]![0].control.focus();
      return null;
    }
    const body: PublishRevisionBody = { label, date };
    const symbol = this.symbol.control.value.trim();
    const note = this.note.control.value.trim();
    if (symbol) body.symbol = symbol;
    if (note) body.note = note;
    return body;
  }

  private fields(): Array<Field<HTMLInputElement | HTMLTextAreaElement>> {
    return [this.label, this.symbol, this.date, this.note];
  }

  /** Asks once more, saying what cannot be undone. */
  private confirm(): void {
    if (this.busy) return;
    const body = this.readBody();
    if (!body) return;
    this.say(() => "");
    this.showConfirmation(body, true);
  }

  /** The question and its two answers for `body`; `focus` puts the focus on *Publish*. */
  private showConfirmation(body: PublishRevisionBody, focus: boolean): void {
    this.confirming = body;
    const title = revisionTitle({ label: body.label, date: body.date! });
    const yes = button(t("revisions.publishLabel", { label: body.label }), () => void this.publish(body), "publish-confirm-yes");
    const no = button(t("revisions.notYet"), () => {
      this.cancelConfirmation();
      this.submit.focus();
    });
    // Drawn again on a change of language, so the focus, if it was on an answer, goes to the same answer.
    const focused = this.confirmation.contains(document.activeElement) ? [...this.confirmation.querySelectorAll("button")].indexOf(document.activeElement as HTMLButtonElement) : -1;
    this.confirmation.replaceChildren(el("p", { textContent: t("revisions.confirmQuestion", { title }) }), yes, " ", no);
    this.confirmation.hidden = false;
    this.submit.hidden = true;
    if (focus) yes.focus();
    else if (focused >= 0) [yes, no][focused]?.focus();
  }

  private say(words: () => string): void {
    this.statusWords = words;
    this.status.textContent = words();
  }

  private cancelConfirmation(): void {
    if (this.busy || this.confirmation.hidden) return;
    this.confirmation.hidden = true;
    this.confirmation.replaceChildren();
    this.confirming = null;
    this.submit.hidden = false;
  }

  private async publish(body: PublishRevisionBody): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.element.setAttribute("aria-busy", "true");
    this.say(() => t("revisions.publishing", { label: body.label }));
    const answer = await publishRevision(this.context.draftId, body, this.aborter.signal);
    this.busy = false;
    this.element.removeAttribute("aria-busy");
    if (this.aborter.signal.aborted) return;
    this.cancelConfirmation();
    if (!answer.ok) {
      const at: Record<string, Field<HTMLInputElement | HTMLTextAreaElement>> = { label: this.label, symbol: this.symbol, date: this.date, note: this.note };
      const beside = answer.field ? at[answer.field] : undefined;
      const message = beside ? "" : answer.message;
      this.say(() => message);
      this.status.dataset["failed"] = "true";
      beside?.setError(answer.message);
      (beside?.control ?? this.submit).focus();
      return;
    }
    this.status.dataset["failed"] = "false";
    this.say(() => t("revisions.publishedNow", { label: body.label }));
    this.context.onPublished(body.label);
    this.fill(body.label);
    // The confirmation that held the focus is gone; the form's own button keeps it in the form.
    this.submit.focus();
  }
}
