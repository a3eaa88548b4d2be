/**
 * The secretariat's *New draft* form: blank, or from a file (Word .docx, Markdown, plain text, text
 * copied from a PDF) whose import is previewed before anything is created; then the draft's title,
 * document symbol, language, revision label and least silence notice, and who chairs it. Every
 * field is labelled, and a refusal shows beside the field it concerns.
 */
import metaSchema from "../../schemas/records/meta.schema.json";
import { DRAFTS_ROUTE } from "../../shared/appPaths";
import { DEFAULT_SILENCE_NOTICE_HOURS } from "../../shared/consensus/silenceProcedure";
import { DRAFT_FIELDS_PART, DRAFT_FILE_PART, FILE_NAME_HEADER, IMPORT_PREVIEW_ROUTE, MAX_UPLOAD_BYTES, type ImportPreview } from "../../shared/importPreview";
import { UN_LANGUAGES } from "../../shared/languages";
import { request, sendJson, type Answer } from "./deskApi";
import { el, field, select, type Field } from "./dom";
import { importPreviewView } from "./importPreviewView";
import { invitationCard } from "./invitationCard";
import type { Widget } from "./Widget";

/** What the server answers for a created draft. */
interface Created {
  draft: { id: string; title: string; symbol: string | null };
  chair: { name: string; signInPath: string | null };
}

const NOTICE = metaSchema.properties.silenceNoticeHours;

/** File types the form offers to import. */
const ACCEPTED = ".docx,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain";

function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toString()} MB`;
}

function radio(name: string, value: string, words: string, checked = false): HTMLLabelElement {
  return el("label", { className: "choice" }, el("input", { type: "radio", name, value, checked }), ` ${words}`);
}

/** The form; `onCreated` runs after a draft was created (the page lists it). */
export class NewDraftForm implements Widget {
  readonly element: HTMLFormElement;
  private readonly file = field("File to import", el("input", { type: "file", accept: ACCEPTED }), "Word (.docx), Markdown (.md) or plain text (.txt, or text copied from a PDF), up to 10 MB.");
  private readonly title = field("Title", el("input", { type: "text", required: true, maxLength: metaSchema.properties.title.maxLength }));
  private readonly symbol = field("Document symbol (optional)", el("input", { type: "text", maxLength: metaSchema.properties.symbol.maxLength, placeholder: "A/AC.292/2025/CRP.1" }));
  private readonly language = field("Language of the text", select(UN_LANGUAGES.map((language) => [language.code, `${language.name} (${language.nativeName})`] as const), "en"));
  private readonly revision = field("Revision label (optional)", el("input", { type: "text", maxLength: metaSchema.properties.revision.maxLength, placeholder: "Zero draft" }));
  private readonly notice = field(
    "Least silence notice, in hours",
    el("input", { type: "number", min: String(NOTICE.minimum), max: String(NOTICE.maximum), step: "1", value: String(DEFAULT_SILENCE_NOTICE_HOURS) }),
    `The chair cannot start a silence procedure with less notice (${DEFAULT_SILENCE_NOTICE_HOURS} hours at the UN).`,
  );
  private readonly chairName = field("Name of the chair to invite", el("input", { type: "text", maxLength: 120 }));
  private readonly sourceChoice = el("fieldset", { className: "source-choice" }, el("legend", { textContent: "Start from" }), radio("source", "blank", "A blank draft", true), radio("source", "file", "A file"));
  private readonly chairChoice = el("fieldset", { className: "chair-choice" }, el("legend", { textContent: "Chair" }), radio("chair", "me", "I chair this draft", true), radio("chair", "other", "Invite another chair"));
  private readonly previewPlace = el("div", { className: "preview-place" });
  private readonly result = el("div", { className: "new-draft-result" });
  private readonly status = el("p", { className: "new-draft-status" });
  private readonly submit = el("button", { type: "submit", textContent: "Create draft" });
  private readonly aborter = new AbortController();
  private preview: { file: File; widget: Widget } | null = null;
  private created: Widget | null = null;
  /** The title the last preview filled in, so a title the person typed is never overwritten. */
  private filledTitle = "";

  constructor(private readonly onCreated: () => void) {
    this.status.setAttribute("role", "status");
    this.element = el(
      "form",
      { className: "new-draft-form", noValidate: true },
      this.sourceChoice,
      this.file.element,
      this.previewPlace,
      this.title.element,
      this.symbol.element,
      this.language.element,
      this.revision.element,
      this.notice.element,
      this.chairChoice,
      this.chairName.element,
      this.submit,
      this.status,
      this.result,
    );
    this.element.setAttribute("aria-label", "New draft");
    this.sourceChoice.addEventListener("change", () => this.showChoices());
    this.chairChoice.addEventListener("change", () => this.showChoices());
    this.file.control.addEventListener("change", () => void this.previewFile());
    this.element.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.create();
    });
    this.showChoices();
  }

  unmount(): void {
    this.aborter.abort();
    this.preview?.widget.unmount();
    this.created?.unmount();
    this.element.remove();
  }

  private choice(fieldset: HTMLFieldSetElement): string {
    return fieldset.querySelector<HTMLInputElement>("input:checked")?.value ?? "";
  }

  private fromFile(): boolean {
    return this.choice(this.sourceChoice) === "file";
  }

  private showChoices(): void {
    this.file.element.hidden = !this.fromFile();
    this.previewPlace.hidden = !this.fromFile();
    this.chairName.element.hidden = this.choice(this.chairChoice) !== "other";
  }

  private clearPreview(): void {
    this.preview?.widget.unmount();
    this.preview = null;
  }

  private async previewFile(): Promise<void> {
    this.clearPreview();
    this.file.setError(null);
    const chosen = this.file.control.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_UPLOAD_BYTES) {
      this.file.setError(`The file is ${megabytes(chosen.size)}; the largest accepted is ${megabytes(MAX_UPLOAD_BYTES)}.`);
      return;
    }
    this.status.textContent = `Reading ${chosen.name}…`;
    const answer = await request<{ preview: ImportPreview }>(
      IMPORT_PREVIEW_ROUTE,
      { method: "POST", headers: { "content-type": "application/octet-stream", [FILE_NAME_HEADER]: encodeURIComponent(chosen.name) }, body: chosen },
      this.aborter.signal,
    );
    if (this.file.control.files?.[0] !== chosen) return;
    this.status.textContent = "";
    if (!answer.ok) {
      this.file.setError(answer.message);
      return;
    }
    const widget = importPreviewView(answer.value.preview);
    this.preview = { file: chosen, widget };
    this.previewPlace.replaceChildren(widget.element);
    const found = answer.value.preview.title;
    if (found && (this.title.control.value === "" || this.title.control.value === this.filledTitle)) {
      this.title.control.value = found.slice(0, metaSchema.properties.title.maxLength);
      this.filledTitle = this.title.control.value;
    }
  }

  /** The fields as the server's contract names them, or null after showing what is missing beside its field. */
  private readFields(): Record<string, string | number> | null {
    for (const each of [this.file, this.title, this.notice, this.chairName] as Array<Field<HTMLInputElement>>) each.setError(null);
    const problems: Array<[Field<HTMLInputElement>, string]> = [];
    const title = this.title.control.value.trim();
    if (title === "") problems.push([this.title, "Give the draft a title."]);
    if (this.fromFile() && !this.preview) problems.push([this.file, "Choose a file and check its preview first."]);
    const hours = Number(this.notice.control.value);
    if (this.notice.control.value === "" || !Number.isInteger(hours) || hours < NOTICE.minimum || hours > NOTICE.maximum) {
      problems.push([this.notice, `A whole number of hours from ${NOTICE.minimum} to ${NOTICE.maximum}.`]);
    }
    const other = this.choice(this.chairChoice) === "other";
    if (other && this.chairName.control.value.trim() === "") problems.push([this.chairName, "Name the chair to invite."]);
    for (const [at, message] of problems) at.setError(message);
    if (problems.length > 0) {
      problems[0]![0].control.focus();
      return null;
    }
    const fields: Record<string, string | number> = { title, language: this.language.control.value, silenceNoticeHours: hours };
    if (this.symbol.control.value.trim()) fields["symbol"] = this.symbol.control.value.trim();
    if (this.revision.control.value.trim()) fields["revision"] = this.revision.control.value.trim();
    if (other) fields["chairName"] = this.chairName.control.value.trim();
    return fields;
  }

  private send(fields: Record<string, string | number>): Promise<Answer<Created>> {
    if (!this.fromFile() || !this.preview) return sendJson<Created>(DRAFTS_ROUTE, "POST", fields, this.aborter.signal);
    const form = new FormData();
    form.append(DRAFT_FIELDS_PART, JSON.stringify(fields));
    form.append(DRAFT_FILE_PART, this.preview.file, this.preview.file.name);
    return request<Created>(DRAFTS_ROUTE, { method: "POST", body: form }, this.aborter.signal);
  }

  private async create(): Promise<void> {
    const fields = this.readFields();
    if (!fields) return;
    this.submit.disabled = true;
    this.status.textContent = "Creating the draft…";
    const answer = await this.send(fields);
    this.submit.disabled = false;
    if (!answer.ok) {
      const at: Record<string, Field<HTMLInputElement | HTMLSelectElement>> = { title: this.title, symbol: this.symbol, revision: this.revision, language: this.language, silenceNoticeHours: this.notice, chairName: this.chairName };
      const beside = answer.field ? at[answer.field] : this.fromFile() ? this.file : undefined;
      this.status.textContent = beside ? "" : answer.message;
      beside?.setError(answer.message);
      beside?.control.focus();
      return;
    }
    this.showCreated(answer.value);
    this.reset();
    this.onCreated();
  }

  /** Clears what belonged to the draft just created, so the next one starts afresh. */
  private reset(): void {
    this.clearPreview();
    this.file.control.value = "";
    for (const each of [this.title, this.symbol, this.revision, this.chairName]) each.control.value = "";
    this.filledTitle = "";
  }

  private showCreated({ draft, chair }: Created): void {
    this.created?.unmount();
    const open = el("a", { href: `/d/${encodeURIComponent(draft.id)}`, textContent: "Open the draft" });
    const element = el("div", { className: "created" }, el("p", { className: "created-words" }, `Created “${draft.title}”. `, ...(chair.signInPath ? [] : [open])));
    let card: Widget | null = null;
    if (chair.signInPath) {
      card = invitationCard({ who: `${chair.name} (Chair)`, draftTitle: draft.title, draftSymbol: draft.symbol, link: `${location.origin}${chair.signInPath}` });
      element.append(card.element);
    }
    this.status.textContent = `Created “${draft.title}”.`;
    this.created = { element, unmount: () => (card?.unmount(), element.remove()) };
    this.result.replaceChildren(element);
  }
}
