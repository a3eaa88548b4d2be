/**
 * One published revision, read-only: its rooms as the server stored them, applied to fresh Yjs
 * documents that no provider, socket or device store ever sees, drawn by the same editor an
 * observer gets (numbers, brackets, status badges, the paragraph panel without its forms), under a
 * banner that names the revision and leads back to the live text. A page object: `mount` loads and
 * shows it, `unmount` destroys the editor and the documents.
 */
import type { EditorView } from "prosemirror-view";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { Room } from "../../shared/documentLayout";
import { Role, type Author } from "../../shared/roles";
import type { RevisionSummary } from "./revisionSummary";
import { button, el } from "../desk/dom";
import { createEditor } from "../editor/createEditor";
import { askWords } from "../editor/proposals/askWords";
import { formatDateTime } from "../i18n/formatDates";
import { onLanguageChange, t } from "../i18n/localize";
import { setLocalText } from "../i18n/localizedElements";
import { revisionTitle } from "./revisionTitle";
import { fetchRevisionRoom } from "./revisionsApi";

/** Whoever opens a revision reads it as an observer would: it takes no writes from anyone. */
const READER: Author = { role: Role.observer };

/** What the view shows and where it leads. */
export interface RevisionViewContext {
  draftId: string;
  revision: RevisionSummary;
  /** The member may read the `floor` room (stances and comments as they stood). */
  readsFloor: boolean;
  /** "Back to the live text". */
  onBack: () => void;
}

/** The words of the banner: "Rev.1 of 2 December 2026 — read-only". */
export function revisionBanner(revision: { label: string; date: string }): string {
  return t("revisions.banner", { title: revisionTitle(revision) });
}

/** Who published the revision and when, after its symbol: "A/AC.292/… · published 2 Dec 2026, 14:05 by Ana". */
function aboutWords(revision: RevisionSummary): string {
  const time = formatDateTime(revision.publishedAt);
  const published = revision.publishedBy ? t("revisions.publishedBy", { time, name: revision.publishedBy }) : t("revisions.published", { time });
  return revision.symbol ? `${revision.symbol} · ${published}` : published;
}

/** A published revision, read-only. */
export class RevisionView {
  readonly element = el("section", { className: "revision-view" });
  private readonly status = el("p", { className: "revision-status" });
  private readonly aborter = new AbortController();
  private docs: Y.Doc[] = [];
  private awareness: Awareness | null = null;
  private editor: EditorView | null = null;
  /** What the status says, formatted again when the language changes. */
  private statusWords: () => string = () => "";
  private readonly stopLanguage: () => void;

  constructor(private readonly context: RevisionViewContext) {
    const { revision } = context;
    const heading = el("h2", { className: "revision-banner-title", id: `revision-title-${revision.id}`, textContent: revisionBanner(revision) });
    heading.tabIndex = -1;
    const about = el("p", { className: "revision-about", textContent: aboutWords(revision) });
    const banner = el(
      "div",
      { className: "revision-banner" },
      heading,
      about,
      ...(revision.note ? [el("p", { className: "revision-note", textContent: revision.note })] : []),
      setLocalText(button("", () => context.onBack(), "revision-back"), "revisions.backToLive"),
    );
    // The date in the banner and the time it was published are formatted in the language, not bound to a key.
    this.stopLanguage = onLanguageChange(() => {
      heading.textContent = revisionBanner(revision);
      about.textContent = aboutWords(revision);
      this.status.textContent = this.statusWords();
    });
    this.status.setAttribute("role", "status");
    this.element.setAttribute("aria-labelledby", heading.id);
    this.element.dataset["revisionId"] = revision.id;
    this.element.append(banner, this.status);
  }

  /** Shows the view at the end of `place`, its banner focused, and loads the revision into it. */
  async mount(place: HTMLElement): Promise<void> {
    place.append(this.element);
    this.element.querySelector<HTMLElement>("h2")!.focus();
    const { draftId, revision, readsFloor } = this.context;
    this.say(() => t("revisions.loadingRevision", { label: revision.label }));
    const signal = this.aborter.signal;
    const [text, floor] = await Promise.all([
      fetchRevisionRoom(draftId, revision.id, Room.text, signal),
      readsFloor ? fetchRevisionRoom(draftId, revision.id, Room.floor, signal) : null,
    ]);
    if (signal.aborted) return;
    if (!text.ok || (floor && !floor.ok)) {
      const message = !text.ok ? text.message : floor && !floor.ok ? floor.message : "";
      this.say(() => message);
      return;
    }
    const textDoc = this.document(text.value);
    const floorDoc = floor?.ok ? this.document(floor.value) : null;
    this.say(() => "");
    this.showText(textDoc, floorDoc);
  }

  /** Takes the view away and lets go of the editor and documents. */
  unmount(): void {
    this.aborter.abort();
    this.stopLanguage();
    if (this.editor) {
      // y-prosemirror 1.x dispatches deferred caret updates a tick later and checks a flag it never
      // sets (see the editor page); a no-op dispatch keeps them off the destroyed view.
      this.editor.setProps({ dispatchTransaction: () => {} });
      this.editor.destroy();
      this.editor = null;
    }
    this.awareness?.destroy();
    for (const doc of this.docs) doc.destroy();
    this.docs = [];
    this.element.remove();
  }

  private say(words: () => string): void {
    this.statusWords = words;
    this.status.textContent = words();
  }

  /** A fresh document holding `update`, and nothing else. */
  private document(update: Uint8Array): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    this.docs.push(doc);
    return doc;
  }

  private showText(textDoc: Y.Doc, floorDoc: Y.Doc | null): void {
    const layout = el("div", { className: "revision-layout" });
    const place = el("article", { className: "draft revision-text" });
    const panelPlace = el("aside", { className: "paragraph-panel" });
    layout.append(place, panelPlace);
    this.element.append(layout);
    // The editor wants an awareness for remote carets; this one is local and meets no one.
    this.awareness = new Awareness(textDoc);
    const report = (message: string) => this.say(() => message);
    const proposals = { ydoc: textDoc, author: READER, report, askWords, floorDoc };
    this.editor = createEditor(place, { awareness: this.awareness, writesText: false, proposals, panel: { place: panelPlace, floorDoc, draftId: this.context.draftId } });
  }
}
