/**
 * The drafts page: every draft the signed-in person is a member of, with its symbol, their part in
 * it and its progress, in words and as a bar (paragraphs agreed of the total), with its open
 * brackets and objected paragraphs. The chair, and the secretariat (an organizer, who sees every
 * draft), open each draft's members; the secretariat also gets the *New draft* form. Signed out,
 * it says how to sign in, and shows no draft. Every word comes from the catalogs and follows a
 * change of the UI language in place: an open panel and a half-filled form stay as they are.
 */
import type { Progress } from "../../schemas/records";
import { DRAFTS_ROUTE } from "../../shared/appPaths";
import type { DraftsListing, ListedDraft } from "../../shared/draftListing";
import { Role } from "../../shared/roles";
import { errorMessageOf, unreachableMessage } from "../connection/errorMessages";
import { el } from "../desk/dom";
import { MembersPanel } from "../desk/MembersPanel";
import { NewDraftForm } from "../desk/NewDraftForm";
import { roleValues } from "../desk/roleWords";
import type { Widget } from "../desk/Widget";
import { onLanguageChange, t } from "../i18n/localize";
import { localText, setLocalAttribute } from "../i18n/localizedElements";
import type { MessageKey } from "../i18n/messageKeys";
import { recallDraftInfo, rememberedDraftIds } from "../offline/draftInfoCache";
import { DraftRevisionList } from "../revisions/DraftRevisionList";
import { mountExportMenu } from "./exportMenu";
import { observerPolicySwitch } from "./observerPolicy";
import { progressMessages } from "./progressMessages";
import { contributionsPolicySwitch } from "../contributions/contributionsPolicySwitch";
import { copiesKeptAtSignOut, hasSignedOut, showSignedIn } from "./signOut";

function progressPart(progress: Progress | null): HTMLElement {
  if (!progress) return el("p", { className: "draft-progress" }, localText("pages.progressNotCounted"));
  const { agreed, brackets, objections } = progressMessages(progress);
  const bar = el("progress", { className: "draft-progress-bar" });
  // A bar needs a maximum above zero; a draft without paragraphs shows an empty one.
  bar.max = Math.max(progress.total, 1);
  bar.value = progress.agreed;
  setLocalAttribute(bar, "aria-label", agreed.key, agreed.values);
  const figures = el("p", { className: "draft-progress" }, bar, " ", el("span", { className: "draft-agreed" }, localText(agreed.key, agreed.values)));
  const open = el(
    "p",
    { className: "draft-open" },
    el("span", { className: "draft-brackets" }, localText(brackets.key, brackets.values)),
    " · ",
    el("span", { className: "draft-objections" }, localText(objections.key, objections.values)),
  );
  const part = el("div", { className: "draft-figures" }, figures, open);
  part.dataset["complete"] = String(progress.total > 0 && progress.agreed === progress.total);
  return part;
}

/**
 * A disclosure that mounts its widget when opened and unmounts it when closed, so a closed panel
 * holds no request or listener.
 */
function disclosure(className: string, summary: MessageKey, make: () => Widget): { element: HTMLDetailsElement; unmount(): void } {
  const details = el("details", { className }, el("summary", {}, localText(summary)));
  let widget: Widget | null = null;
  details.addEventListener("toggle", () => {
    if (details.open && !widget) {
      widget = make();
      details.append(widget.element);
    } else if (!details.open && widget) {
      widget.unmount();
      widget = null;
    }
  });
  return { element: details, unmount: () => widget?.unmount() };
}

/** Offline: the drafts this device keeps, each a link that opens it from the device. */
function draftsOnThisDevice(): HTMLElement[] {
  const kept = rememberedDraftIds().flatMap((id) => {
    const title = recallDraftInfo<{ draft: { title?: unknown } }>(id)?.draft.title;
    return typeof title === "string" ? [{ id, title }] : [];
  });
  if (kept.length === 0) return [];
  const entries = kept.map(({ id, title }) => el("li", { className: "draft-entry" }, el("a", { href: `/d/${encodeURIComponent(id)}`, textContent: title })));
  return [el("h2", {}, localText("pages.onThisDevice")), el("ul", { className: "drafts" }, ...entries)];
}

/** The drafts page, mounted in the app's `main`. */
export class DraftsPage {
  private readonly list = el("ul", { className: "drafts" });
  private readonly empty = el("p", { className: "drafts-message" }, localText("pages.noDrafts"));
  private readonly widgets: Array<{ unmount(): void }> = [];
  private listWidgets: Array<{ unmount(): void }> = [];
  /**
   * What the entries show that is not one message with fixed values (a state's name), written
   * again after each change of the UI language.
   */
  private rewrites: Array<() => void> = [];
  private stopRewriting: (() => void) | null = null;

  constructor(private readonly main: HTMLElement) {}

  /** Fetches the drafts and shows them, with the desk the person may use. */
  async mount(): Promise<void> {
    document.getElementById("connection")!.textContent = "";
    this.main.replaceChildren(el("h1", {}, localText("pages.drafts")), el("p", { className: "drafts-message" }, localText("pages.loadingDrafts")));
    const listing = await this.fetchListing();
    if (!listing) return;
    showSignedIn(true);
    this.stopRewriting = onLanguageChange(() => {
      for (const write of this.rewrites) write();
    });
    const parts: HTMLElement[] = [el("h1", {}, localText("pages.drafts"))];
    if (listing.organizer) {
      const form = disclosure("new-draft", "desk.newDraft", () => new NewDraftForm(() => void this.refresh()));
      this.widgets.push(form);
      parts.push(form.element);
    }
    parts.push(this.list, this.empty);
    this.main.replaceChildren(...parts);
    this.showList(listing);
  }

  unmount(): void {
    this.stopRewriting?.();
    this.stopRewriting = null;
    this.rewrites = [];
    for (const widget of [...this.listWidgets, ...this.widgets]) widget.unmount();
    this.listWidgets = [];
    this.widgets.length = 0;
    this.main.replaceChildren();
  }

  /** Lists the drafts again (after one was created), keeping the form as it is. */
  async refresh(): Promise<void> {
    const listing = await this.fetchListing();
    if (listing) this.showList(listing);
  }

  private showList(listing: DraftsListing): void {
    for (const widget of this.listWidgets) widget.unmount();
    this.listWidgets = [];
    this.rewrites = [];
    this.list.replaceChildren(...listing.drafts.map((draft) => this.entry(draft, listing.organizer)));
    this.empty.hidden = listing.drafts.length > 0;
  }

  private entry(draft: ListedDraft, organizer: boolean): HTMLLIElement {
    const name = draft.role === null ? el("span", { textContent: draft.title }) : el("a", { href: `/d/${encodeURIComponent(draft.id)}`, textContent: draft.title });
    const about = el("p", { className: "draft-about" });
    if (draft.symbol) about.append(el("span", { className: "draft-symbol", textContent: draft.symbol }), " · ");
    const role = el("span", { className: "draft-role" });
    const writeRole = () => {
      role.textContent = t("pages.yourRole", roleValues(draft.role, draft.state));
    };
    writeRole();
    this.rewrites.push(writeRole);
    about.append(role);
    const item = el("li", { className: "draft-entry" }, el("h2", { className: "draft-entry-title" }, name), about, progressPart(draft.progress));
    if (draft.role === Role.chair) item.append(observerPolicySwitch(draft), contributionsPolicySwitch(draft));
    if (draft.role !== null) {
      const unmount = mountExportMenu(item, { draftId: draft.id, role: draft.role, observersReadFloor: draft.observersReadFloor });
      this.listWidgets.push({ unmount });
      const revisions = disclosure("draft-revisions", "pages.revisions", () => new DraftRevisionList(draft.id));
      this.listWidgets.push(revisions);
      item.append(revisions.element);
    }
    if (draft.role === Role.chair || organizer) {
      const members = disclosure("draft-members", "pages.members", () => new MembersPanel(draft));
      this.listWidgets.push(members);
      item.append(members.element);
    }
    item.dataset["draftId"] = draft.id;
    return item;
  }

  /** The listing, or null after saying why there is none (signed out, offline, refused). */
  private async fetchListing(): Promise<DraftsListing | null> {
    let response: Response;
    try {
      response = await fetch(DRAFTS_ROUTE);
    } catch {
      this.message("pages.drafts", unreachableMessage());
      this.main.append(...draftsOnThisDevice());
      return null;
    }
    if (response.status === 401) {
      showSignedIn(false);
      const kept = copiesKeptAtSignOut();
      const words = !hasSignedOut() ? localText("pages.notSignedIn") : kept === 0 ? localText("pages.signedOut") : localText("pages.signedOutKeptCopies", { kept });
      this.message("pages.signedOutHeading", words);
      return null;
    }
    if (!response.ok) {
      this.message("pages.drafts", await errorMessageOf(response));
      return null;
    }
    return (await response.json()) as DraftsListing;
  }

  /** What the page says instead of the list when it cannot show one. */
  private message(heading: MessageKey, text: string | Text): void {
    this.unmount();
    const paragraph = el("p", { className: "drafts-message" }, text);
    paragraph.setAttribute("role", "status");
    this.main.replaceChildren(el("h1", {}, localText(heading)), paragraph);
  }
}

/** Opens the drafts page in `main`. */
export function openDraftsPage(main: HTMLElement): Promise<void> {
  return new DraftsPage(main).mount();
}
