/**
 * An audit entry in words a chair reads: who did it, and what it did — a text change as the
 * paragraph's number today with its words before and after (a word-level redline), a record as what
 * it says (a proposal's words, a stance and its reason, a decision, a comment's body).
 */
import type { Comment, Contacts, ParagraphStatus, Progress, Proposal, ProposalDecision, SilenceProcedure, Stance } from "../../schemas/records";
import { ProposalKind, StanceKind } from "../../schemas/records";
import { principalState, SERVER_PRINCIPAL, type GroupedEntry } from "../../shared/audit/auditEntry";
import { Role } from "../../shared/roles";
import type { ParagraphWords, RecordWords } from "../../shared/audit/auditWords";
import { DecisionPrefix, FloorRoot, PROGRESS_KEY, TextRoot } from "../../shared/documentLayout";
import { parseRecordKey } from "../../shared/recordKeys";
import { DiffKind, wordDiff } from "../../shared/text/wordDiff";
import { statusWords } from "../editor/consensus/statusWords";
import type { ParagraphPlace } from "../editor/paragraphPlaces";
import { formatTime } from "../editor/proposals/describeProposal";

/** How the view names paragraphs: by pid, as the current text numbers them. */
export type Places = ReadonlyMap<string, ParagraphPlace>;

/** The name of a paragraph today, or that it has left the text. */
export function placeName(places: Places, pid: string): string {
  return places.get(pid)?.name ?? "A paragraph since deleted";
}

/** "Chair", "CUB", or "Concord (server)": who signs an entry. */
export function principalName(principal: string): string {
  const state = principalState(principal);
  if (state) return state;
  if (principal === Role.chair) return "Chair";
  if (principal === SERVER_PRINCIPAL) return "Concord (server)";
  return "Observer";
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
    el("dt", "", "Before"),
    el("dd", "audit-before", ellipsis(change.start), change.before, ellipsis(change.rest)),
    el("dt", "", "After"),
    el("dd", "audit-after", ellipsis(change.start), change.after, ellipsis(change.rest)),
  );
  return [redline, sides, ...(change.cut ? [el("p", "panel-hint", "The change was longer than the audit keeps; its words end early.")] : [])];
}

/** A text change: the paragraph's name, then its words as a redline, and before and after in full. */
function paragraphChange(change: ParagraphWords, places: Places): HTMLElement {
  const name = el("span", "audit-place", placeName(places, change.pid));
  if (change.before === null) return el("div", "audit-paragraph", name, " added: ", el("ins", "", change.after ?? ""));
  if (change.after === null) return el("div", "audit-paragraph", name, " removed: ", el("del", "", change.before));
  return el("div", "audit-paragraph", name, ...wordsRedline({ ...change, before: change.before, after: change.after }));
}

const STANCE_WORDS: Record<StanceKind, string> = {
  [StanceKind.object]: "Objects to",
  [StanceKind.reserve]: "Reserves its position on",
  [StanceKind.support]: "Supports",
  [StanceKind.none]: "Withdrew its stance on",
};

const PROPOSAL_WORDS: Record<ProposalKind, string> = {
  [ProposalKind.insert]: "insert",
  [ProposalKind.delete]: "delete",
  [ProposalKind.replace]: "replace",
  [ProposalKind.newParagraph]: "add a paragraph",
  [ProposalKind.deleteParagraph]: "delete the paragraph",
};

const quoted = (text: string | undefined): string => `“${text ?? ""}”`;

function proposalWords(record: Proposal, places: Places): string {
  const where = placeName(places, record.anchor.pid);
  if (record.withdrawn) return `Withdrew its proposal on ${where}`;
  const words = record.kind === ProposalKind.insert || record.kind === ProposalKind.newParagraph ? quoted(record.text) : record.kind === ProposalKind.replace ? `${quoted(record.anchor.quote)} → ${quoted(record.text)}` : record.kind === ProposalKind.delete ? quoted(record.anchor.quote) : "";
  return `Proposes to ${PROPOSAL_WORDS[record.kind]} in ${where}${words ? `: ${words}` : ""}`;
}

function decisionWords(key: string, value: unknown, places: Places): string {
  if (key.startsWith(DecisionPrefix.proposal)) {
    const decision = value as ProposalDecision;
    const owner = parseRecordKey(key.slice(DecisionPrefix.proposal.length))?.owner ?? "a state";
    return `Decision on ${owner}'s proposal: ${decision.decision}${decision.note ? ` — ${decision.note}` : ""}`;
  }
  if (key.startsWith(DecisionPrefix.agreed)) return `Declared ${placeName(places, key.slice(DecisionPrefix.agreed.length))} agreed ad ref`;
  if (key.startsWith(DecisionPrefix.silence)) {
    const silence = value as SilenceProcedure;
    const covered = silence.pids === "all" ? "the whole draft" : silence.pids.map((pid) => placeName(places, pid)).join(", ");
    if (silence.outcome) return `Silence procedure on ${covered} settled${silence.outcome.brokenBy.length ? `, broken by ${silence.outcome.brokenBy.map((broken) => broken.state).join(", ")}` : ""}`;
    return `Silence procedure on ${covered} until ${formatTime(silence.deadline)}`;
  }
  if (key.startsWith(DecisionPrefix.revision)) return `Published revision ${quoted((value as { label?: string }).label)}`;
  return `Decision ${key}`;
}

/** One record write in words. */
function recordWords({ root, key, value }: RecordWords, places: Places): string {
  if (value === null) return `Deleted ${root} ${key}`;
  switch (root) {
    case TextRoot.proposals:
      return proposalWords(value as Proposal, places);
    case TextRoot.supports:
      return `Co-sponsors ${parseRecordKey(parseRecordKey(key)?.id ?? "")?.owner ?? "another state"}'s proposal`;
    case TextRoot.decisions:
      return decisionWords(key, value, places);
    case TextRoot.meta:
      return `Set the ${key} to ${quoted(String(value))}`;
    case TextRoot.status: {
      if (key !== PROGRESS_KEY) return `Status of ${placeName(places, key)}: ${statusWords(value as ParagraphStatus)}`;
      const progress = value as Progress;
      return `Progress: ${progress.agreed}/${progress.total} paragraphs agreed, ${progress.openProposals} open proposals, ${progress.objected} objected`;
    }
    case FloorRoot.stances: {
      const stance = value as Stance;
      return `${STANCE_WORDS[stance.stance]} ${placeName(places, parseRecordKey(key)?.id ?? "")}${stance.reason ? ` — reason: ${stance.reason}` : ""}`;
    }
    case FloorRoot.comments: {
      const comment = value as Comment;
      return `${comment.resolved ? "Resolved a thread" : comment.replyTo ? "Replied" : "Commented"} on ${placeName(places, comment.pid)}: ${comment.body}`;
    }
    case FloorRoot.contacts:
      return `Points of contact: ${(value as Contacts).people.map((person) => [person.name, person.function].filter(Boolean).join(", ")).join("; ") || "none"}`;
    default:
      return `Wrote ${root} ${key}`;
  }
}

/** The list item of one (grouped) entry: when, who, and what. */
export function auditEntryElement(entry: GroupedEntry, places: Places): HTMLElement {
  const when = entry.edits > 1 ? `${formatTime(entry.firstAt)} – ${formatTime(entry.at)}` : formatTime(entry.at);
  const who = el("span", "audit-who", principalName(entry.principal), ...(entry.userName ? [` (${entry.userName})`] : []));
  const head = el("p", "audit-head", el("time", "audit-time", when), " ", who, ...(entry.edits > 1 ? [` — ${entry.edits} edits`] : []));
  head.querySelector("time")!.dateTime = entry.at;
  const body: HTMLElement[] = [];
  for (const change of entry.words?.paragraphs ?? []) body.push(paragraphChange(change, places));
  for (const record of entry.words?.records ?? []) body.push(el("p", "audit-record", recordWords(record, places)));
  if (entry.words?.omitted) body.push(el("p", "panel-hint", `And ${entry.words.omitted} more the audit does not keep.`));
  if (!entry.words) body.push(el("p", "panel-hint", `Changed ${entry.touched.map((touched) => touched.key ?? touched.root).join(", ")}`));
  const item = el("li", "audit-entry", head, ...body);
  item.dataset["seq"] = String(entry.seq);
  return item;
}
