/**
 * One written contribution, open beside the text: its state, title, section and dates, a version
 * picker, and the original with its courtesy translation side by side, paragraph against paragraph
 * where their counts agree. Its own delegation revises or withdraws it there, and turns words it
 * selects into a proposal on a paragraph (the proposal names the contribution it came from); the
 * chair quotes selected words in a comment on a paragraph.
 */
import type * as Y from "yjs";
import { ProposalKind, type ContributionText } from "../../schemas/records";
import { CHAIR_OWNER } from "../../shared/recordKeys";
import { addComment, MAX_COMMENT_LENGTH } from "../../shared/comments/commentThreads";
import { withdrawContribution } from "../../shared/contributions/contributionWrites";
import { alignedRows, contributionParagraphs, sectionOf, type DraftSection, type ListedContribution } from "../../shared/contributions/readContributions";
import { TextRoot } from "../../shared/documentLayout";
import { MAX_PROPOSED_TEXT, propose, type ProposalInput } from "../../shared/proposals/proposeChange";
import { liveLabels } from "../../shared/revisions/liveLabels";
import { Role, type Author } from "../../shared/roles";
import { findBlock, textBlocks } from "../../shared/text/blockText";
import { formatDateTime } from "../i18n/formatDates";
import { t } from "../i18n/localize";
import { localText, setLocalText } from "../i18n/localizedElements";
import { el, inLanguage, labelled, languageName, localButton } from "./contributionDom";

/** What the reader needs from the page. */
export interface ReaderContext {
  textDoc: Y.Doc;
  contributionsDoc: Y.Doc;
  /** The floor room, where the chair's quoting comment goes; null for those who do not read it. */
  floorDoc: Y.Doc | null;
  author: Author;
  sections: () => readonly DraftSection[];
  /** Opens the form for a new version of the contribution. */
  revise: (key: string) => void;
  /** Takes the person to a paragraph of the text. */
  openParagraph: (pid: string) => void;
  /** Tells the person what happened. */
  report: (message: string) => void;
}

function paragraphs(text: ContributionText, chunks: readonly string[]): HTMLElement {
  return inLanguage(el("div", { className: "contribution-text" }, ...chunks.map((chunk) => el("p", { textContent: chunk }))), text.language);
}

/** Words selected inside `container`, on one line as a proposal holds them; empty when none are. */
function selectedWords(container: HTMLElement): string {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return "";
  if (!container.contains(selection.anchorNode) || !container.contains(selection.focusNode)) return "";
  return selection.toString().replace(/\s+/g, " ").trim();
}

/** The reader of one contribution. */
export class ContributionReader {
  readonly element = el("section", { className: "contribution-reader" });
  private version: number;
  private lastSelection = "";
  private readonly texts = el("div", { className: "contribution-texts" });
  private readonly onSelection = () => {
    const words = selectedWords(this.texts);
    if (words) this.lastSelection = words;
  };

  constructor(
    private listed: ListedContribution,
    private readonly context: ReaderContext,
  ) {
    this.version = listed.record.versions.length;
    this.element.setAttribute("aria-label", t("contributions.title"));
    document.addEventListener("selectionchange", this.onSelection);
    this.render();
  }

  /** The contribution's key. */
  get key(): string {
    return this.listed.key;
  }

  /** Shows the contribution as it now is (a new version shows at once). */
  update(listed: ListedContribution): void {
    const grew = listed.record.versions.length !== this.listed.record.versions.length;
    this.listed = listed;
    if (grew) this.version = listed.record.versions.length;
    this.render();
  }

  /** Stops following the selection. */
  destroy(): void {
    document.removeEventListener("selectionchange", this.onSelection);
    this.element.remove();
  }

  private render(): void {
    const { listed, context } = this;
    const version = listed.record.versions[this.version - 1]!;
    const section = sectionOf(context.sections(), listed.record.on.pid);
    const heading = el("h3", {}, el("span", { className: "contribution-state", textContent: listed.state }));
    if (version.title) heading.append(" — ", el("span", { textContent: version.title }));
    const meta = el(
      "p",
      { className: "contribution-meta" },
      section ? section.title : t("contributions.wholeDraft"),
      " · ",
      t("contributions.submitted", { date: formatDateTime(listed.submittedAt) }),
    );
    if (listed.record.withdrawnAt) meta.append(" · ", el("strong", { textContent: t("contributions.withdrawn", { date: formatDateTime(listed.record.withdrawnAt) }) }));
    const parts: HTMLElement[] = [heading, meta];
    if (listed.record.versions.length > 1) {
      const picker = el("select");
      listed.record.versions.forEach((each, index) =>
        picker.append(el("option", { value: String(index + 1), selected: index + 1 === this.version, textContent: t("contributions.versionOption", { number: index + 1, count: listed.record.versions.length, date: formatDateTime(each.at) }) })),
      );
      picker.addEventListener("change", () => {
        this.version = Number(picker.value);
        this.render();
      });
      parts.push(labelled("contributions.version", picker));
    }
    this.texts.replaceChildren(...this.textColumns(version.original, version.translation));
    parts.push(this.texts, ...this.actions());
    parts.push(localButton("contributions.close", () => this.element.dispatchEvent(new CustomEvent("close"))));
    this.element.replaceChildren(...parts);
  }

  private textColumns(original: ContributionText, translation: ContributionText | undefined): HTMLElement[] {
    const column = (key: "contributions.originalHeading" | "contributions.translationHeading", text: ContributionText) =>
      el("h4", { textContent: t(key, { language: languageName(text.language) }) });
    if (!translation) return [el("div", { className: "contribution-column" }, column("contributions.originalHeading", original), paragraphs(original, contributionParagraphs(original.text)))];
    const { aligned, rows } = alignedRows(original.text, translation.text);
    const grid = el("div", { className: `contribution-side-by-side${aligned ? " aligned" : ""}` });
    grid.append(column("contributions.originalHeading", original), column("contributions.translationHeading", translation));
    for (const [left, right] of rows) grid.append(paragraphs(original, left), paragraphs(translation, right));
    return aligned ? [grid] : [el("p", { className: "panel-hint", textContent: t("contributions.notAligned") }), grid];
  }

  /** The paragraphs a passage may go to, as `<option>`s, the first paragraph of the contribution's section chosen. */
  private paragraphChoice(): HTMLSelectElement {
    const labels = liveLabels(this.context.textDoc);
    const section = sectionOf(this.context.sections(), this.listed.record.on.pid);
    const preferred = section?.pids.find((pid) => labels.has(pid));
    const choice = el("select");
    for (const [pid, label] of labels) choice.append(el("option", { value: pid, selected: pid === preferred, textContent: t("contributions.paragraphOption", { label }) }));
    return choice;
  }

  private actions(): HTMLElement[] {
    const { listed, context } = this;
    const { author } = context;
    const parts: HTMLElement[] = [];
    if (author.role === Role.delegation && author.state === listed.state && !listed.record.withdrawnAt) {
      parts.push(
        el(
          "div",
          { className: "contribution-own-actions" },
          localButton("contributions.revise", () => context.revise(listed.key)),
          localButton("contributions.withdraw", () => withdrawContribution(context.contributionsDoc, author.state, listed.key)),
        ),
      );
      const target = this.paragraphChoice();
      const kind = el("select");
      kind.append(setLocalText(el("option", { value: ProposalKind.insert }), "contributions.proposeInsert"), setLocalText(el("option", { value: ProposalKind.newParagraph }), "contributions.proposeNewParagraph"));
      parts.push(
        el(
          "div",
          { className: "contribution-propose" },
          el("p", { className: "panel-hint" }, localText("contributions.proposeHint")),
          labelled("contributions.proposeOn", target),
          labelled("contributions.proposeAs", kind),
          localButton("contributions.propose", () => this.propose(target.value, kind.value)),
        ),
      );
    }
    if (author.role === Role.chair && context.floorDoc) {
      const target = this.paragraphChoice();
      parts.push(el("div", { className: "contribution-quote" }, labelled("contributions.proposeOn", target), localButton("contributions.quote", () => this.quote(target.value))));
    }
    return parts;
  }

  /** The words selected in the texts now, or the last ones selected there. */
  private selection(): string {
    return selectedWords(this.texts) || this.lastSelection;
  }

  private propose(pid: string, kind: string): void {
    const { context, listed } = this;
    const words = this.selection().slice(0, MAX_PROPOSED_TEXT);
    if (!words || context.author.role !== Role.delegation) {
      context.report(t("contributions.noSelection"));
      return;
    }
    const block = findBlock(textBlocks(context.textDoc.getXmlFragment(TextRoot.content)), pid);
    if (!block) return;
    // Added at the end of the paragraph, after a space, so the bracket reads as a sentence of its own.
    const input: ProposalInput =
      kind === ProposalKind.newParagraph ? { kind: ProposalKind.newParagraph, after: pid, text: words } : { kind: ProposalKind.insert, pid, at: block.text.length, text: ` ${words}` };
    try {
      propose(context.textDoc, context.author.state, input, new Date(), { contribution: listed.key, version: this.version });
    } catch (error) {
      context.report(error instanceof Error ? error.message : String(error));
      return;
    }
    context.report(t("contributions.proposed", { label: liveLabels(context.textDoc).get(pid) ?? "" }));
    context.openParagraph(pid);
  }

  private quote(pid: string): void {
    const { context, listed } = this;
    const words = this.selection();
    if (!words || !context.floorDoc) {
      context.report(t("contributions.noSelection"));
      return;
    }
    const body = t("contributions.quoteBody", { state: listed.state, quote: words }).slice(0, MAX_COMMENT_LENGTH);
    addComment(context.floorDoc, CHAIR_OWNER, { pid }, body);
    context.report(t("contributions.quoted", { label: liveLabels(context.textDoc).get(pid) ?? "", state: listed.state }));
    context.openParagraph(pid);
  }
}
