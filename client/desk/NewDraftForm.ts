/**
 * The secretariat's *New draft* form: blank, or from a file (Word .docx, Markdown, plain text, text
 * copied from a PDF) whose import is previewed before anything is created; then the draft's title,
 * document symbol, language, revision label and least silence notice, and who chairs it. Every
 * field is labelled, and a refusal shows beside the field it concerns. The draft's languages are
 * named in the UI language, and named again when it changes.
 */
import metaSchema from "../../schemas/records/meta.schema.json";
import { languageName } from "../../shared/languageName";
import { DRAFTS_ROUTE } from "../../shared/appPaths";
import { DEFAULT_SILENCE_NOTICE_HOURS } from "../../shared/consensus/silenceProcedure";
import { DRAFT_FIELDS_PART, DRAFT_FILE_PART, FILE_NAME_HEADER, IMPORT_PREVIEW_ROUTE, MAX_UPLOAD_BYTES, type ImportPreview } from "../../shared/importPreview";
import { UN_LANGUAGES } from "../../shared/languages";
import { Role } from "../../shared/roles";
import { onLanguageChange, t, uiLanguage } from "../i18n/localize";
import { localText, setLocalAttribute } from "../i18n/localizedElements";
import { request, sendJson, type Answer } from "./deskApi";
import { el, field, select, type Field } from "./dom";
import { importPreviewView } from "./importPreviewView";
import { invitationCard } from "./invitationCard";
import { roleLabel } from "./roleWords";
import type { Widget } from "./Widget";

/** What the server answers for a created draft. */
interface Created {
  draft: { id: string; title: string; symbol: string | null };
  chair: { name: string; signInPath: string | null };
}

const NOTICE = metaSchema.properties.silenceNoticeHours;

/** File types the form offers to import. */
const ACCEPTED = ".docx,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain";

/** A size in megabytes, rounded up to a tenth, for a message that formats it as a number. */
function megabytes(bytes: number): number {
  return Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
}

function radio(name: string, value: string, words: Text, checked = false): HTMLLabelElement {
  return el("label", { className: "choice" }, el("input", { type: "radio", name, value, checked }), " ", words);
}

/** Each of the six languages a draft may be written in, named in the UI language: "Spanish", "espagnol". */
function languageChoices(): Array<readonly [string, string]> {
  return UN_LANGUAGES.map((language) => [language.code, languageName(language.code, uiLanguage())] as const);
}

/** The form; `onCreated` runs after a draft was created (the page lists it). */
export class NewDraftForm implements Widget {
  readonly element: HTMLFormElement;
  private readonly file = field(localText("desk.fileToImport"), el("input", { type: "file", accept: ACCEPTED }), localText("desk.fileHint", { megabytes: megabytes(MAX_UPLOAD_BYTES) }));
  private readonly title = field(localText("desk.title"), el("input", { type: "text", required: true, maxLength: metaSchema.properties.title.maxLength }));
  private readonly symbol = field(localText("desk.symbolOptional"), el("input", { type: "text", maxLength: metaSchema.properties.symbol.maxLength, placeholder: "A/AC.292/2025/CRP.1" }));
  private readonly language = field(localText("desk.languageOfText"), select(languageChoices(), "en"));
  private readonly revision = field(localText("desk.revisionOptional"), setLocalAttribute(el("input", { type: "text", maxLength: metaSchema.properties.revision.maxLength }), "placeholder", "desk.revisionPlaceholder"));
  private readonly notice = field(
    localText("desk.noticeHours"),
    el("input", { type: "number", min: String(NOTICE.minimum), max: String(NOTICE.maximum), step: "1", value: String(DEFAULT_SILENCE_NOTICE_HOURS) }),
    localText("desk.noticeHint", { hours: DEFAULT_SILENCE_NOTICE_HOURS }),
  );
  private readonly chairName = field(localText("desk.chairName"), el("input", { type: "text", maxLength: 120 }));
  private readonly sourceChoice = el(
    "fieldset",
    { className: "source-choice" },
    el("legend", {}, localText("desk.startFrom")),
    radio("source", "blank", localText("desk.blankDraft"), true),
    radio("source", "file", localText("desk.aFile")),
  );
  private readonly chairChoice = el(
    "fieldset",
    { className: "chair-choice" },
    el("legend", {}, localText("desk.roleChair")),
    radio("chair", "me", localText("desk.chairMyself"), true),
    radio("chair", "other", localText("desk.inviteOtherChair")),
  );
  private readonly previewPlace = el("div", { className: "preview-place" });
  private readonly result = el("div", { className: "new-draft-result" });
  private readonly status = el("p", { className: "new-draft-status" });
  private readonly submit = el("button", { type: "submit" }, localText("desk.createDraft"));
  private readonly aborter = new AbortController();
  private readonly stopNamingLanguages = onLanguageChange(() => this.nameLanguages());
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
    setLocalAttribute(this.element, "aria-label", "desk.newDraft");
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
    this.stopNamingLanguages();
    this.aborter.abort();
    this.preview?.widget.unmount();
    this.created?.unmount();
    this.element.remove();
  }

  /** Names the draft's languages again in the UI language, keeping the one chosen. */
  private nameLanguages(): void {
    const options = this.language.control.options;
    for (const [code, name] of languageChoices()) {
      const option = [...options].find((each) => each.value === code);
      if (option) option.textContent = name;
    }
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
      this.file.setError(localText("desk.fileTooLarge", { size: megabytes(chosen.size), largest: megabytes(MAX_UPLOAD_BYTES) }));
      return;
    }
    this.status.replaceChildren(localText("desk.readingFile", { fileName: chosen.name }));
    const answer = await request<{ preview: ImportPreview }>(
      IMPORT_PREVIEW_ROUTE,
      { method: "POST", headers: { "content-type": "application/octet-stream", [FILE_NAME_HEADER]: encodeURIComponent(chosen.name) }, body: chosen },
      this.aborter.signal,
    );
    if (this.file.control.files?.[0] !== chosen) return;
    this.status.replaceChildren();
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
    const problems: Array<[Field<HTMLInputElement>, Text]> = [];
    const title = this.title.control.value.trim();
    if (title === "") problems.push([this.title, localText("desk.giveTitle")]);
    if (this.fromFile() && !this.preview) problems.push([this.file, localText("desk.chooseFileFirst")]);
    const hours = Number(this.notice.control.value);
    if (this.notice.control.value === "" || !Number.isInteger(hours) || hours < NOTICE.minimum || hours > NOTICE.maximum) {
      problems.push([this.notice, localText("desk.wholeHours", { min: NOTICE.minimum, max: NOTICE.maximum })]);
    }
    const other = this.choice(this.chairChoice) === "other";
    if (other && this.chairName.control.value.trim() === "") problems.push([this.chairName, localText("desk.nameChair")]);
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
    this.status.replaceChildren(localText("desk.creatingDraft"));
    const answer = await this.send(fields);
    this.submit.disabled = false;
    if (!answer.ok) {
      const at: Record<string, Field<HTMLInputElement | HTMLSelectElement>> = { title: this.title, symbol: this.symbol, revision: this.revision, language: this.language, silenceNoticeHours: this.notice, chairName: this.chairName };
      const beside = answer.field ? at[answer.field] : this.fromFile() ? this.file : undefined;
      this.status.replaceChildren(beside ? "" : answer.message);
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
    const open = el("a", { href: `/d/${encodeURIComponent(draft.id)}` }, localText("desk.openDraft"));
    const element = el("div", { className: "created" }, el("p", { className: "created-words" }, localText("desk.createdDraft", { title: draft.title }), " ", ...(chair.signInPath ? [] : [open])));
    let card: Widget | null = null;
    if (chair.signInPath) {
      card = invitationCard({ who: () => t("desk.nameWithRole", { name: chair.name, role: roleLabel(Role.chair, null) }), draftTitle: draft.title, draftSymbol: draft.symbol, link: `${location.origin}${chair.signInPath}` });
      element.append(card.element);
    }
    this.status.replaceChildren(localText("desk.createdDraft", { title: draft.title }));
    this.created = { element, unmount: () => (card?.unmount(), element.remove()) };
    this.result.replaceChildren(element);
  }
}
