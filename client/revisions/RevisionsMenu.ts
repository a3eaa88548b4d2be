/**
 * The *Revisions* menu of the editor page, in the top bar beside *Export* (it changes nothing in the
 * draft, so an observer's page keeps no controls of its own): for every member the choice of the
 * text shown (the live text or any published revision, read-only) and *Compare revisions* (the
 * redline); for the chair, *Publish a revision*. A revision or the redline stands in place of the
 * live text, which keeps running underneath untouched (its sockets, device copy and unsaved work)
 * and comes back as it was. The revision shown is in the address (`?revision=<id>`), so a link or
 * the browser's Back opens it. The list comes from the live `decisions` map, where the server
 * records each revision as it is published: no request, current for everyone, offline too.
 */
import type * as Y from "yjs";
import { LIVE_TEXT } from "../../shared/appPaths";
import { TextRoot } from "../../shared/documentLayout";
import { publishedRevisions } from "../../shared/revisions/publishedRevisions";
import { el, field } from "../desk/dom";
import type { Widget } from "../desk/Widget";
import { onLanguageChange, t } from "../i18n/localize";
import { setLocalAttribute, setLocalText } from "../i18n/localizedElements";
import { fieldWords } from "./fieldWords";
import { PublishRevisionForm } from "./PublishRevisionForm";
import { RedlineView } from "./RedlineView";
import { revisionHref, revisionInAddress } from "./revisionLink";
import { revisionTitle } from "./revisionTitle";
import { RevisionView } from "./RevisionView";
import { summaryOfRecord, type RevisionSummary } from "./revisionSummary";

/** What the menu works on. */
export interface RevisionsMenuContext {
  draftId: string;
  /** The live `text` room: its `decisions` list the published revisions, its `meta` says what the next is called. */
  textDoc: Y.Doc;
  /** The member may read the `floor` room, as a revision stored it too. */
  readsFloor: boolean;
  /** The chair, who publishes. */
  publishes: boolean;
}

/** The class the page's `main` gets while a revision or the redline stands in place of the live text. */
const SHOWING_OTHER = "showing-other";

/** What stands in place of the live text. */
type Other = { kind: "revision"; id: string; view: RevisionView } | { kind: "redline"; view: RedlineView };

let menus = 0;

/** The revisions menu of one open draft. */
export class RevisionsMenu implements Widget {
  readonly element = el("div", { className: "revisions-menu" });
  private readonly toggle = setLocalText(el("button", { type: "button", className: "revisions-toggle" }), "revisions.menu");
  private readonly panel = el("div", { className: "revisions-panel" });
  private readonly picker = fieldWords(field("", el("select", { className: "revision-picker" })), "revisions.revisionToRead");
  private readonly compareButton = setLocalText(el("button", { type: "button", className: "redline-link" }), "revisions.compareRevisions");
  private readonly publishButton = setLocalText(el("button", { type: "button", className: "publish-link" }), "revisions.publishARevision");
  private readonly publishPlace = el("div", { className: "publish-panel" });
  private readonly status = el("p", { className: "revisions-status" });
  private readonly otherPlace = el("div", { className: "revision-other" });
  private revisions: RevisionSummary[] = [];
  private other: Other | null = null;
  private publishForm: PublishRevisionForm | null = null;
  private main: HTMLElement | null = null;
  private readonly onDecisions = () => this.list();
  private readonly onAddress = () => this.followAddress();
  /** What the status says, formatted again when the language changes. */
  private statusWords: () => string = () => "";
  private stopLanguage: (() => void) | null = null;

  constructor(private readonly context: RevisionsMenuContext) {
    const id = ++menus;
    this.panel.id = `revisions-panel-${id}`;
    this.panel.setAttribute("role", "group");
    setLocalAttribute(this.panel, "aria-label", "revisions.menu");
    this.panel.hidden = true;
    this.toggle.setAttribute("aria-expanded", "false");
    this.toggle.setAttribute("aria-controls", this.panel.id);
    this.toggle.addEventListener("click", () => this.setOpen(this.panel.hidden));
    this.element.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || this.panel.hidden) return;
      this.setOpen(false);
      this.toggle.focus();
    });
    this.status.setAttribute("role", "status");
    this.picker.control.append(this.liveOption());
    // Shown when asked, not on each change: arrowing through the choices must not swap the page under the reader (WCAG 3.2.2).
    const choose = el("form", { className: "revision-choose" }, this.picker.element, setLocalText(el("button", { type: "submit" }), "common.show"));
    choose.addEventListener("submit", (event) => {
      event.preventDefault();
      this.pick(this.picker.control.value);
    });
    this.compareButton.addEventListener("click", () => {
      this.setOpen(false);
      this.showRedline();
    });
    this.publishPlace.id = `publish-revision-${id}`;
    this.publishPlace.hidden = true;
    this.publishButton.setAttribute("aria-expanded", "false");
    this.publishButton.setAttribute("aria-controls", this.publishPlace.id);
    this.publishButton.addEventListener("click", () => this.togglePublish());
    this.panel.append(choose, this.compareButton, ...(context.publishes ? [this.publishButton, this.publishPlace] : []), this.status);
    this.element.append(this.toggle, this.panel);
  }

  /** Puts the menu at the start of `actions` (the top bar's) and the place of what it shows at the start of the page's `main`. */
  mount(actions: HTMLElement, main: HTMLElement): void {
    this.main = main;
    actions.prepend(this.element);
    main.prepend(this.otherPlace);
    this.context.textDoc.getMap(TextRoot.decisions).observe(this.onDecisions);
    window.addEventListener("popstate", this.onAddress);
    this.stopLanguage = onLanguageChange(() => this.renderWords());
    this.list();
    this.followAddress();
  }

  unmount(): void {
    this.context.textDoc.getMap(TextRoot.decisions).unobserve(this.onDecisions);
    window.removeEventListener("popstate", this.onAddress);
    this.stopLanguage?.();
    this.closeOther();
    this.publishForm?.unmount();
    this.element.remove();
    this.otherPlace.remove();
  }

  private liveOption(): HTMLOptionElement {
    return setLocalText(new Option("", LIVE_TEXT), "revisions.liveText");
  }

  private say(words: () => string): void {
    this.statusWords = words;
    this.status.textContent = words();
  }

  /** The words formatted in the language rather than bound to a key: the revisions' dates and the status. */
  private renderWords(): void {
    for (const option of this.picker.control.options) {
      const revision = this.revisions.find((each) => each.id === option.value);
      if (revision) option.text = revisionTitle(revision);
    }
    this.status.textContent = this.statusWords();
  }

  private setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.toggle.setAttribute("aria-expanded", String(open));
    if (open) this.picker.control.focus();
  }

  /** Lists the published revisions in the picker, newest first, when they changed. */
  private list(): void {
    const revisions = publishedRevisions(this.context.textDoc.getMap(TextRoot.decisions)).map(summaryOfRecord);
    if (revisions.length === this.revisions.length && revisions.every((revision, index) => revision.id === this.revisions[index]!.id)) return;
    this.revisions = revisions;
    const chosen = this.other?.kind === "revision" ? this.other.id : LIVE_TEXT;
    const newestFirst = [...revisions].reverse();
    this.picker.control.replaceChildren(this.liveOption(), ...newestFirst.map((revision) => new Option(revisionTitle(revision), revision.id)));
    this.picker.control.value = chosen;
    // A link to a revision opened before this copy had synced the revision's record: show it now.
    if (this.other === null) this.followAddress();
  }

  /** Shows what the address names: a revision, or the live text. */
  private followAddress(): void {
    const id = revisionInAddress(location.search);
    if (id === null) {
      if (this.other?.kind === "revision") this.showLive(false);
      return;
    }
    if (this.other?.kind === "revision" && this.other.id === id) return;
    const revision = this.revisions.find((each) => each.id === id);
    if (revision) this.showRevision(revision);
    else this.say(() => t("revisions.notPublished"));
  }

  /** The reader asked for `id` (a revision, or the live text). */
  private pick(id: string): void {
    this.setOpen(false);
    const revision = this.revisions.find((each) => each.id === id);
    if (!revision) {
      this.showLive(true);
      return;
    }
    if (revisionInAddress(location.search) !== revision.id) history.pushState(history.state, "", revisionHref(this.context.draftId, revision.id));
    this.showRevision(revision);
  }

  private showRevision(revision: RevisionSummary): void {
    this.closeOther();
    this.say(() => "");
    const view = new RevisionView({ draftId: this.context.draftId, revision, readsFloor: this.context.readsFloor, onBack: () => this.showLive(true) });
    this.other = { kind: "revision", id: revision.id, view };
    this.picker.control.value = revision.id;
    this.main?.classList.add(SHOWING_OTHER);
    void view.mount(this.otherPlace);
  }

  private showRedline(): void {
    this.closeOther();
    if (revisionInAddress(location.search) !== null) history.pushState(history.state, "", revisionHref(this.context.draftId, null));
    const view = new RedlineView({ draftId: this.context.draftId, revisions: this.revisions, onBack: () => this.showLive(true) });
    this.other = { kind: "redline", view };
    this.picker.control.value = LIVE_TEXT;
    this.main?.classList.add(SHOWING_OTHER);
    view.mount(this.otherPlace);
  }

  /** Back to the live text; `byHand` when the reader asked (the address follows, the focus goes back to the menu). */
  private showLive(byHand: boolean): void {
    const wasRevision = this.other?.kind === "revision";
    this.closeOther();
    this.picker.control.value = LIVE_TEXT;
    if (byHand && wasRevision) history.pushState(history.state, "", revisionHref(this.context.draftId, null));
    if (byHand) this.toggle.focus();
  }

  private closeOther(): void {
    this.other?.view.unmount();
    this.other = null;
    this.main?.classList.remove(SHOWING_OTHER);
  }

  private togglePublish(): void {
    if (this.publishForm) {
      this.publishForm.unmount();
      this.publishForm = null;
    } else {
      this.publishForm = new PublishRevisionForm({
        draftId: this.context.draftId,
        textDoc: this.context.textDoc,
        latestLabel: () => this.revisions.at(-1)?.label ?? null,
        onPublished: () => this.list(),
      });
      this.publishPlace.append(this.publishForm.element);
      this.publishForm.element.querySelector<HTMLInputElement>("input")?.focus();
    }
    this.publishPlace.hidden = this.publishForm === null;
    this.publishButton.setAttribute("aria-expanded", String(this.publishForm !== null));
  }
}
