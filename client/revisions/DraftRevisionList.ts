/**
 * A draft's published revisions on the drafts page, newest first, each a link that opens it
 * read-only in the draft's page. Fetched when mounted (the drafts page mounts it when its
 * disclosure opens), so a closed list costs no request. In the UI language, dates included.
 */
import type { RevisionListing } from "../../shared/revisions/revisionListing";
import { el } from "../desk/dom";
import type { Widget } from "../desk/Widget";
import { onLanguageChange, t } from "../i18n/localize";
import { revisionHref } from "./revisionLink";
import { revisionTitle } from "./revisionTitle";
import { fetchRevisions } from "./revisionsApi";

function entry(draftId: string, revision: RevisionListing): HTMLLIElement {
  const link = el("a", { href: revisionHref(draftId, revision.id), textContent: revisionTitle(revision) });
  const item = el("li", { className: "draft-revision" }, link);
  if (revision.symbol) item.append(" · ", el("span", { className: "revision-symbol", textContent: revision.symbol }));
  return item;
}

/** The list of one draft's revisions. */
export class DraftRevisionList implements Widget {
  readonly element = el("div", { className: "draft-revision-list" });
  private readonly aborter = new AbortController();
  private readonly status = el("p", { className: "draft-revisions-status" });
  private readonly list = el("ul");
  /** The revisions listed, oldest first; null until they arrive. */
  private revisions: RevisionListing[] | null = null;
  private failure: string | null = null;
  private readonly stopLanguage = onLanguageChange(() => this.render());

  constructor(private readonly draftId: string) {
    this.status.setAttribute("role", "status");
    this.element.append(this.status);
    this.render();
    void this.load();
  }

  unmount(): void {
    this.aborter.abort();
    this.stopLanguage();
    this.element.remove();
  }

  private async load(): Promise<void> {
    const answer = await fetchRevisions(this.draftId, this.aborter.signal);
    if (this.aborter.signal.aborted) return;
    if (answer.ok) this.revisions = answer.value;
    else this.failure = answer.message;
    this.render();
  }

  private render(): void {
    const revisions = this.revisions;
    if (this.failure !== null) this.status.textContent = this.failure;
    else if (revisions === null) this.status.textContent = t("revisions.listLoading");
    else if (revisions.length === 0) this.status.textContent = t("revisions.listEmpty");
    else {
      this.status.textContent = t("revisions.listCount", { count: revisions.length });
      this.list.replaceChildren(...[...revisions].reverse().map((revision) => entry(this.draftId, revision)));
      if (this.list.parentNode !== this.element) this.element.append(this.list);
    }
  }
}
