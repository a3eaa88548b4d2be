/**
 * One item of a paragraph's history as the panel shows it: when (in the reader's time zone), who
 * (the state or the chair, and the person's name), and what — a change of the words as a redline,
 * a proposal with its words, a decision with the proposal and what it did to the words, an
 * agreement, a silence procedure and its outcome, a stance, a comment; or the paragraph's number
 * and words in a published revision. DOM nodes only, never markup in strings; words in the UI
 * language at the time the item is drawn (the history draws its items again on a change of language).
 */
import { ProposalDecisionKind, ProposalKind, StanceKind } from "../../schemas/records";
import type { ParagraphWords } from "../../shared/audit/auditWords";
import { assertNever } from "../../shared/assertNever";
import { HistoryEventKind, type HistoryEvent, type ProposalWords, type ParagraphInRevision } from "../../shared/history/paragraphHistory";
import { CHAIR_OWNER, parseRecordKey } from "../../shared/recordKeys";
import { principalName, wordsRedline } from "../audit/describeAuditEntry";
import { formatDeadline } from "../i18n/formatDates";
import { formatList } from "../i18n/formatList";
import { t } from "../i18n/localize";
import { messageWithNodes } from "../i18n/messageWithNodes";
import type { HistoryItem } from "./historyItems";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function time(iso: string): HTMLTimeElement {
  const node = el("time", "history-time", formatDeadline(iso));
  node.dateTime = iso;
  return node;
}

/** What a proposal does, in a sentence that follows "Proposes to". */
export function proposalSentence(proposal: ProposalWords): string {
  switch (proposal.kind) {
    case ProposalKind.insert:
      return t("history.insert", { text: proposal.text ?? "" });
    case ProposalKind.delete:
      return t("history.delete", { quote: proposal.quote });
    case ProposalKind.replace:
      return t("history.replace", { quote: proposal.quote, text: proposal.text ?? "" });
    case ProposalKind.newParagraph:
      return t("history.newParagraph", { text: proposal.text ?? "" });
    case ProposalKind.deleteParagraph:
      return t("history.deleteParagraph");
    default:
      return assertNever(proposal.kind);
  }
}

/** "Accepted CUB's proposal", or "Took back the decision on CUB's proposal" when `decision` is null. */
function decisionWords(decision: ProposalDecisionKind | null, owner: string): string {
  return t("history.decision", { decision: decision ?? "none", owner });
}

/** "Objects", "Reserves its position"… or "Withdrew its stance" when `stance` is null or none. */
function stanceWords(stance: StanceKind | null): string {
  return t("history.stance", { stance: stance ?? StanceKind.none });
}

/** A change of the paragraph's words: added, removed, or as a redline. */
function wordsChange(change: ParagraphWords): HTMLElement[] {
  if (change.before === null) return [el("p", "history-words", ...messageWithNodes("history.addedParagraph", {}, { words: el("ins", "", change.after ?? "") }))];
  if (change.after === null) return [el("p", "history-words", ...messageWithNodes("history.removedParagraph", {}, { words: el("del", "", change.before) }))];
  const [redline, sides, ...notes] = wordsRedline({ ...change, before: change.before, after: change.after });
  // The panel is narrow: the redline says what changed, and the words in full wait behind a disclosure.
  return [redline!, el("details", "history-sides", el("summary", "", t("history.beforeAndAfter")), sides!), ...notes];
}

const owner = (key: string): string => parseRecordKey(key)?.owner ?? t("history.aState");

/** "Silence procedure on the whole draft…" or "…on this paragraph…": what a procedure covers, as the messages select it. */
const covers = (wholeDraft: boolean): string => (wholeDraft ? "draft" : "paragraph");

const note = (text: string): HTMLElement => el("p", "history-note", t("history.note", { note: text }));

/** What an event says, as paragraphs of the item. */
function eventBody(event: HistoryEvent, edits: number): HTMLElement[] {
  switch (event.kind) {
    case HistoryEventKind.words:
      return [el("p", "history-what", t("history.changedWords", { count: edits })), ...wordsChange(event.change)];
    case HistoryEventKind.proposal:
      if (!event.proposal) return [el("p", "history-what", t("history.deletedProposal"))];
      return [el("p", "history-what", t(event.withdrawn ? "history.withdrewProposalTo" : "history.proposesTo", { what: proposalSentence(event.proposal) }))];
    case HistoryEventKind.support:
      return [el("p", "history-what", t(event.withdrawn ? "history.noLongerCosponsors" : "history.cosponsors", { owner: owner(event.proposalKey) }))];
    case HistoryEventKind.decision: {
      const decision = decisionWords(event.decision, owner(event.proposalKey));
      return [
        el("p", "history-what", event.proposal ? t("history.decisionWithProposal", { decision, what: proposalSentence(event.proposal) }) : decision),
        ...(event.note ? [note(event.note)] : []),
        ...(event.change ? wordsChange(event.change) : []),
      ];
    }
    case HistoryEventKind.agreement:
      return [el("p", "history-what", t(event.agreed ? "history.agreed" : "history.agreementTakenBack"))];
    case HistoryEventKind.silence: {
      if (event.outcome) {
        if (event.outcome.adopted) return [el("p", "history-what", t("history.silenceAdopted", { covers: covers(event.wholeDraft) }))];
        // The outcome names who broke silence on the procedure, not on which of its paragraphs.
        const broken = event.outcome.brokenBy.map((broke) => (broke.reason ? t("history.stateWithReason", { state: broke.state, reason: broke.reason }) : broke.state));
        return [
          el("p", "history-what", t("history.silenceNotAdopted", { covers: covers(event.wholeDraft) })),
          ...(broken.length > 0 ? [el("p", "history-note", t("history.silenceBrokenBy", { states: formatList(broken) }))] : []),
        ];
      }
      if (event.deadline === null) return [el("p", "history-what", t("history.silenceWithdrawn"))];
      return [el("p", "history-what", ...messageWithNodes("history.silenceUntil", { covers: covers(event.wholeDraft) }, { deadline: time(event.deadline) })), ...(event.note ? [note(event.note)] : [])];
    }
    case HistoryEventKind.stance: {
      const stance = stanceWords(event.stance);
      return [el("p", "history-what", event.reason ? t("history.stanceWithReason", { stance, reason: event.reason }) : stance)];
    }
    case HistoryEventKind.comment:
      if (event.body === null) return [el("p", "history-what", t("history.deletedComment"))];
      return [el("p", "history-what", t("history.comment", { kind: event.resolved ? "resolved" : event.reply ? "reply" : "comment", body: event.body }))];
    default:
      return assertNever(event);
  }
}

/** Who wrote an event: the chair, a state or Concord itself, and the person's name. */
function who(event: HistoryEvent): HTMLElement {
  const name = event.kind === HistoryEventKind.comment && event.author === CHAIR_OWNER ? t("audit.chair") : principalName(event.principal);
  return el("span", "history-who", event.userName ? t("audit.withName", { who: name, name: event.userName }) : name);
}

/** The list item of one item of a paragraph's history. */
export function historyItemElement(item: HistoryItem): HTMLLIElement {
  if ("revision" in item) return revisionElement(item.revision);
  const { event, edits, firstAt } = item;
  const when = edits > 1 ? messageWithNodes("history.timeRange", {}, { from: time(firstAt), to: time(event.at) }) : [time(event.at)];
  const node = el("li", `history-event history-${event.kind}`, el("p", "history-head", ...when, " ", who(event)), ...eventBody(event, edits));
  node.dataset["kind"] = event.kind;
  node.dataset["seq"] = String(event.seq);
  return node;
}

/** The paragraph in a published revision: its number there and its words. */
function revisionElement(revision: ParagraphInRevision): HTMLLIElement {
  const head = el("p", "history-head", time(revision.publishedAt), " ", el("span", "history-who", t("history.revisionPublished", { label: revision.label })));
  const words = (): HTMLQuoteElement => el("q", "history-revision-words", revision.words ?? "");
  const body =
    revision.words === null
      ? el("p", "history-what", t("history.notInRevision", { label: revision.label }))
      : revision.number === null
        ? el("p", "history-what", ...messageWithNodes("history.inRevisionUnnumbered", { label: revision.label }, { words: words() }))
        : el("p", "history-what", ...messageWithNodes("history.inRevisionNumbered", { label: revision.label, number: revision.number }, { words: words() }));
  const node = el("li", "history-event history-revision", head, body);
  node.dataset["kind"] = "revision";
  node.dataset["revision"] = revision.id;
  return node;
}
