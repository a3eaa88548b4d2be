/**
 * The silence procedure: the chair puts paragraphs (or the whole draft) under silence until a
 * deadline; a delegation breaks silence by objecting, with its reason; at the deadline the server
 * settles it — each covered paragraph with no objection, no open proposal and the text it had at the
 * start is agreed — and records who broke silence. Settling twice changes nothing.
 */
import type * as Y from "yjs";
import { ConsensusStatus, StanceKind, type Agreement, type ParagraphStatus, type SilenceBreak, type SilenceOutcome, type SilenceProcedure, type Stance } from "../../schemas/records";
import { readDraftText } from "../anchors/resolveAnchor";
import { DecisionPrefix, FloorRoot, MetaKey, PROGRESS_KEY, TextRoot } from "../documentLayout";
import { LocalRefusal } from "../LocalRefusal";
import { newRecordId } from "../proposals/proposeChange";
import { parseRecordKey } from "../recordKeys";
import { consensusStatus, isCounted } from "./consensusStatus";
import { fingerprintOf } from "./fingerprint";
import { readProposals } from "../proposals/readProposals";

/** The notice a silence procedure gives when the draft sets none: 72 hours, as at the UN. */
export const DEFAULT_SILENCE_NOTICE_HOURS = 72;

const HOUR_MS = 3_600_000;

/** The least notice, in hours, that the draft in `doc` requires. */
export function silenceNoticeHours(doc: Y.Doc): number {
  const hours = doc.getMap(TextRoot.meta).get(MetaKey.silenceNoticeHours);
  return typeof hours === "number" && Number.isInteger(hours) && hours >= 0 ? hours : DEFAULT_SILENCE_NOTICE_HOURS;
}

/** The chair starts a silence procedure on `pids` (or `"all"`) ending at `deadline`; returns its key. */
export function startSilence(doc: Y.Doc, pids: string[] | "all", deadline: Date, now = new Date(), note?: string): string {
  const notice = silenceNoticeHours(doc);
  // A deadline field left empty reads as an invalid date, which no comparison refuses.
  if (Number.isNaN(deadline.getTime())) throw new LocalRefusal("silence-deadline-missing", {}, "A silence procedure needs a deadline");
  if (deadline.getTime() < now.getTime() + notice * HOUR_MS) {
    throw new LocalRefusal("silence-notice-too-short", { hours: notice }, `A silence procedure in this draft gives at least ${notice} hours' notice; ${deadline.toISOString()} is too soon`);
  }
  const text = readDraftText(doc.getXmlFragment(TextRoot.content));
  const covered = text.blocks.filter((block) => block.pid && isCounted(block.type) && (pids === "all" || pids.includes(block.pid)));
  if (pids !== "all" && covered.length !== new Set(pids).size) throw new LocalRefusal("silence-paragraphs-gone", {}, "Some of those paragraphs are not in the text");
  if (covered.length === 0) throw new LocalRefusal("silence-needs-paragraph", {}, "A silence procedure needs at least one paragraph");
  const procedure: SilenceProcedure = {
    pids,
    startedAt: now.toISOString(),
    deadline: deadline.toISOString(),
    fingerprints: Object.fromEntries(covered.map((block) => [block.pid!, fingerprintOf(block)])),
  };
  if (note) procedure.note = note;
  const key = `${DecisionPrefix.silence}${newRecordId()}`;
  doc.getMap(TextRoot.decisions).set(key, procedure);
  return key;
}

/** How far ahead of the server's clock a chair's clock may run when it starts a procedure. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Why writing `procedure` at `key` in `doc` would give less than the draft's least notice, judged
 * at `now` (the server's time), or null. Only a running procedure whose deadline is new is judged:
 * the record written when it starts, or one that moves its deadline.
 */
export function silenceNoticeRefusal(doc: Y.Doc, key: string, procedure: SilenceProcedure, now: Date): string | null {
  if (procedure.outcome !== undefined) return null;
  const before = doc.getMap<SilenceProcedure>(TextRoot.decisions).get(key);
  if (before?.deadline === procedure.deadline) return null;
  const notice = silenceNoticeHours(doc);
  if (Date.parse(procedure.deadline) >= now.getTime() + notice * HOUR_MS - CLOCK_SKEW_MS) return null;
  return `${key.slice(0, 60)}: a silence procedure in this draft gives at least ${notice} hours' notice`;
}

/** Whether procedure `procedure` is due at `now` and not yet settled. */
export function isDue(procedure: SilenceProcedure, now: Date): boolean {
  return procedure.outcome === undefined && Date.parse(procedure.deadline) <= now.getTime();
}

/** Every silence procedure in the `text` room `doc`, by key. */
export function silenceProcedures(doc: Y.Doc): Array<[string, SilenceProcedure]> {
  return Array.from(doc.getMap<SilenceProcedure>(TextRoot.decisions).entries()).filter(([key]) => key.startsWith(DecisionPrefix.silence));
}

/**
 * A running procedure as it stands now, read from the published statuses, so every page (observers
 * too) can say at once that silence is broken rather than count down to a deadline that will adopt
 * nothing: which covered paragraphs a state objects to, and who objects.
 */
export interface SilenceStanding {
  /** Each covered paragraph some state objects to, with the objecting states: silence is broken on it. */
  broken: Map<string, string[]>;
  /** Every state that broke silence, in alphabetical order. */
  brokenBy: string[];
  /** Whether silence is broken on every covered paragraph, so the deadline can adopt nothing while the objections stand. */
  wholly: boolean;
}

/** How `procedure` stands by `statuses` (the `status` map's entries: pid → paragraph status, and the progress). */
export function silenceStanding(procedure: SilenceProcedure, statuses: Iterable<[string, unknown]>): SilenceStanding {
  const byPid = new Map<string, ParagraphStatus>();
  for (const [key, value] of statuses) if (key !== PROGRESS_KEY) byPid.set(key, value as ParagraphStatus);
  const covered = procedure.pids === "all" ? Array.from(byPid.keys()) : procedure.pids;
  const broken = new Map<string, string[]>();
  for (const pid of covered) {
    const status = byPid.get(pid);
    if (status?.status === ConsensusStatus.objected) broken.set(pid, status.objectedBy ?? []);
  }
  const brokenBy = Array.from(new Set(Array.from(broken.values()).flat())).sort();
  return { broken, brokenBy, wholly: covered.length > 0 && broken.size === covered.length };
}

/** The running procedures that cover paragraph `pid` in the `text` room `doc`, by key. */
export function runningSilencesOn(doc: Y.Doc, pid: string): Array<[string, SilenceProcedure]> {
  return silenceProcedures(doc).filter(([, procedure]) => procedure.outcome === undefined && (procedure.pids === "all" || procedure.pids.includes(pid)));
}

/**
 * Settles procedure `key` if it is due: writes its outcome and an agreement for each adopted
 * paragraph into `textDoc`. Returns the outcome, or null when there was nothing to settle.
 */
export function settleSilence(textDoc: Y.Doc, floorDoc: Y.Doc | null, key: string, now: Date): SilenceOutcome | null {
  const decisions = textDoc.getMap<unknown>(TextRoot.decisions);
  const procedure = decisions.get(key) as SilenceProcedure | undefined;
  if (!procedure || !isDue(procedure, now)) return null;

  const text = readDraftText(textDoc.getXmlFragment(TextRoot.content));
  const covered = new Set(text.blocks.filter((block) => block.pid && isCounted(block.type) && (procedure.pids === "all" || procedure.pids.includes(block.pid))).map((block) => block.pid!));
  const stances = floorDoc ? Array.from(floorDoc.getMap<Stance>(FloorRoot.stances).entries()) : [];
  const brokenBy: SilenceBreak[] = [];
  for (const [stanceKey, stance] of stances.sort(([a], [b]) => (a < b ? -1 : 1))) {
    const parsed = parseRecordKey(stanceKey);
    if (parsed && covered.has(parsed.id) && stance?.stance === StanceKind.object) brokenBy.push({ state: parsed.owner, reason: stance.reason ?? "" });
  }
  // Everything but this procedure decides: an objection or an open proposal keeps a paragraph out.
  const others = Array.from(decisions.entries()).filter(([other]) => other !== key);
  const { paragraphs } = consensusStatus({ text, proposals: readProposals(textDoc, text), stances, decisions: others });
  const at = now.toISOString();
  const adopted: string[] = [];
  for (const block of text.blocks) {
    const pid = block.pid;
    if (!pid || !covered.has(pid)) continue;
    const status = paragraphs.get(pid)?.status;
    if (status === ConsensusStatus.objected || status === ConsensusStatus.bracketed) continue;
    const fingerprint = fingerprintOf(block);
    if (procedure.fingerprints && procedure.fingerprints[pid] !== fingerprint) continue;
    adopted.push(pid);
  }
  const outcome: SilenceOutcome = { settledAt: at, adopted, brokenBy };
  textDoc.transact(() => {
    for (const pid of adopted) {
      const block = text.blocks.find((candidate) => candidate.pid === pid)!;
      const agreement: Agreement = { at, fingerprint: fingerprintOf(block) };
      decisions.set(`${DecisionPrefix.agreed}${pid}`, agreement);
    }
    decisions.set(key, { ...procedure, outcome });
  });
  return outcome;
}
