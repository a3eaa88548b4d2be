/**
 * What the audit keeps of an accepted write besides who and when: the paragraphs it changed with
 * their words, the records it wrote or deleted with what they say, and the pids the entry is about
 * (so the chair can ask for one paragraph's history). Read from the write's footprint and the
 * room's document just after the write was applied.
 */
import * as Y from "yjs";
import type { Proposal } from "../../schemas/records";
import { MAX_WORDS_PER_ENTRY, type AuditWords, type ParagraphWords, type RecordWords } from "../../shared/audit/auditWords";
import { ContributionsRoot, DecisionPrefix, FloorRoot, PROGRESS_KEY, TextRoot } from "../../shared/documentLayout";
import { PID_PATTERN } from "../../shared/pid";
import { parseRecordKey } from "../../shared/recordKeys";
import type { UpdateFootprint } from "../guard/updateFootprint";
import type { Touched } from "../storage/Storage";

/** The most bytes (as JSON) the words of one entry take; records past it are left out. */
export const MAX_WORDS_BYTES = 128 * 1024;

/** The words of a write and the paragraphs it is about. */
export interface WriteDescription {
  words: AuditWords;
  pids: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** An anchor as a reader needs it: the paragraph and the quoted words, not the encoded positions. */
function anchorGist(anchor: unknown): unknown {
  return isObject(anchor) ? { pid: anchor.pid, quote: anchor.quote } : anchor;
}

/** A record as the audit keeps it: what it says, without positions and fingerprints only machines read. */
function recordGist(value: unknown): unknown {
  if (!isObject(value)) return value;
  const gist: Json = { ...value };
  if ("anchor" in gist) gist.anchor = anchorGist(gist.anchor);
  if (isObject(gist.applied) && "anchor" in gist.applied) gist.applied = { ...gist.applied, anchor: anchorGist(gist.applied.anchor) };
  delete gist.fingerprints;
  return gist;
}

/**
 * A contribution as the audit keeps it: what it addresses, how many versions it has, the newest's
 * date, title and languages, and whether it was withdrawn; not its words, which the record keeps in
 * every version and which would fill the audit with pages.
 */
function contributionGist(value: unknown): unknown {
  if (!isObject(value) || !Array.isArray(value.versions)) return value;
  const latest: unknown = value.versions[value.versions.length - 1];
  const languageOf = (text: unknown): unknown => (isObject(text) ? text.language : undefined);
  return {
    on: value.on,
    versions: value.versions.length,
    ...(isObject(latest) ? { at: latest.at, title: latest.title, original: languageOf(latest.original), translation: languageOf(latest.translation) } : {}),
    ...(value.withdrawnAt ? { withdrawnAt: value.withdrawnAt } : {}),
  };
}

/** The paragraph a proposal (by its `STATE:id` key) is anchored in. */
function proposalPid(doc: Y.Doc, proposalKey: string): string | null {
  const proposal = doc.getMap<Proposal>(TextRoot.proposals).get(proposalKey);
  return proposal?.anchor?.pid ?? null;
}

/**
 * The paragraphs a silence procedure covers, so that its start and the server's outcome both stand
 * in each one's history: its list, or for the whole draft the paragraphs it fingerprinted at the
 * start (the full record, which the gist leaves out), and those it adopted.
 */
function silencePids(doc: Y.Doc, key: string, record: Json): string[] {
  const full = doc.getMap(TextRoot.decisions).get(key);
  const fingerprints = isObject(full) && isObject(full.fingerprints) ? Object.keys(full.fingerprints) : [];
  const listed = Array.isArray(record.pids) ? record.pids.map(String) : fingerprints;
  const adopted = isObject(record.outcome) && Array.isArray(record.outcome.adopted) ? record.outcome.adopted.map(String) : [];
  return Array.from(new Set([...listed, ...adopted]));
}

/** The paragraphs a record write is about. */
function recordPids(doc: Y.Doc, { root, key, value }: RecordWords): string[] {
  const record = isObject(value) ? value : {};
  switch (root) {
    case FloorRoot.stances:
      return [parseRecordKey(key)?.id ?? ""];
    case FloorRoot.comments:
      return [String(record.pid ?? "")];
    case TextRoot.proposals:
      return [String((isObject(record.anchor) && record.anchor.pid) || proposalPid(doc, key) || "")];
    case TextRoot.supports: {
      const owned = parseRecordKey(key);
      return [(owned && proposalPid(doc, owned.id)) ?? ""];
    }
    case TextRoot.status:
      return key === PROGRESS_KEY ? [] : [key];
    case ContributionsRoot.contributions:
      return [String((isObject(record.on) && record.on.pid) || "")];
    case TextRoot.decisions:
      if (key.startsWith(DecisionPrefix.agreed)) return [key.slice(DecisionPrefix.agreed.length)];
      if (key.startsWith(DecisionPrefix.proposal)) return [proposalPid(doc, key.slice(DecisionPrefix.proposal.length)) ?? ""];
      if (key.startsWith(DecisionPrefix.silence)) return silencePids(doc, key, record);
      return [];
    default:
      return [];
  }
}

/** The records a footprint wrote (the last value of each key) and deleted (value null). */
function recordWrites(footprint: UpdateFootprint): RecordWords[] {
  const written = new Map<string, RecordWords>();
  for (const { root, key, value } of footprint.records) {
    written.set(`${root}\u0000${key}`, { root, key, value: root === ContributionsRoot.contributions ? contributionGist(value) : recordGist(value) });
  }
  for (const { root, key } of footprint.touched) {
    if (root === TextRoot.content || key === null) continue;
    const id = `${root}\u0000${key}`;
    if (!written.has(id)) written.set(id, { root, key, value: null });
  }
  return Array.from(written.values());
}

/** What the audit keeps of a write: `paragraphs` as the text tracker saw them, records from the footprint. */
export function describeWrite(doc: Y.Doc, footprint: UpdateFootprint, paragraphs: readonly ParagraphWords[]): WriteDescription {
  return describe(doc, recordWrites(footprint), paragraphs);
}

/**
 * What the audit keeps of a change the server made itself (status, a settled silence procedure),
 * read from its transaction's changed keys: the keys it touched, and each record's value now.
 */
export function describeServerWrite(doc: Y.Doc, transaction: Y.Transaction): WriteDescription & { touched: Touched[] } {
  const records: RecordWords[] = [];
  for (const [type, keys] of transaction.changed) {
    if (type._item !== null || !(type instanceof Y.Map)) continue;
    const root = Y.findRootTypeKey(type);
    for (const key of keys) if (key !== null) records.push({ root, key, value: recordGist(type.get(key) ?? null) });
  }
  return { ...describe(doc, records, []), touched: records.map(({ root, key }) => ({ root, key })) };
}

function describe(doc: Y.Doc, allRecords: readonly RecordWords[], paragraphs: readonly ParagraphWords[]): WriteDescription {
  let omitted = Math.max(0, paragraphs.length - MAX_WORDS_PER_ENTRY);
  const keptParagraphs = paragraphs.slice(0, MAX_WORDS_PER_ENTRY);
  omitted += Math.max(0, allRecords.length - MAX_WORDS_PER_ENTRY);
  const records = allRecords.slice(0, MAX_WORDS_PER_ENTRY);
  let bytes = JSON.stringify(keptParagraphs).length;
  const keptRecords: RecordWords[] = [];
  for (const record of records) {
    bytes += JSON.stringify(record).length;
    if (bytes > MAX_WORDS_BYTES) omitted++;
    else keptRecords.push(record);
  }
  const pids = new Set<string>(paragraphs.map((paragraph) => paragraph.pid));
  for (const record of allRecords) for (const pid of recordPids(doc, record)) if (PID_PATTERN.test(pid)) pids.add(pid);
  const words: AuditWords = {
    ...(keptParagraphs.length > 0 ? { paragraphs: keptParagraphs } : {}),
    ...(keptRecords.length > 0 ? { records: keptRecords } : {}),
    ...(omitted > 0 ? { omitted } : {}),
  };
  return { words, pids: Array.from(pids) };
}
