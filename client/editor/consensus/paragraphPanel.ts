/**
 * The panel for the paragraph the caret is in: its status, every state's stance, the person's own
 * stance (a delegation) or the declaration of agreement (the chair), the comment threads, the
 * paragraph's history, and a filter for the paragraphs one state objects to. Everything is a plain
 * form, reachable by keyboard.
 */
import { Plugin, type EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type * as Y from "yjs";
import { StanceKind, type ParagraphStatus, type Stance } from "../../../schemas/records";
import { createAnchor } from "../../../shared/anchors/createAnchor";
import { addComment, mayResolve, readThreads, replyToComment, type CommentTarget } from "../../../shared/comments/commentThreads";
import { selectionInBlock } from "../proposals/proposalComposer";
import { runningSilencesOn, silenceNoticeHours, silenceStanding, startSilence } from "../../../shared/consensus/silenceProcedure";
import { agreementRefusal, declareAgreed, setStance, stancesOn } from "../../../shared/consensus/stanceWrites";
import { FloorRoot, TextRoot } from "../../../shared/documentLayout";
import { blockLabels } from "../../../shared/numbering";
import { revisionBaseline } from "../../../shared/revisions/revisionBaseline";
import { CHAIR_OWNER } from "../../../shared/recordKeys";
import { Role, type Author } from "../../../shared/roles";
import { ParagraphHistoryView } from "../../history/ParagraphHistoryView";
import { readProposals } from "../../../shared/proposals/readProposals";
import { bracketName, describeChange } from "../proposals/describeProposal";
import { refusalMessage, refusalText } from "../refusalMessage";
import { objectionFilter, setObjectionFilter } from "./statusBadges";
import { statusWords } from "./statusWords";
import { formatDeadline } from "../../i18n/formatDates";
import { onLanguageChange, t, type MessageValues } from "../../i18n/localize";
import { localText, setLocalAttribute, setLocalText } from "../../i18n/localizedElements";
import type { MessageKey } from "../../i18n/messageKeys";

/** What the panel reads and writes. */
export interface PanelContext {
  /** The draft's id, for the paragraph's history. */
  draftId: string;
  textDoc: Y.Doc;
  /** The `floor` room, or null for an observer the draft keeps out of it. */
  floorDoc: Y.Doc | null;
  author: Author;
  report: (message: string) => void;
}

/** How long typing must pause before the panel looks at the paragraph again. */
const TYPING_PAUSE_MS = 400;

const STANCE_WORDS: Record<StanceKind, MessageKey> = {
  [StanceKind.object]: "consensus.stanceObject",
  [StanceKind.reserve]: "consensus.stanceReserve",
  [StanceKind.support]: "consensus.stanceSupport",
  [StanceKind.none]: "consensus.stanceNone",
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The block the caret is in, named by the round's numbers of `textDoc`. */
function focusedBlock(state: EditorState, textDoc: Y.Doc): { pid: string; label: string } | null {
  const { $from } = state.selection;
  if ($from.depth < 1) return null;
  const index = $from.index(0);
  const labels = blockLabels(state.doc, revisionBaseline(textDoc));
  const entry = labels[index];
  if (!entry?.pid || entry.label === null) return null;
  return { pid: entry.pid, label: entry.label.startsWith("(") ? entry.label : t("editor.paragraph", { label: entry.label }) };
}

/** Words of a form that name the focused paragraph: set again by `render` as the name or the language changes. */
interface NamingWords {
  element: HTMLElement;
  key: MessageKey;
  values: MessageValues;
}

class ParagraphPanel {
  /** The paragraph shown; undefined until the panel first renders, so it renders at once. */
  private pid: string | null | undefined = undefined;
  private readonly summary = el("div", { className: "panel-summary" });
  private readonly forms = el("div", { className: "panel-forms" });
  private readonly threads = el("div", { className: "panel-threads" });
  private readonly historyPlace = el("div", { className: "panel-history" });
  private history: ParagraphHistoryView | null = null;
  private readonly filter = el("select", { className: "panel-filter" });
  private frame = 0;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;
  private namingWords: NamingWords[] = [];
  private readonly stopLanguage: () => void;

  constructor(
    private readonly place: HTMLElement,
    private readonly view: EditorView,
    private readonly context: PanelContext,
  ) {
    setLocalAttribute(this.filter, "aria-label", "consensus.filterLabel");
    this.filter.addEventListener("change", () => setObjectionFilter(view, this.filter.value || null));
    setLocalAttribute(place, "aria-label", "consensus.panelLabel");
    place.replaceChildren(el("label", { className: "panel-filter-label" }, localText("consensus.filter"), " ", this.filter), this.summary, this.forms, this.threads, this.historyPlace);
    this.observe(true);
    // Static words follow the language by their bindings; what `render` writes is written again, and
    // the history, which is given the paragraph's name once, is opened again under its new name.
    this.stopLanguage = onLanguageChange(() => {
      this.showHistory(focusedBlock(this.view.state, this.context.textDoc));
      this.schedule();
    });
    this.refresh(view.state, false);
  }

  private readonly schedule = () => {
    if (!this.frame) this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  };

  private observe(on: boolean): void {
    const maps = [this.context.textDoc.getMap(TextRoot.status), this.context.textDoc.getMap(TextRoot.proposals), this.context.textDoc.getMap(TextRoot.decisions), ...(this.context.floorDoc ? [this.context.floorDoc.getMap(FloorRoot.stances), this.context.floorDoc.getMap(FloorRoot.comments)] : [])];
    for (const map of maps) {
      if (on) map.observe(this.schedule);
      else map.unobserve(this.schedule);
    }
  }

  /**
   * Follows the caret: a new paragraph gets fresh forms at once. Typing only changes whether the
   * paragraph is still as agreed, which the server's status also says: that waits for a pause.
   */
  refresh(state: EditorState, docChanged: boolean): void {
    const focused = focusedBlock(state, this.context.textDoc);
    if ((focused?.pid ?? null) !== this.pid) {
      this.pid = focused?.pid ?? null;
      this.place.dataset["pid"] = this.pid ?? "";
      this.buildForms(focused);
      this.render();
    } else if (docChanged) {
      if (this.typingTimer) clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => {
        this.typingTimer = null;
        this.schedule();
      }, TYPING_PAUSE_MS);
    }
  }

  /** Runs `action`; a refusal goes to `beside` (the field's own message, cleared on success) or else to the page's notice. */
  private run(action: () => void, beside?: HTMLElement): void {
    try {
      action();
      beside?.replaceChildren();
    } catch (error) {
      if (beside) beside.replaceChildren(refusalText(error));
      else this.context.report(refusalMessage(error));
    }
  }

  /** An element whose words name the focused paragraph (`{paragraph}` in the message `key`). */
  private naming<K extends keyof HTMLElementTagNameMap>(tag: K, key: MessageKey, values: MessageValues = {}): HTMLElementTagNameMap[K] {
    const element = el(tag);
    this.namingWords.push({ element, key, values });
    return element;
  }

  private showHistory(focused: { pid: string; label: string } | null): void {
    this.history?.unmount();
    this.history = null;
    if (!focused) return;
    this.history = new ParagraphHistoryView({ draftId: this.context.draftId, pid: focused.pid, label: focused.label });
    this.history.mount(this.historyPlace);
  }

  private buildForms(focused: { pid: string; label: string } | null): void {
    const { author, floorDoc, textDoc } = this.context;
    this.forms.replaceChildren();
    this.namingWords = [];
    this.showHistory(focused);
    if (!focused) return;
    const pid = focused.pid;
    if (author.role === Role.delegation && floorDoc) {
      const current = floorDoc.getMap<Stance>(FloorRoot.stances).get(`${author.state}:${pid}`);
      const choices = Object.values(StanceKind).map((kind) => {
        const input = el("input", { type: "radio", name: `stance-${pid}`, value: kind, checked: (current?.stance ?? StanceKind.none) === kind });
        return el("label", { className: "stance-choice" }, input, " ", localText(STANCE_WORDS[kind]));
      });
      const reason = el("textarea", { className: "stance-reason", rows: 3, value: current?.reason ?? "" });
      setLocalAttribute(reason, "aria-label", "consensus.reasonLabel");
      const save = setLocalText(el("button", { type: "submit" }), "consensus.saveStance");
      const form = el("form", { className: "stance-form" }, el("fieldset", {}, this.naming("legend", "consensus.stanceLegend", { state: author.state }), ...choices), reason, save);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const kind = (form.querySelector("input:checked") as HTMLInputElement | null)?.value as StanceKind | undefined;
        this.run(() => setStance(floorDoc, author.state, pid, kind ?? StanceKind.none, reason.value));
      });
      this.forms.append(form);
    }
    if (author.role === Role.chair) {
      const declare = setLocalText(el("button", { type: "button", className: "declare-agreed" }), "consensus.declareAgreed");
      declare.addEventListener("click", () => this.run(() => declareAgreed(textDoc, floorDoc, pid)));
      this.forms.append(el("div", { className: "chair-actions" }, declare, el("span", { className: "refusal" })));
      this.forms.append(el("p", { className: "silence-state", hidden: true }), this.silenceForm(pid));
    }
    if (floorDoc && author.role !== Role.observer) {
      const body = el("textarea", { className: "comment-body", rows: 2, id: `comment-body-${pid}` });
      const refusal = el("p", { className: "field-error", id: `comment-error-${pid}` });
      refusal.setAttribute("aria-live", "polite");
      body.setAttribute("aria-describedby", refusal.id);
      const label = this.naming("label", "consensus.commentOn");
      label.className = "field-label";
      label.htmlFor = body.id;
      const form = el("form", { className: "comment-form" }, label, body, refusal, setLocalText(el("button", { type: "submit" }), "consensus.comment"));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.run(() => {
          addComment(floorDoc, this.owner(), this.commentTarget(pid), body.value);
          body.value = "";
        }, refusal);
      });
      this.forms.append(form);
    }
  }

  /** The chair's form to put this paragraph, or the whole draft, under silence. */
  private silenceForm(pid: string): HTMLElement {
    const { textDoc } = this.context;
    const notice = silenceNoticeHours(textDoc);
    // The earliest deadline the draft allows, to the minute in the reader's time zone, as the field shows it.
    const earliestField = () => {
      const earliest = new Date(Date.now() + notice * 3_600_000 + 120_000);
      return new Date(earliest.getTime() - earliest.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    };
    const offered = earliestField();
    const deadline = el("input", { type: "datetime-local", value: offered, min: offered, className: "silence-deadline" });
    setLocalAttribute(deadline, "aria-label", "consensus.deadlineLabel");
    const whole = el("input", { type: "checkbox", className: "silence-whole" });
    const legend = setLocalText(el("legend"), "consensus.silenceLegend", { hours: notice });
    const start = setLocalText(el("button", { type: "submit" }), "consensus.startSilence");
    const form = el("form", { className: "silence-form" }, el("fieldset", {}, legend, el("label", {}, whole, " ", this.naming("span", "consensus.wholeDraft")), deadline, start));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      // The offered earliest deadline, left as it was, means "the least notice from now", however
      // long the form stood open; a deadline the chair chose is kept as chosen.
      const chosen = deadline.value === offered ? earliestField() : deadline.value;
      this.run(() => startSilence(textDoc, whole.checked ? "all" : [pid], new Date(chosen)));
    });
    return form;
  }

  /** The paragraph, or the words selected in it: a comment with a selection is on those words. */
  private commentTarget(pid: string): CommentTarget {
    const place = selectionInBlock(this.view.state);
    if (!place || place.from === place.to || focusedBlock(this.view.state, this.context.textDoc)?.pid !== pid) return { pid };
    return { pid, anchor: createAnchor(this.context.textDoc.getXmlFragment(TextRoot.content), pid, place.from, place.to) };
  }

  private owner(): string {
    const author = this.context.author;
    return author.role === Role.delegation ? author.state : CHAIR_OWNER;
  }

  private render(): void {
    const { textDoc, floorDoc, author } = this.context;
    const pid = this.pid;
    this.renderFilter();
    if (!pid) {
      // Without the floor (an observer, by the draft's policy) there are no stances or comments to show.
      this.summary.replaceChildren(el("p", { className: "panel-hint" }, t(this.context.floorDoc ? "consensus.hintWithFloor" : "consensus.hintWithoutFloor")));
      this.threads.replaceChildren();
      return;
    }
    const status = textDoc.getMap<ParagraphStatus>(TextRoot.status).get(pid);
    const focused = focusedBlock(this.view.state, textDoc);
    if (focused?.pid === pid) {
      // A revision published while the forms stand open renames the paragraph, not the forms' contents.
      for (const { element, key, values } of this.namingWords) element.textContent = t(key, { ...values, paragraph: focused.label });
    }
    const stances = floorDoc ? stancesOn(floorDoc, pid) : new Map<string, Stance>();
    const list = el("ul", { className: "stance-list" });
    for (const [state, stance] of stances) {
      const values = { state, stance: stance.stance };
      list.append(el("li", {}, stance.reason ? t("consensus.stanceOfStateWithReason", { ...values, reason: stance.reason }) : t("consensus.stanceOfState", values)));
    }
    this.summary.replaceChildren(
      el("h2", {}, focused?.pid === pid ? focused.label : t("consensus.paragraphHeading")),
      el("p", { className: "panel-status" }, status ? statusWords(status) : "—"),
      ...(floorDoc ? [stances.size > 0 ? list : el("p", { className: "panel-hint" }, t("consensus.noStance"))] : []),
      ...this.proposalsOn(pid),
    );
    const refusal = this.forms.querySelector(".refusal");
    const declare = this.forms.querySelector<HTMLButtonElement>(".declare-agreed");
    if (refusal && declare) {
      const why = agreementRefusal(textDoc, floorDoc, pid);
      declare.disabled = why !== null;
      refusal.textContent = why ? refusalMessage(why) : "";
    }
    this.renderSilence(pid);
    this.renderThreads(pid, author);
  }

  /** While a procedure covers the paragraph, the chair reads how it stands rather than being offered another. */
  private renderSilence(pid: string): void {
    const line = this.forms.querySelector<HTMLElement>(".silence-state");
    const form = this.forms.querySelector<HTMLElement>(".silence-form");
    if (!line || !form) return;
    const statuses = this.context.textDoc.getMap(TextRoot.status);
    const running = runningSilencesOn(this.context.textDoc, pid);
    line.hidden = running.length === 0;
    form.hidden = running.length > 0;
    line.textContent = running
      .map(([, procedure]) => {
        const by = silenceStanding(procedure, statuses.entries()).broken.get(pid);
        const deadline = formatDeadline(procedure.deadline);
        return by ? t("consensus.silenceBrokenHere", { states: by.join(", "), deadline }) : t("consensus.underSilenceUntil", { deadline });
      })
      .join(" ");
  }

  /** The open proposals on paragraph `pid`, by name and what they do. */
  private proposalsOn(pid: string): HTMLElement[] {
    const open = readProposals(this.context.textDoc).filter((view) => view.open && (view.where.orphaned ? view.record.anchor.pid : view.where.block.pid) === pid);
    if (open.length === 0) return [];
    return [el("h3", {}, t("consensus.openProposals")), el("ul", { className: "panel-proposals" }, ...open.map((view) => el("li", {}, el("b", {}, bracketName(view)), `: ${describeChange(view)}`)))];
  }

  private renderFilter(): void {
    const statuses = this.context.textDoc.getMap<ParagraphStatus>(TextRoot.status);
    const objectors = new Set<string>();
    for (const status of statuses.values()) for (const state of (status as ParagraphStatus).objectedBy ?? []) objectors.add(state);
    const chosen = objectionFilter(this.view.state);
    if (chosen) objectors.add(chosen);
    const options = [el("option", { value: "", textContent: t("consensus.allParagraphs") }), ...[...objectors].sort().map((state) => el("option", { value: state, textContent: t("consensus.paragraphsObjectedBy", { state }) }))];
    this.filter.replaceChildren(...options);
    this.filter.value = chosen ?? "";
  }

  private renderThreads(pid: string, author: Author): void {
    const floorDoc = this.context.floorDoc;
    if (!floorDoc) {
      this.threads.replaceChildren();
      return;
    }
    const items = readThreads(floorDoc, { pid }).map((thread) => {
      const entries = [thread, ...thread.replies].map((entry) => {
        const comment = "root" in entry ? entry.root : entry.comment;
        const on = !("root" in entry) ? null : comment.proposalId ? t("consensus.onProposal", { state: comment.proposalId.split(":")[0]! }) : comment.anchor ? t("consensus.onWords", { quote: comment.anchor.quote }) : null;
        return el("li", {}, el("b", {}, entry.author === CHAIR_OWNER ? t("consensus.chair") : entry.author), ...(on ? [" ", on] : []), `: ${comment.body}`);
      });
      const item = el("li", { className: thread.resolved ? "thread resolved" : "thread" }, el("ul", { className: "thread-entries" }, ...entries));
      if (author.role !== Role.observer && !thread.resolved) {
        const reply = el("input", { type: "text", className: "reply-body" });
        reply.setAttribute("aria-label", t("consensus.reply"));
        const send = el("button", { type: "button", textContent: t("consensus.reply") });
        send.addEventListener("click", () => this.run(() => replyToComment(floorDoc, this.owner(), thread.key, reply.value)));
        item.append(reply, send);
        if (mayResolve(this.owner(), thread.key)) {
          const resolve = el("button", { type: "button", textContent: t("consensus.resolve") });
          resolve.addEventListener("click", () => this.run(() => replyToComment(floorDoc, this.owner(), thread.key, reply.value || t("consensus.resolved"), true)));
          item.append(resolve);
        }
      }
      return item;
    });
    this.threads.replaceChildren(...(items.length ? [el("h3", {}, t("consensus.comments")), el("ol", { className: "threads" }, ...items)] : []));
  }

  destroy(): void {
    this.observe(false);
    this.stopLanguage();
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.history?.unmount();
    this.place.replaceChildren();
  }
}

/** The panel as a plugin, so it follows every change of selection and document. */
export function paragraphPanelPlugin(place: HTMLElement, context: PanelContext): Plugin {
  return new Plugin({
    view: (view) => {
      const panel = new ParagraphPanel(place, view, context);
      return { update: (updated, previous) => panel.refresh(updated.state, updated.state.doc !== previous.doc), destroy: () => panel.destroy() };
    },
  });
}
