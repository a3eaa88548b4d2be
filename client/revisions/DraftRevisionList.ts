/**
 * A draft's published revisions on the drafts page, newest first, each a link that opens it
 * read-only in the draft's page. Fetched when mounted (the drafts page mounts it when its
 * disclosure opens), so a closed list costs no request.
 */
import type { RevisionListing } from "../../shared/revisions/revisionListing";
import { el } from "../desk/dom";
import type { Widget } from "../desk/Widget";
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

  constructor(private readonly draftId: string) {
    const status = el("p", { className: "draft-revisions-status", textContent: "Loading the revisions…" });
    status.setAttribute("role", "status");
    this.element.append(status);
    void this.load(status);
  }

  unmount(): void {
    this.aborter.abort();
    this.element.remove();
  }

  private async load(status: HTMLElement): Promise<void> {
    const answer = await fetchRevisions(this.draftId, this.aborter.signal);
    if (this.aborter.signal.aborted) return;
    if (!answer.ok) {
      status.textContent = answer.message;
      return;
    }
    if (answer.value.length === 0) {
      status.textContent = "No revision published yet.";
      return;
    }
    status.textContent = `${answer.value.length} published, newest first; each opens read-only.`;
    this.element.append(el("ul", {}, ...[...answer.value].reverse().map((revision) => entry(this.draftId, revision))));
  }
}
