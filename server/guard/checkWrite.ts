/**
 * The write guard: judges one client update before anything of it is applied. Every item and every
 * deletion must land where the writer may write (`shared/writePolicy.ts`), every record must match
 * its schema (and a silence procedure the draft's least notice), and every Yjs client id must be
 * the writer's own or new (invariants 2 and 3).
 */
import type * as Y from "yjs";
import { CloseCode } from "../../shared/closeCodes";
import type { Contribution, Proposal, SilenceProcedure } from "../../schemas/records";
import { silenceNoticeRefusal } from "../../shared/consensus/silenceProcedure";
import { contributionChangeRefusal } from "../../shared/contributions/contributionWrites";
import { ContributionsRoot, DecisionPrefix, TextRoot, type Room } from "../../shared/documentLayout";
import { parseRecordKey } from "../../shared/recordKeys";
import { Role } from "../../shared/roles";
import { writeRefusal } from "../../shared/writePolicy";
import { validateRecord } from "../../schemas/validateRecord";
import type { Writer } from "../identity/Writer";
import { updateFootprint, type UpdateFootprint } from "./updateFootprint";
import { WriteRefusal } from "./WriteRefusal";

/** An update the guard let through. */
export interface PermittedWrite {
  footprint: UpdateFootprint;
  /** Client ids the writer uses for the first time, to be recorded as the writer's. */
  newClientIds: number[];
}

/** Checks an update from `writer` against the room's document; throws `WriteRefusal`. */
export function checkWrite(
  doc: Y.Doc,
  room: Room,
  writer: Writer,
  update: Uint8Array,
  clientOwners: ReadonlyMap<number, string>,
  /** The server's time, for rules about time (a silence procedure's least notice). */
  now: Date,
): PermittedWrite {
  const footprint = updateFootprint(doc, update);
  if (footprint.empty) return { footprint, newClientIds: [] };
  if (writer.author.role === Role.observer) throw new WriteRefusal(CloseCode.writeRefused, "observers write nothing");

  const newClientIds: number[] = [];
  for (const clientId of footprint.clientIds) {
    const owner = clientOwners.get(clientId);
    if (owner === undefined) newClientIds.push(clientId);
    else if (owner !== writer.principal) throw new WriteRefusal(CloseCode.clientIdTaken, `client id ${clientId} belongs to someone else`);
  }
  for (const { root, key } of footprint.touched) {
    const refusal = writeRefusal(writer.author, room, root, key);
    if (refusal) throw new WriteRefusal(CloseCode.writeRefused, refusal);
  }
  // What each contribution is before this update's writes to it, and after each one in turn.
  const contributions = new Map<string, Contribution | undefined>();
  for (const { root, key, value } of footprint.records) {
    const check = validateRecord(root, key, value);
    if (!check.ok) throw new WriteRefusal(CloseCode.invalidRecord, check.reason);
    if (root === TextRoot.decisions && key.startsWith(DecisionPrefix.silence)) {
      // The least notice is the draft's rule, not the client's: a stock client must keep it too.
      const refusal = silenceNoticeRefusal(doc, key, value as SilenceProcedure, now);
      if (refusal) throw new WriteRefusal(CloseCode.invalidRecord, refusal);
    }
    if (root === TextRoot.proposals && (value as Proposal).source) {
      // A proposal links back only to its own state's contribution, never claims another's words.
      const source = (value as Proposal).source!.contribution;
      if (parseRecordKey(source)?.owner !== parseRecordKey(key)?.owner) throw new WriteRefusal(CloseCode.invalidRecord, `proposal: source ${source.slice(0, 40)} is another state's contribution`);
    }
    if (root === ContributionsRoot.contributions) {
      const previous = contributions.has(key) ? contributions.get(key) : doc.getMap<Contribution>(root).get(key);
      const refusal = contributionChangeRefusal(previous, value as Contribution);
      if (refusal) throw new WriteRefusal(CloseCode.invalidRecord, refusal);
      contributions.set(key, value as Contribution);
    }
  }
  for (const { root, key } of footprint.touched) {
    // Replacing a record deletes its old value too; a key touched with no new value is a deletion.
    if (root === ContributionsRoot.contributions && key !== null && !contributions.has(key)) {
      throw new WriteRefusal(CloseCode.writeRefused, "a contribution is withdrawn, never deleted");
    }
  }
  return { footprint, newClientIds };
}
