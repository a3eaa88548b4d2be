/**
 * A delegation's own proposal records: making one, editing its words, withdrawing it, and
 * co-sponsoring another state's. Each writes only keys that begin with the state's code, which is
 * all the server lets a delegation write.
 */
import type * as Y from "yjs";
import { ProposalKind, RecordLimits, type Anchor, type Proposal, type ProposalSource } from "../../schemas/records";
import { createAnchor, createBlockAnchor } from "../anchors/createAnchor";
import { assertNever } from "../assertNever";
import { TextRoot } from "../documentLayout";
import { LocalRefusal } from "../LocalRefusal";
import { parseRecordKey, recordKey } from "../recordKeys";
import { supportKey } from "./readProposals";

/** What a delegation proposes, in terms of the text it sees. */
export type ProposalInput =
  | { kind: typeof ProposalKind.insert; pid: string; at: number; text: string }
  | { kind: typeof ProposalKind.delete; pid: string; from: number; to: number }
  | { kind: typeof ProposalKind.replace; pid: string; from: number; to: number; text: string }
  | { kind: typeof ProposalKind.newParagraph; after: string; text: string }
  | { kind: typeof ProposalKind.deleteParagraph; pid: string };

/** The longest proposed text a record holds (the record schema's limit). */
export const MAX_PROPOSED_TEXT = RecordLimits.proposal.text.maxLength;

/** A short random id for a new record. */
export function newRecordId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(36).padStart(2, "0")).join("").slice(0, 14);
}

function checkText(text: string): string {
  if (text.trim() === "") throw new LocalRefusal("proposal-needs-words", {}, "A proposal needs some words");
  if (text.length > MAX_PROPOSED_TEXT) {
    throw new LocalRefusal("proposal-too-long", { limit: MAX_PROPOSED_TEXT, length: text.length }, `Proposed text has ${text.length} characters; the limit is ${MAX_PROPOSED_TEXT}`);
  }
  if (/[\n\r]/.test(text)) throw new LocalRefusal("proposal-one-paragraph", {}, "Proposed words stay within one paragraph; propose a new paragraph instead");
  return text;
}

function anchorOf(fragment: Y.XmlFragment, input: ProposalInput): Anchor {
  switch (input.kind) {
    case ProposalKind.insert:
      return createAnchor(fragment, input.pid, input.at, input.at);
    case ProposalKind.delete:
    case ProposalKind.replace:
      if (input.from === input.to) throw new LocalRefusal("select-words", {}, "Select the words to delete or replace");
      return createAnchor(fragment, input.pid, input.from, input.to);
    case ProposalKind.newParagraph:
      return createBlockAnchor(fragment, input.after);
    case ProposalKind.deleteParagraph:
      return createBlockAnchor(fragment, input.pid);
    default:
      return assertNever(input);
  }
}

/**
 * Records `state`'s proposal in `doc` (the `text` room) and returns its key; `source` names the
 * state's own written contribution the words come from.
 */
export function propose(doc: Y.Doc, state: string, input: ProposalInput, now = new Date(), source?: ProposalSource): string {
  const record: Proposal = { kind: input.kind, anchor: anchorOf(doc.getXmlFragment(TextRoot.content), input), createdAt: now.toISOString() };
  if ("text" in input) record.text = checkText(input.text);
  if (source) {
    if (parseRecordKey(source.contribution)?.owner !== state) throw new RangeError(`${state} proposes from its own contributions only, not ${source.contribution}`);
    record.source = source;
  }
  const key = recordKey(state, newRecordId());
  doc.getMap<Proposal>(TextRoot.proposals).set(key, record);
  return key;
}

// The page offers these writes only on the right proposals, so the RangeErrors below are bugs, not a person's action.
function ownRecord(doc: Y.Doc, state: string, key: string): Proposal {
  if (parseRecordKey(key)?.owner !== state) throw new RangeError(`${state} may change only its own proposals, not ${key}`);
  const record = doc.getMap<Proposal>(TextRoot.proposals).get(key);
  if (!record) throw new LocalRefusal("proposal-not-found", {}, `No proposal ${key}`);
  return record;
}

/** Changes the words of `state`'s own proposal `key`. */
export function editProposal(doc: Y.Doc, state: string, key: string, text: string, now = new Date()): void {
  const record = ownRecord(doc, state, key);
  if (record.text === undefined) throw new RangeError(`A ${record.kind} proposal has no words to edit`);
  doc.getMap<Proposal>(TextRoot.proposals).set(key, { ...record, text: checkText(text), updatedAt: now.toISOString() });
}

/** Withdraws `state`'s own proposal `key`; the record stays, marked withdrawn, for the compilation. */
export function withdrawProposal(doc: Y.Doc, state: string, key: string, now = new Date()): void {
  const record = ownRecord(doc, state, key);
  doc.getMap<Proposal>(TextRoot.proposals).set(key, { ...record, withdrawn: true, updatedAt: now.toISOString() });
}

/** `state` co-sponsors (or, with `on` false, stops co-sponsoring) another state's proposal `key`. */
export function supportProposal(doc: Y.Doc, state: string, key: string, on = true): void {
  if (parseRecordKey(key)?.owner === state) throw new RangeError(`${state} already sponsors its own proposal ${key}`);
  const supports = doc.getMap<true>(TextRoot.supports);
  if (on) supports.set(supportKey(state, key), true);
  else supports.delete(supportKey(state, key));
}
