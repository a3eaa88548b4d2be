/**
 * One item of a paragraph's history as the panel shows it: when (in the reader's time zone), who
 * (the state or the chair, and the person's name), and what — a change of the words as a redline,
 * a proposal with its words, a decision with the proposal and what it did to the words, an
 * agreement, a silence procedure and its outcome, a stance, a comment; or the paragraph's number
 * and words in a published revision. DOM nodes only, never markup in strings.
 */
import { ProposalDecisionKind, ProposalKind, StanceKind } from "../../schemas/records";
import type { ParagraphWords } from "../../shared/audit/auditWords";
import { assertNever } from "../../shared/assertNever";
import { HistoryEventKind, type HistoryEvent, type ProposalWords, type ParagraphInRevision } from "../../shared/history/paragraphHistory";
import { CHAIR_OWNER, parseRecordKey } from "../../shared/recordKeys";
import { principalName, wordsRedline } from "../audit/describeAuditEntry";
import { localTime } from "../editor/consensus/silenceBanner";
import type { HistoryItem } from "./historyItems";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function time(iso: string): HTMLTimeElement {
  const node = el("time", "history-time", localTime(iso));
  node.dateTime = iso;
  return node;
}

const quoted = (text: string): string => `“${text}”`;

/** What a proposal does, in a sentence. */
export function proposalSentence(proposal: ProposalWords): string {
  switch (proposal.kind) {
    case ProposalKind.insert:
      return `insert ${quoted(proposal.text ?? "")}`;
    case ProposalKind.delete:
      return `delete ${quoted(proposal.quote)}`;
    case ProposalKind.replace:
      return `replace ${quoted(proposal.quote)} with ${quoted(proposal.text ?? "")}`;
    case ProposalKind.newParagraph:
      return `add a paragraph after it: ${quoted(proposal.text ?? "")}`;
    case ProposalKind.deleteParagraph:
      return "delete the paragraph";
    default:
      return assertNever(proposal.kind);
  }
}

const DECISION_WORDS: Record<ProposalDecisionKind, string> = {
  [ProposalDecisionKind.accepted]: "Accepted",
  [ProposalDecisionKind.rejected]: "Rejected",
  [ProposalDecisionKind.setAside]: "Set aside to the Chair's summary",
  [ProposalDecisionKind.reopened]: "Reopened",
};

const STANCE_WORDS: Record<StanceKind, string> = {
  [StanceKind.object]: "Objects",
  [StanceKind.reserve]: "Reserves its position",
  [StanceKind.support]: "Supports the paragraph",
  [StanceKind.none]: "Withdrew its stance",
};

/** A change of the paragraph's words: added, removed, or as a redline. */
function wordsChange(change: ParagraphWords): HTMLElement[] {
  if (change.before === null) return [el("p", "history-words", "Added the paragraph: ", el("ins", "", change.after ?? ""))];
  if (change.after === null) return [el("p", "history-words", "Removed the paragraph: ", el("del", "", change.before))];
  const [redline, sides, ...notes] = wordsRedline({ ...change, before: change.before, after: change.after });
  // The panel is narrow: the redline says what changed, and the words in full wait behind a disclosure.
  return [redline!, el("details", "history-sides", el("summary", "", "Before and after in full"), sides!), ...notes];
}

const owner = (key: string): string => parseRecordKey(key)?.owner ?? "a state";

/** What an event says, as paragraphs of the item. */
function eventBody(event: HistoryEvent, edits: number): HTMLElement[] {
  switch (event.kind) {
    case HistoryEventKind.words:
      return [el("p", "history-what", edits > 1 ? `Changed the words (${edits} edits)` : "Changed the words"), ...wordsChange(event.change)];
    case HistoryEventKind.proposal:
      if (!event.proposal) return [el("p", "history-what", "Deleted its proposal")];
      return [el("p", "history-what", `${event.withdrawn ? "Withdrew its proposal to" : "Proposes to"} ${proposalSentence(event.proposal)}`)];
    case HistoryEventKind.support:
      return [el("p", "history-what", `${event.withdrawn ? "No longer co-sponsors" : "Co-sponsors"} ${owner(event.proposalKey)}'s proposal`)];
    case HistoryEventKind.decision: {
      const what = event.decision ? DECISION_WORDS[event.decision] : "Took back the decision on";
      const proposal = event.proposal ? `: ${proposalSentence(event.proposal)}` : "";
      return [
        el("p", "history-what", `${what} ${owner(event.proposalKey)}'s proposal${proposal}`),
        ...(event.note ? [el("p", "history-note", `Note: ${event.note}`)] : []),
        ...(event.change ? wordsChange(event.change) : []),
      ];
    }
    case HistoryEventKind.agreement:
      return [el("p", "history-what", event.agreed ? "Agreed ad ref" : "The agreement was taken back")];
    case HistoryEventKind.silence: {
      const covers = event.wholeDraft ? "the whole draft" : "this paragraph";
      if (event.outcome) {
        if (event.outcome.adopted) return [el("p", "history-what", `Silence procedure on ${covers} settled: the paragraph was adopted`)];
        // The outcome names who broke silence on the procedure, not on which of its paragraphs.
        const broken = event.outcome.brokenBy.map((broke) => `${broke.state}${broke.reason ? ` (${broke.reason})` : ""}`).join(", ");
        return [
          el("p", "history-what", `Silence procedure on ${covers} settled: the paragraph was not adopted`),
          ...(broken ? [el("p", "history-note", `Silence on the procedure was broken by ${broken}`)] : []),
        ];
      }
      if (event.deadline === null) return [el("p", "history-what", "Silence procedure withdrawn")];
      return [el("p", "history-what", `Silence procedure on ${covers} until `, time(event.deadline)), ...(event.note ? [el("p", "history-note", `Note: ${event.note}`)] : [])];
    }
    case HistoryEventKind.stance:
      return [el("p", "history-what", `${event.stance ? STANCE_WORDS[event.stance] : "Withdrew its stance"}${event.reason ? ` — reason: ${event.reason}` : ""}`)];
    case HistoryEventKind.comment:
      return [el("p", "history-what", event.body === null ? "Deleted a comment" : `${event.resolved ? "Resolved a thread" : event.reply ? "Replied" : "Commented"}: ${event.body}`)];
    default:
      return assertNever(event);
  }
}

/** Who wrote an event: the chair, a state or Concord itself, and the person's name. */
function who(event: HistoryEvent): HTMLElement {
  const name = event.kind === HistoryEventKind.comment && event.author === CHAIR_OWNER ? "Chair" : principalName(event.principal);
  return el("span", "history-who", name, ...(event.userName ? [` (${event.userName})`] : []));
}

/** The list item of one item of a paragraph's history. */
export function historyItemElement(item: HistoryItem): HTMLLIElement {
  if ("revision" in item) return revisionElement(item.revision);
  const { event, edits, firstAt } = item;
  const when = edits > 1 ? [time(firstAt), " – ", time(event.at)] : [time(event.at)];
  const node = el("li", `history-event history-${event.kind}`, el("p", "history-head", ...when, " ", who(event)), ...eventBody(event, edits));
  node.dataset["kind"] = event.kind;
  node.dataset["seq"] = String(event.seq);
  return node;
}

/** The paragraph in a published revision: its number there and its words. */
function revisionElement(revision: ParagraphInRevision): HTMLLIElement {
  const head = el("p", "history-head", time(revision.publishedAt), " ", el("span", "history-who", `${revision.label} published`));
  const body =
    revision.words === null
      ? el("p", "history-what", `Not in ${revision.label}.`)
      : el("p", "history-what", `${revision.label}, ${revision.number === null ? "unnumbered" : `paragraph ${revision.number}`}: `, el("q", "history-revision-words", revision.words));
  const node = el("li", "history-event history-revision", head, body);
  node.dataset["kind"] = "revision";
  node.dataset["revision"] = revision.id;
  return node;
}
