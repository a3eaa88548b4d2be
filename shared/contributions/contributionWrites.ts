/**
 * A delegation's written contributions, one record per contribution in the `contributions` room:
 * submitting one, revising it (a new dated version; the earlier ones stay) and withdrawing it. Each
 * writes only keys that begin with the state's code, which is all the server lets a delegation write.
 */
import type * as Y from "yjs";
import { RecordLimits, type Contribution, type ContributionScope, type ContributionText, type ContributionVersion } from "../../schemas/records";
import { ContributionsRoot } from "../documentLayout";
import { newRecordId } from "../proposals/proposeChange";
import { parseRecordKey, recordKey } from "../recordKeys";

/** What a delegation submits, or revises a contribution to. */
export interface ContributionInput {
  original: ContributionText;
  translation?: ContributionText;
  title?: string;
  fileName?: string;
}

/** The versions a contribution keeps (the record schema's limit). */
export const MAX_CONTRIBUTION_VERSIONS = RecordLimits.contribution.versions.maxItems;

/** The longest text, original or translation, a version holds (the record schema's limit). */
export const MAX_CONTRIBUTION_TEXT = RecordLimits.contributionText.text.maxLength;

function contributions(doc: Y.Doc): Y.Map<Contribution> {
  return doc.getMap<Contribution>(ContributionsRoot.contributions);
}

function checkText(text: ContributionText, what: string): ContributionText {
  const words = text.text.replace(/\r\n?/g, "\n").trim();
  if (words === "") throw new RangeError(`The ${what} has no words`);
  if (words.length > MAX_CONTRIBUTION_TEXT) throw new RangeError(`The ${what} has ${words.length} characters; the limit is ${MAX_CONTRIBUTION_TEXT}`);
  return { language: text.language, text: words };
}

function versionOf(input: ContributionInput, now: Date): ContributionVersion {
  const version: ContributionVersion = { at: now.toISOString(), original: checkText(input.original, "original") };
  if (input.translation) {
    if (input.translation.language === input.original.language) throw new RangeError(`A courtesy translation is in another language than the original (${input.original.language})`);
    version.translation = checkText(input.translation, "translation");
  }
  if (input.title?.trim()) version.title = input.title.trim();
  if (input.fileName) version.fileName = input.fileName;
  return version;
}

/** Records `state`'s new contribution on `on` in `doc` (the `contributions` room) and returns its key. */
export function submitContribution(doc: Y.Doc, state: string, on: ContributionScope, input: ContributionInput, now = new Date()): string {
  const key = recordKey(state, newRecordId());
  contributions(doc).set(key, { on, versions: [versionOf(input, now)] });
  return key;
}

function ownContribution(doc: Y.Doc, state: string, key: string): Contribution {
  if (parseRecordKey(key)?.owner !== state) throw new RangeError(`${state} may change only its own contributions, not ${key}`);
  const record = contributions(doc).get(key);
  if (!record) throw new RangeError(`No contribution ${key}`);
  return record;
}

/** Adds a new version to `state`'s own contribution `key`; the earlier versions stay, dated. */
export function reviseContribution(doc: Y.Doc, state: string, key: string, input: ContributionInput, now = new Date()): void {
  const record = ownContribution(doc, state, key);
  if (record.withdrawnAt) throw new RangeError(`Contribution ${key} was withdrawn`);
  if (record.versions.length >= MAX_CONTRIBUTION_VERSIONS) throw new RangeError(`Contribution ${key} has ${record.versions.length} versions, the most it may keep`);
  contributions(doc).set(key, { ...record, versions: [...record.versions, versionOf(input, now)] });
}

/** Withdraws `state`'s own contribution `key`: the record and its versions stay, marked withdrawn. */
export function withdrawContribution(doc: Y.Doc, state: string, key: string, now = new Date()): void {
  const record = ownContribution(doc, state, key);
  contributions(doc).set(key, { ...record, withdrawnAt: now.toISOString() });
}

/** The newest version of a contribution. */
export function latestVersion(record: Contribution): ContributionVersion {
  return record.versions[record.versions.length - 1]!;
}

/** Whether two plain JSON values are equal, whatever the order of their objects' keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Why the server refuses to replace `previous` by `next` at the same key, or null: a contribution
 * keeps what it addressed and every earlier version unchanged, and a withdrawal is not undone, so a
 * stock client cannot rewrite what a state once put before the others.
 */
export function contributionChangeRefusal(previous: Contribution | undefined, next: Contribution): string | null {
  if (!previous) return next.versions.length === 1 ? null : "a new contribution starts with one version";
  if (!sameJson(previous.on, next.on)) return "a contribution keeps what it addresses";
  if (next.versions.length < previous.versions.length) return "a contribution keeps every earlier version";
  for (const [index, version] of previous.versions.entries()) {
    if (!sameJson(version, next.versions[index])) return `a contribution's version ${index + 1} never changes`;
  }
  if (previous.withdrawnAt && next.withdrawnAt !== previous.withdrawnAt) return "a withdrawn contribution stays withdrawn";
  if (previous.withdrawnAt && next.versions.length !== previous.versions.length) return "a withdrawn contribution takes no new version";
  return null;
}
