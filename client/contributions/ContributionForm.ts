/**
 * A delegation's form for a written contribution: what it addresses, a title, the text in its
 * language (typed, pasted or read from a Word, Markdown or text file by the server's importer), an
 * optional second text in another language, and which of the two is the original. It submits a new
 * contribution, or a new version of one the state made; the server's guard checks either.
 */
import type * as Y from "yjs";
import type { Contribution, ContributionScope, ContributionText } from "../../schemas/records";
import { contributionFilePath } from "../../shared/contributions/contributionPaths";
import { latestVersion, reviseContribution, submitContribution, type ContributionInput } from "../../shared/contributions/contributionWrites";
import type { DraftSection } from "../../shared/contributions/readContributions";
import { FILE_NAME_HEADER } from "../../shared/importPreview";
import { t } from "../i18n/localize";
import { setLocalText } from "../i18n/localizedElements";
import { el, labelled, languageSelect, localButton } from "./contributionDom";

/** What the form needs: where to write, for which state, and what it may address. */
export interface ContributionFormOptions {
  draftId: string;
  contributionsDoc: Y.Doc;
  state: string;
  sections: readonly DraftSection[];
  /** The section the contribution addresses at first (a heading's pid), or undefined for the whole draft. */
  on?: string;
  /** The contribution to revise; a new one when absent. */
  revising?: { key: string; record: Contribution };
  /** Called with the contribution's key once written, or null when the person cancelled. */
  done: (key: string | null) => void;
}

/** One text block of the form: language, words, and a file to read them from. */
class TextFields {
  readonly language: HTMLSelectElement;
  readonly words = el("textarea", { rows: 8 });
  readonly file = el("input", { type: "file", accept: ".docx,.md,.markdown,.txt,.text" });
  readonly element: HTMLFieldSetElement;
  /** The file the words were last read from; null when they were typed or pasted. */
  fileName: string | null = null;

  constructor(legend: Parameters<typeof setLocalText>[1], language: string, text: ContributionText | undefined, read: (file: File, into: TextFields) => void) {
    this.language = languageSelect(text?.language ?? language);
    this.words.value = text?.text ?? "";
    this.file.addEventListener("change", () => {
      const file = this.file.files?.[0];
      if (file) read(file, this);
    });
    this.element = el(
      "fieldset",
      {},
      setLocalText(el("legend"), legend),
      labelled("contributions.language", this.language),
      labelled("contributions.words", this.words),
      labelled("contributions.file", this.file),
    );
  }

  value(): ContributionText | null {
    const text = this.words.value.trim();
    return text === "" ? null : { language: this.language.value, text };
  }
}

/** The contribution form, mounted in a place of the page. */
export class ContributionForm {
  readonly element: HTMLFormElement;
  private readonly status = el("p", { className: "contribution-form-status" });
  private readonly on = el("select");
  private readonly title = el("input", { type: "text", maxLength: 300 });
  private readonly first: TextFields;
  private readonly second: TextFields;
  private readonly firstIsOriginal = el("input", { type: "radio", name: "contribution-original", value: "first", checked: true });
  private readonly secondIsOriginal = el("input", { type: "radio", name: "contribution-original", value: "second" });

  constructor(private readonly options: ContributionFormOptions) {
    const latest = options.revising ? latestVersion(options.revising.record) : null;
    const read = (file: File, into: TextFields) => void this.readFile(file, into);
    this.first = new TextFields("contributions.firstText", "en", latest?.original, read);
    this.second = new TextFields("contributions.secondText", "en", latest?.translation, read);
    if (!latest?.translation) this.second.language.value = this.first.language.value === "en" ? "es" : "en";
    this.title.value = latest?.title ?? "";
    this.status.setAttribute("role", "status");

    this.on.append(setLocalText(el("option", { value: "" }), "contributions.wholeDraft"));
    for (const section of options.sections) if (section.pid) this.on.append(el("option", { value: section.pid, textContent: section.title }));
    this.on.value = options.revising?.record.on.pid ?? options.on ?? "";
    // What a contribution addresses never changes: a revision is a new version of the same statement.
    this.on.disabled = options.revising !== undefined;

    const original = el(
      "fieldset",
      { className: "contribution-original" },
      setLocalText(el("legend"), "contributions.original"),
      el("label", {}, this.firstIsOriginal, setLocalText(el("span"), "contributions.firstIsOriginal")),
      el("label", {}, this.secondIsOriginal, setLocalText(el("span"), "contributions.secondIsOriginal")),
    );
    const submit = setLocalText(el("button", { type: "submit" }), options.revising ? "contributions.sendRevision" : "contributions.send");
    this.element = el(
      "form",
      { className: "contribution-form" },
      setLocalText(el("h3"), options.revising ? "contributions.reviseTitle" : "contributions.formTitle"),
      labelled("contributions.on", this.on),
      labelled("contributions.titleField", this.title),
      this.first.element,
      this.second.element,
      original,
      el("div", { className: "contribution-form-actions" }, submit, localButton("contributions.cancel", () => options.done(null))),
      this.status,
    );
    this.element.addEventListener("submit", (event) => {
      event.preventDefault();
      this.send();
    });
  }

  private async readFile(file: File, into: TextFields): Promise<void> {
    this.status.textContent = t("contributions.reading", { fileName: file.name });
    try {
      const response = await fetch(contributionFilePath(this.options.draftId), {
        method: "POST",
        headers: { "content-type": "application/octet-stream", [FILE_NAME_HEADER]: encodeURIComponent(file.name) },
        body: file,
      });
      const answer = (await response.json()) as { title?: string | null; text?: string; message?: string };
      if (!response.ok || answer.text === undefined) {
        this.status.textContent = t("contributions.refused", { reason: answer.message ?? String(response.status) });
        return;
      }
      into.words.value = answer.text;
      into.fileName = file.name;
      if (!this.title.value.trim() && answer.title) this.title.value = answer.title;
      this.status.textContent = t("contributions.read", { fileName: file.name });
    } catch (error) {
      this.status.textContent = t("contributions.refused", { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  private send(): void {
    const first = this.first.value();
    const second = this.second.value();
    if (!first) {
      this.status.textContent = t("contributions.noWords");
      this.first.words.focus();
      return;
    }
    if (second && second.language === first.language) {
      this.status.textContent = t("contributions.sameLanguage");
      this.second.language.focus();
      return;
    }
    const secondIsOriginal = second !== null && this.secondIsOriginal.checked;
    const [original, translation] = secondIsOriginal ? [second, first] : [first, second];
    const fileName = (secondIsOriginal ? this.second : this.first).fileName;
    const input: ContributionInput = { original, ...(translation ? { translation } : {}), title: this.title.value, ...(fileName ? { fileName: fileName.slice(0, 200) } : {}) };
    const { contributionsDoc, state, revising } = this.options;
    try {
      if (revising) {
        reviseContribution(contributionsDoc, state, revising.key, input);
        this.options.done(revising.key);
      } else {
        const on: ContributionScope = this.on.value ? { pid: this.on.value } : {};
        this.options.done(submitContribution(contributionsDoc, state, on, input));
      }
    } catch (error) {
      this.status.textContent = t("contributions.refused", { reason: error instanceof Error ? error.message : String(error) });
    }
  }
}
