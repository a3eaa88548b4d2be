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

/** The words that warn before anything is sent. */
const IMMUTABLE_WARNING = "A published revision cannot be changed or deleted afterwards; a mistake is corrected by publishing the next one.";

function metaText(doc: Y.Doc, key: MetaKey): string | null {
  const value = doc.getMap<unknown>(TextRoot.meta).get(key);
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** The chair's form. */
export class PublishRevisionForm implements Widget {
  readonly element: HTMLFormElement;
  private readonly label = field("Label", el("input", { type: "text", required: true, maxLength: LIMITS.label.maxLength }), "Pre-draft, Zero draft, Rev.1…");
  private readonly symbol = field("Document symbol (optional)", el("input", { type: "text", maxLength: LIMITS.symbol.maxLength }));
  private readonly date = field("Date it bears", el("input", { type: "date", required: true }));
  private readonly note = field("Note (optional)", el("textarea", { rows: 2, maxLength: LIMITS.note.maxLength }));
  private readonly submit = el("button", { type: "submit", className: "publish-submit", textContent: "Publish…" });
  private readonly confirmation = el("div", { className: "publish-confirm" });
  private readonly status = el("p", { className: "publish-status" });
  private readonly aborter = new AbortController();
  private busy = false;

  constructor(private readonly context: PublishRevisionContext) {
    this.status.setAttribute("role", "status");
    this.confirmation.setAttribute("role", "group");
    this.confirmation.setAttribute("aria-label", "Confirm publishing");
    this.confirmation.hidden = true;
    this.element = el(
      "form",
      { className: "publish-revision", noValidate: true },
      el("h2", { textContent: "Publish a revision" }),
      el("p", { className: "publish-warning", textContent: IMMUTABLE_WARNING }),
      this.label.element,
      this.symbol.element,
      this.date.element,
      this.note.element,
      this.submit,
      this.confirmation,
      this.status,
    );
    this.element.setAttribute("aria-label", "Publish a revision");
    this.element.addEventListener("submit", (event) => {
      event.preventDefault();
      this.confirm();
    });
    this.element.addEventListener("input", () => this.cancelConfirmation());
    this.fill();
  }

  unmount(): void {
    this.aborter.abort();
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
    const problems: Array<[Field<HTMLElement>, string]> = [];
    if (!label) problems.push([this.label, "Give the revision a label (Rev.1, say)."]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push([this.date, "Give the date the revision bears."]);
    for (const [at, message] of problems) at.setError(message);
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
    this.status.textContent = "";
    const title = revisionTitle({ label: body.label, date: body.date! });
    const yes = button(`Publish ${body.label}`, () => void this.publish(body), "publish-confirm-yes");
    const no = button("Not yet", () => {
      this.cancelConfirmation();
      this.submit.focus();
    });
    this.confirmation.replaceChildren(el("p", { textContent: `Publish ${title} now? It cannot be changed or deleted afterwards.` }), yes, " ", no);
    this.confirmation.hidden = false;
    this.submit.hidden = true;
    yes.focus();
  }

  private cancelConfirmation(): void {
    if (this.busy || this.confirmation.hidden) return;
    this.confirmation.hidden = true;
    this.confirmation.replaceChildren();
    this.submit.hidden = false;
  }

  private async publish(body: PublishRevisionBody): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.element.setAttribute("aria-busy", "true");
    this.status.textContent = `Publishing ${body.label}…`;
    const answer = await publishRevision(this.context.draftId, body, this.aborter.signal);
    this.busy = false;
    this.element.removeAttribute("aria-busy");
    if (this.aborter.signal.aborted) return;
    this.cancelConfirmation();
    if (!answer.ok) {
      const at: Record<string, Field<HTMLInputElement | HTMLTextAreaElement>> = { label: this.label, symbol: this.symbol, date: this.date, note: this.note };
      const beside = answer.field ? at[answer.field] : undefined;
      this.status.textContent = beside ? "" : answer.message;
      this.status.dataset["failed"] = "true";
      beside?.setError(answer.message);
      (beside?.control ?? this.submit).focus();
      return;
    }
    this.status.dataset["failed"] = "false";
    this.status.textContent = `${body.label} is published.`;
    this.context.onPublished(body.label);
    this.fill(body.label);
    // The confirmation that held the focus is gone; the form's own button keeps it in the form.
    this.submit.focus();
  }
}
