/**
 * The one check every JSON record write goes through: which schema a `root[key]` is held to, the
 * structural check, then the compiled JSON Schema, with one short stable reason when it fails.
 */
import Ajv, { type ValidateFunction } from "ajv";
import { ContributionsRoot, DecisionPrefix, FloorRoot, PROGRESS_KEY, TextRoot } from "../shared/documentLayout";
import { PID_PATTERN } from "../shared/pid";
import { CONTACTS_ID, parseRecordKey } from "../shared/recordKeys";
import { checkPlainJson, MAX_CONTRIBUTION_BYTES, MAX_RECORD_BYTES, truncateForReason } from "./checkPlainJson";
import comment from "./records/comment.schema.json";
import contacts from "./records/contacts.schema.json";
import contribution from "./records/contribution.schema.json";
import decision from "./records/decision.schema.json";
import defs from "./records/defs.schema.json";
import meta from "./records/meta.schema.json";
import proposal from "./records/proposal.schema.json";
import stance from "./records/stance.schema.json";
import status from "./records/status.schema.json";
import support from "./records/support.schema.json";
import { reasonFor } from "./schemaReason";

export { MAX_CONTRIBUTION_BYTES, MAX_RECORD_BYTES, MAX_RECORD_DEPTH, MAX_SERVER_RECORD_BYTES } from "./checkPlainJson";

/** Which record schema a (root, key) pair is checked against. */
export const RecordKind = {
  proposal: "proposal",
  support: "support",
  decision: "decision",
  stance: "stance",
  comment: "comment",
  contacts: "contacts",
  contribution: "contribution",
  meta: "meta",
  status: "status",
} as const;
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];

/** The outcome of {@link validateRecord}: a refusal carries one short reason naming field and problem. */
export type RecordCheck = { ok: true } | { ok: false; reason: string };

const KIND_BY_ROOT: ReadonlyMap<string, RecordKind> = new Map<string, RecordKind>([
  [TextRoot.proposals, RecordKind.proposal],
  [TextRoot.supports, RecordKind.support],
  [TextRoot.decisions, RecordKind.decision],
  [TextRoot.meta, RecordKind.meta],
  [TextRoot.status, RecordKind.status],
  [FloorRoot.stances, RecordKind.stance],
  [FloorRoot.comments, RecordKind.comment],
  [FloorRoot.contacts, RecordKind.contacts],
  [ContributionsRoot.contributions, RecordKind.contribution],
]);

/** The record kind of a root's values; undefined for `content` and unknown roots. */
export function recordKindOf(root: string): RecordKind | undefined {
  return KIND_BY_ROOT.get(root);
}

// `verbose` keeps each error's parent schema, whose `description` turns a bare regex into words.
const ajv = new Ajv({ allErrors: false, strict: true, verbose: true });
ajv.addSchema([defs, proposal, support, decision, stance, comment, contacts, contribution, meta, status]);

function compiled(schema: { $id: string }, fragment = ""): ValidateFunction {
  const validate = ajv.getSchema(`${schema.$id}${fragment}`);
  if (!validate) throw new RangeError(`No record schema at ${schema.$id}${fragment}`);
  return validate;
}

/** A compiled schema and the name reasons give the record it checks. */
interface Target {
  label: string;
  validate: ValidateFunction;
}

const target = (label: string, validate: ValidateFunction): Target => ({ label, validate });

// Compiled once at load, so a schema that strict mode rejects stops the process at start.
const TARGETS = {
  proposal: target("proposal", compiled(proposal)),
  support: target("support", compiled(support)),
  stance: target("stance", compiled(stance)),
  comment: target("comment", compiled(comment)),
  contacts: target("contacts", compiled(contacts)),
  contribution: target("contribution", compiled(contribution)),
  meta: target("meta", compiled(meta)),
  proposalDecision: target("proposalDecision", compiled(decision, "#/definitions/proposalDecision")),
  agreement: target("agreement", compiled(decision, "#/definitions/agreement")),
  silenceProcedure: target("silenceProcedure", compiled(decision, "#/definitions/silenceProcedure")),
  revision: target("revision", compiled(decision, "#/definitions/revision")),
  paragraphStatus: target("paragraphStatus", compiled(status, "#/definitions/paragraphStatus")),
  progress: target("progress", compiled(status, "#/definitions/progress")),
};

const quoted = (text: string): string => JSON.stringify(truncateForReason(text));

/** Each `decisions` key prefix, the schema it selects, and what must follow the prefix. */
const DECISION_SHAPES: ReadonlyArray<{ prefix: DecisionPrefix; target: Target; idNames: string; idOk: (id: string) => boolean }> = [
  { prefix: DecisionPrefix.proposal, target: TARGETS.proposalDecision, idNames: "proposal", idOk: (id) => id.length > 0 },
  { prefix: DecisionPrefix.agreed, target: TARGETS.agreement, idNames: "pid", idOk: (id) => PID_PATTERN.test(id) },
  { prefix: DecisionPrefix.silence, target: TARGETS.silenceProcedure, idNames: "id", idOk: (id) => id.length > 0 },
  { prefix: DecisionPrefix.revision, target: TARGETS.revision, idNames: "id", idOk: (id) => id.length > 0 },
];

/** The decision schema a key's prefix selects, or the reason the key selects none. */
function decisionTarget(key: string): Target | string {
  const shape = DECISION_SHAPES.find(({ prefix }) => key.startsWith(prefix));
  if (!shape) return `decision: key ${quoted(key)} has no known prefix`;
  return shape.idOk(key.slice(shape.prefix.length)) ? shape.target : `decision: key ${quoted(key)} names no ${shape.idNames}`;
}

/** Progress under its key, a paragraph's status under a pid. */
function statusTarget(key: string): Target | string {
  if (key === PROGRESS_KEY) return TARGETS.progress;
  return PID_PATTERN.test(key) ? TARGETS.paragraphStatus : `status: key ${quoted(key)} is neither ${PROGRESS_KEY} nor a pid`;
}

/** A delegation keeps one points-of-contact record, under `STATE:contacts`. */
function contactsTarget(key: string): Target | string {
  return parseRecordKey(key)?.id === CONTACTS_ID ? TARGETS.contacts : `contacts: key ${quoted(key)} is not STATE:${CONTACTS_ID}`;
}

function targetFor(kind: RecordKind, key: string): Target | string {
  switch (kind) {
    case RecordKind.contacts:
      return contactsTarget(key);
    case RecordKind.decision:
      return decisionTarget(key);
    case RecordKind.status:
      return statusTarget(key);
    default:
      return TARGETS[kind];
  }
}

/**
 * Checks one JSON value written at `root[key]` (root names from shared/documentLayout.ts): the root
 * and key select the schema, `checkPlainJson` refuses anything but small plain JSON, then the schema
 * decides. Unknown roots (and `content`, which holds no records) are not ok. Deletions carry no
 * value and are not checked here. `maxBytes` is raised only for the server's own records; a
 * contribution, which lives in a room of its own, may be larger than other records. Never throws.
 */
export function validateRecord(root: string, key: string, value: unknown, maxBytes?: number): RecordCheck {
  try {
    const kind = recordKindOf(root);
    if (!kind) return { ok: false, reason: `record: root ${quoted(root)} holds no JSON records` };
    const chosen = targetFor(kind, key);
    if (typeof chosen === "string") return { ok: false, reason: chosen };
    const structural = checkPlainJson(value, maxBytes ?? (kind === RecordKind.contribution ? MAX_CONTRIBUTION_BYTES : MAX_RECORD_BYTES));
    if (structural) return { ok: false, reason: structural };
    // Meta is one schema of optional properties, so an unknown key fails as an unknown field.
    const data = kind === RecordKind.meta ? { [key]: value } : value;
    if (chosen.validate(data)) return { ok: true };
    return { ok: false, reason: reasonFor(chosen.label, chosen.validate.errors ?? [], chosen.validate.schema) };
  } catch {
    return { ok: false, reason: "record: could not be validated" };
  }
}
