/**
 * The draft's written contributions beside the text: how many there are, arranged by date, by
 * delegation, by section or by language, a section's own when the person came from its heading, the
 * compilation to download, a delegation's form to submit one, and the reader of the one opened.
 */
import type * as Y from "yjs";
import { Role, type Author } from "../../shared/roles";
import { compilationPath, CompilationFormat } from "../../shared/contributions/contributionPaths";
import { draftSections, listContributions, sectionOf, type DraftSection, type ListedContribution } from "../../shared/contributions/readContributions";
import { ContributionsRoot, TextRoot } from "../../shared/documentLayout";
import { formatDateTime } from "../i18n/formatDates";
import { onLanguageChange, t } from "../i18n/localize";
import { setLocalText } from "../i18n/localizedElements";
import type { MessageKey } from "../i18n/messageKeys";
import { el, languageName, localButton } from "./contributionDom";
import { ContributionForm } from "./ContributionForm";
import { ContributionReader } from "./ContributionReader";
import { OPEN_CONTRIBUTION_EVENT } from "./proposalSourceLink";



/** How the list is arranged. */
export const Arrangement = { date: "date", state: "state", section: "section", language: "language" } as const;
export type Arrangement = (typeof Arrangement)[keyof typeof Arrangement];

const ARRANGEMENT_WORDS: Record<Arrangement, MessageKey> = {
  [Arrangement.date]: "contributions.byDate",
  [Arrangement.state]: "contributions.byState",
  [Arrangement.section]: "contributions.bySection",
  [Arrangement.language]: "contributions.byLanguage",
};

/** What the panel needs from the page. */
export interface PanelContext {
  draftId: string;
  textDoc: Y.Doc;
  contributionsDoc: Y.Doc;
  floorDoc: Y.Doc | null;
  author: Author;
  openParagraph: (pid: string) => void;
  report: (message: string) => void;
}

/** The contributions panel; `mount` puts it in the page, `unmount` lets go of everything. */
export class ContributionsPanel {
  readonly element = el("aside", { className: "contributions-panel", id: "contributions" });
  private readonly count = el("p", { className: "contributions-count" });
  private readonly arrange = el("select");
  private readonly list = el("div", { className: "contributions-list" });
  private readonly formPlace = el("div");
  private readonly readerPlace = el("div");
  private readonly filter = el("p", { className: "contributions-filter" });
  private section: string | null = null;
  private reader: ContributionReader | null = null;
  private form: ContributionForm | null = null;
  private readonly stops: Array<() => void> = [];

  constructor(private readonly context: PanelContext) {
    const title = setLocalText(el("h2", { id: "contributions-title" }), "contributions.title");
    this.element.setAttribute("aria-labelledby", title.id);
    for (const arrangement of Object.values(Arrangement)) this.arrange.append(setLocalText(el("option", { value: arrangement }), ARRANGEMENT_WORDS[arrangement]));
    this.arrange.addEventListener("change", () => this.render());
    const arrangeLabel = setLocalText(el("label", { htmlFor: "contributions-arrange" }), "contributions.arrangeBy");
    this.arrange.id = "contributions-arrange";
    const tools = el("div", { className: "contributions-tools" }, arrangeLabel, this.arrange);
    if (context.author.role === Role.delegation) tools.append(localButton("contributions.submit", () => this.openForm()));
    const links = el(
      "p",
      { className: "contributions-compilation" },
      setLocalText(el("a", { href: compilationPath(context.draftId, CompilationFormat.html), target: "_blank", rel: "noopener" }), "contributions.compilationHtml"),
      " · ",
      setLocalText(el("a", { href: compilationPath(context.draftId, CompilationFormat.pdf) }), "contributions.compilationPdf"),
      " · ",
      setLocalText(el("a", { href: compilationPath(context.draftId, CompilationFormat.docx) }), "contributions.compilationDocx"),
    );
    this.element.append(title, this.count, tools, links, this.formPlace, this.filter, this.list, this.readerPlace);
  }

  /** Puts the panel after `place` and starts following the contributions. */
  mount(place: HTMLElement): void {
    place.after(this.element);
    const contributions = this.context.contributionsDoc.getMap(ContributionsRoot.contributions);
    const render = () => this.render();
    contributions.observe(render);
    this.stops.push(() => contributions.unobserve(render), onLanguageChange(render));
    const open = (event: Event) => this.open((event as CustomEvent<string>).detail);
    document.addEventListener(OPEN_CONTRIBUTION_EVENT, open);
    this.stops.push(() => document.removeEventListener(OPEN_CONTRIBUTION_EVENT, open));
    this.render();
  }

  /** Removes the panel and stops following. */
  unmount(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.reader?.destroy();
    this.element.remove();
  }

  /** Shows only the contributions on section `pid` (a heading's pid), and brings the panel into view. */
  showSection(pid: string): void {
    this.section = pid;
    this.render();
    this.element.scrollIntoView?.({ block: "start" });
    (this.list.querySelector("button") as HTMLButtonElement | null)?.focus();
  }

  /** Opens contribution `key` in the reader. */
  open(key: string): void {
    const listed = listContributions(this.context.contributionsDoc).find((each) => each.key === key);
    if (!listed) return;
    this.reader?.destroy();
    this.reader = new ContributionReader(listed, {
      ...this.context,
      sections: () => this.sections(),
      revise: (revised) => this.openForm(revised),
    });
    this.reader.element.addEventListener("close", () => {
      this.reader?.destroy();
      this.reader = null;
    });
    this.readerPlace.replaceChildren(this.reader.element);
    this.reader.element.scrollIntoView?.({ block: "start" });
  }

  private sections(): DraftSection[] {
    return draftSections(this.context.textDoc.getXmlFragment(TextRoot.content));
  }

  private openForm(revising?: string): void {
    const { author } = this.context;
    if (author.role !== Role.delegation) return;
    const record = revising ? listContributions(this.context.contributionsDoc).find((each) => each.key === revising)?.record : undefined;
    this.form = new ContributionForm({
      draftId: this.context.draftId,
      contributionsDoc: this.context.contributionsDoc,
      state: author.state,
      sections: this.sections(),
      on: this.section ?? undefined,
      revising: revising && record ? { key: revising, record } : undefined,
      done: (key) => {
        this.form?.element.remove();
        this.form = null;
        if (key) this.open(key);
      },
    });
    this.formPlace.replaceChildren(this.form.element);
    this.form.element.querySelector("select, textarea")?.scrollIntoView?.({ block: "start" });
  }

  /** Groups of the list under the arrangement chosen, each with its heading. */
  private groups(contributions: readonly ListedContribution[], sections: readonly DraftSection[]): Array<{ heading: string; items: ListedContribution[] }> {
    const arrangement = this.arrange.value as Arrangement;
    const headingOf = (contribution: ListedContribution): string => {
      switch (arrangement) {
        case Arrangement.state:
          return contribution.state;
        case Arrangement.section:
          return sectionOf(sections, contribution.record.on.pid)?.title || t("contributions.wholeDraft");
        case Arrangement.language:
          return languageName(contribution.latest.original.language);
        default:
          return "";
      }
    };
    const sorted = arrangement === Arrangement.date ? [...contributions].reverse() : contributions;
    const groups = new Map<string, ListedContribution[]>();
    for (const contribution of sorted) groups.set(headingOf(contribution), [...(groups.get(headingOf(contribution)) ?? []), contribution]);
    const entries = Array.from(groups, ([heading, items]) => ({ heading, items }));
    return arrangement === Arrangement.state || arrangement === Arrangement.language ? entries.sort((a, b) => a.heading.localeCompare(b.heading)) : entries;
  }

  private item(contribution: ListedContribution, sections: readonly DraftSection[]): HTMLLIElement {
    const { latest, record } = contribution;
    const languages = [latest.original, latest.translation].flatMap((text) => (text ? [languageName(text.language)] : [])).join(" / ");
    const section = sectionOf(sections, record.on.pid)?.title || t("contributions.wholeDraft");
    const open = el("button", { type: "button", className: "contribution-open" }, el("strong", { textContent: contribution.state }), latest.title ? ` — ${latest.title}` : "");
    open.addEventListener("click", () => this.open(contribution.key));
    const details = [section, formatDateTime(contribution.submittedAt), languages];
    if (record.withdrawnAt) details.push(t("contributions.withdrawn", { date: formatDateTime(record.withdrawnAt) }));
    const item = el("li", { className: `contribution-item${record.withdrawnAt ? " withdrawn" : ""}` }, open, el("span", { className: "contribution-details", textContent: details.join(" · ") }));
    item.dataset["state"] = contribution.state;
    return item;
  }

  private render(): void {
    const sections = this.sections();
    const all = listContributions(this.context.contributionsDoc);
    const section = this.section ? sections.find((each) => each.pid === this.section) : undefined;
    const shown = section ? all.filter((contribution) => contribution.record.on.pid !== undefined && section.pids.includes(contribution.record.on.pid)) : all;
    this.count.textContent = t("contributions.count", { count: all.filter((contribution) => !contribution.record.withdrawnAt).length });
    this.filter.replaceChildren();
    if (section) {
      this.filter.append(t("contributions.onlySection", { section: section.title }), " ", localButton("contributions.showAll", () => {
        this.section = null;
        this.render();
      }));
    }
    if (shown.length === 0) {
      this.list.replaceChildren(el("p", { className: "panel-hint", textContent: t("contributions.none") }));
    } else {
      this.list.replaceChildren(
        ...this.groups(shown, sections).map(({ heading, items }) =>
          el("section", {}, ...(heading ? [el("h3", { textContent: heading })] : []), el("ul", {}, ...items.map((item) => this.item(item, sections)))),
        ),
      );
    }
    const reading = this.reader && all.find((each) => each.key === this.reader!.key);
    if (reading) this.reader!.update(reading);
  }
}
