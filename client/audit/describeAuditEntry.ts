/**
 * An audit entry in words a chair reads: who did it, and what it did — a text change as the
 * paragraph's number today with its words before and after (a word-level redline), a record as what
 * it says (a proposal's words, a stance and its reason, a decision, a comment's body). In the UI
 * language at the time it is drawn; the audit view draws its entries again on a change of language.
 */
import type { Comment, Contacts, ParagraphStatus, Progress, Proposal, ProposalDecision, SilenceProcedure, Stance } from "../../schemas/records";
import { ProposalKind } from "../../schemas/records";
import { principalState, SERVER_PRINCIPAL, type GroupedEntry } from "../../shared/audit/auditEntry";
import { Role } from "../../shared/roles";
import type { ParagraphWords, RecordWords } from "../../shared/audit/auditWords";
import { DecisionPrefix, FloorRoot, PROGRESS_KEY, TextRoot } from "../../shared/documentLayout";
import { parseRecordKey } from "../../shared/recordKeys";
import { DiffKind, wordDiff } from "../../shared/text/wordDiff";
import { statusWords } from "../editor/consensus/statusWords";
import type { ParagraphPlace } from "../editor/paragraphPlaces";
import { formatDeadline } from "../i18n/formatDates";
import { formatList } from "../i18n/formatList";
import { t } from "../i18n/localize";
import { messageWithNodes } from "../i18n/messageWithNodes";

/** How the view names paragraphs: by pid, as the current text numbers them. */
export type Places = ReadonlyMap<string, ParagraphPlace>;

/** The name of a paragraph today, or that it has left the text. */
export function placeName(places: Places, pid: string): string {
  return places.get(pid)?.name ?? t("audit.deletedParagraph");
}

/** "Chair", "CUB", or "Concord (server)": who signs an entry. */
export function principalName(principal: string): string {
  const state = principalState(principal);
  if (state) return state;
  if (principal === Role.chair) return t("audit.chair");
  if (principal === SERVER_PRINCIPAL) return t("audit.server");
  return t("audit.observer");
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

const ellipsis = (omitted: number): string => (omitted > 0 ? "…" : "");

/**
 * A change of a paragraph's words (both sides present) as a word-level redline, then before and
 * after in full; `…` where the audit kept only a window of a long paragraph.
 */
export function wordsRedline(change: ParagraphWords & { before: string; after: string }): HTMLElement[] {
  const redline = el("p", "audit-redline");
  redline.append(ellipsis(change.start));
  for (const part of wordDiff(change.before, change.after)) {
    if (part.kind === DiffKind.same) redline.append(part.text);
    else redline.append(el(part.kind === DiffKind.removed ? "del" : "ins", "", part.text));
  }
  redline.append(ellipsis(change.rest));
  const sides = el(
    "dl",
    "audit-sides",
    el("dt", "", t("audit.before")),
    el("dd", "audit-before", ellipsis(change.start), change.before, ellipsis(change.rest)),
    el("dt", "", t("audit.after")),
    el("dd", "audit-after", ellipsis(change.start), change.after, ellipsis(change.rest)),
  );
  return [redline, sides, ...(change.cut ? [el("p", "panel-hint", t("audit.cut"))] : [])];
}

/** A text change: the paragraph's name, then its words as a redline, and before and after in full. */
function paragraphChange(change: ParagraphWords, places: Places): HTMLElement {
  const name = el("span", "audit-place", placeName(places, change.pid));
  if (change.before === null) return el("div", "audit-paragraph", ...messageWithNodes("audit.paragraphAdded", {}, { place: name, words: el("ins", "", change.after ?? "") }));
  if (change.after === null) return el("div", "audit-paragraph", ...messageWithNodes("audit.paragraphRemoved", {}, { place: name, words: el("del", "", change.before) }));
  return el("div", "audit-paragraph", name, ...wordsRedline({ ...change, before: change.before, after: change.after }));
}

/** The words a proposal puts forward, quoted: "“x”", "“old” → “new”"; empty when it proposes no words. */
function proposedWords(record: Proposal): string {
  switch (record.kind) {
    case ProposalKind.insert:
    case ProposalKind.newParagraph:
      return t("audit.quoted", { text: record.text ?? "" });
    case ProposalKind.replace:
      return t("audit.replaced", { quote: record.anchor.quote, text: record.text ?? "" });
    case ProposalKind.delete:
      return t("audit.quoted", { text: record.anchor.quote });
    default:
      return "";
  }
}

function proposalWords(record: Proposal, places: Places): string {
  const place = placeName(places, record.anchor.pid);
  if (record.withdrawn) return t("audit.withdrewProposal", { place });
  const what = t("audit.proposes", { kind: record.kind, place });
  const words = proposedWords(record);
  return words ? t("audit.proposesWords", { what, words }) : what;
}

function decisionWords(key: string, value: unknown, places: Places): string {
  if (key.startsWith(DecisionPrefix.proposal)) {
    const decision = value as ProposalDecision;
    const owner = parseRecordKey(key.slice(DecisionPrefix.proposal.length))?.owner ?? t("audit.aState");
    const what = t("audit.decisionOnProposal", { owner, decision: decision.decision });
    return decision.note ? t("audit.decisionNote", { what, note: decision.note }) : what;
  }
  if (key.startsWith(DecisionPrefix.agreed)) return t("audit.declaredAgreed", { place: placeName(places, key.slice(DecisionPrefix.agreed.length)) });
  if (key.startsWith(DecisionPrefix.silence)) {
    const silence = value as SilenceProcedure;
    const covered = silence.pids === "all" ? t("audit.wholeDraft") : formatList(silence.pids.map((pid) => placeName(places, pid)));
    if (silence.outcome) {
      const broken = silence.outcome.brokenBy.map((each) => each.state);
      return broken.length > 0 ? t("audit.silenceSettledBroken", { covered, states: formatList(broken) }) : t("audit.silenceSettled", { covered });
    }
    return t("audit.silenceUntil", { covered, deadline: formatDeadline(silence.deadline) });
  }
  if (key.startsWith(DecisionPrefix.revision)) return t("audit.publishedRevision", { label: (value as { label?: string }).label ?? "" });
  return t("audit.decisionOther", { key });
}

/** A stance in words: "Objects to Paragraph 3 — reason: …". */
function stanceWords(stance: Stance, place: string): string {
  const what = t("audit.stance", { stance: stance.stance, place });
  return stance.reason ? t("audit.withReason", { what, reason: stance.reason }) : what;
}

/** The points of contact: "Ana Pérez, Counsellor; Luis Gómez", or that there are none. */
function contactsWords(contacts: Contacts): string {
  const people = contacts.people.map((person) => [person.name, person.function].filter(Boolean).join(", "));
  return people.length > 0 ? t("audit.contacts", { people: people.join("; ") }) : t("audit.contactsNone");
}

/** One record write in words. */
function recordWords({ root, key, value }: RecordWords, places: Places): string {
  if (value === null) return t("audit.deletedRecord", { root, key });
  switch (root) {
    case TextRoot.proposals:
      return proposalWords(value as Proposal, places);
    case TextRoot.supports:
      return t("audit.cosponsors", { owner: parseRecordKey(parseRecordKey(key)?.id ?? "")?.owner ?? t("audit.anotherState") });
    case TextRoot.decisions:
      return decisionWords(key, value, places);
    case TextRoot.meta:
      return t("audit.setMeta", { key, value: String(value) });
    case TextRoot.status: {
      if (key !== PROGRESS_KEY) return t("audit.statusOf", { place: placeName(places, key), status: statusWords(value as ParagraphStatus) });
      const progress = value as Progress;
      return t("audit.progress", { agreed: progress.agreed, total: progress.total, open: progress.openProposals, objected: progress.objected });
    }
    case FloorRoot.stances:
      return stanceWords(value as Stance, placeName(places, parseRecordKey(key)?.id ?? ""));
    case FloorRoot.comments: {
      const comment = value as Comment;
      return t("audit.comment", { kind: comment.resolved ? "resolved" : comment.replyTo ? "reply" : "comment", place: placeName(places, comment.pid), body: comment.body });
    }
    case FloorRoot.contacts:
      return contactsWords(value as Contacts);
    default:
      return t("audit.wrote", { root, key });
  }
}

/** The list item of one (grouped) entry: when, who, and what. */
export function auditEntryElement(entry: GroupedEntry, places: Places): HTMLElement {
  const when = entry.edits > 1 ? t("history.timeRange", { from: formatDeadline(entry.firstAt), to: formatDeadline(entry.at) }) : formatDeadline(entry.at);
  const name = principalName(entry.principal);
  const who = el("span", "audit-who", entry.userName ? t("audit.withName", { who: name, name: entry.userName }) : name);
  const head = el("p", "audit-head", el("time", "audit-time", when), " ", who, ...(entry.edits > 1 ? [" ", t("audit.edits", { count: entry.edits })] : []));
  head.querySelector("time")!.dateTime = entry.at;
  const body: HTMLElement[] = [];
  for (const change of entry.words?.paragraphs ?? []) body.push(paragraphChange(change, places));
  for (const record of entry.words?.records ?? []) body.push(el("p", "audit-record", recordWords(record, places)));
  if (entry.words?.omitted) body.push(el("p", "panel-hint", t("audit.omitted", { count: entry.words.omitted })));
  if (!entry.words) body.push(el("p", "panel-hint", t("audit.changed", { keys: formatList(entry.touched.map((touched) => touched.key ?? touched.root)) })));
  const item = el("li", "audit-entry", head, ...body);
  item.dataset["seq"] = String(entry.seq);
  return item;
}
