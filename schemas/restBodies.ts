/**
 * The contracts of the REST API's request bodies: one JSON Schema each in `schemas/rest/`, compiled
 * once here, checked by one function. The server's routes read bodies only through `checkRestBody`.
 */
import Ajv, { type ValidateFunction } from "ajv";
import draftSettings from "./rest/draftSettings.schema.json";
import invite from "./rest/invite.schema.json";
import newDraft from "./rest/newDraft.schema.json";
import meta from "./records/meta.schema.json";
import roleChange from "./rest/roleChange.schema.json";
import { reasonFor } from "./schemaReason";

/** What each body holds once its schema accepted it. */
export interface RestBodies {
  invite: { role: string; state?: string | null; name?: string };
  roleChange: { role: string; state?: string | null };
  draftSettings: { observersReadFloor: boolean };
  newDraft: { title: string; symbol?: string; revision?: string; language: string; silenceNoticeHours?: number; chairName?: string };
}

/** The name of one REST body contract. */
export type RestBody = keyof RestBodies;

// The meta record's schema is known here so that a body naming meta fields takes their bounds from it.
const ajv = new Ajv({ allErrors: false, strict: true, verbose: true }).addSchema(meta);

// Compiled at load, so a schema strict mode refuses stops the process at start.
const VALIDATORS: { [Name in RestBody]: ValidateFunction } = {
  invite: ajv.compile(invite),
  roleChange: ajv.compile(roleChange),
  draftSettings: ajv.compile(draftSettings),
  newDraft: ajv.compile(newDraft),
};

/** The outcome of {@link checkRestBody}: the typed body, or one short reason naming field and problem. */
export type RestBodyCheck<Name extends RestBody> = { ok: true; body: RestBodies[Name] } | { ok: false; reason: string };

/** Checks a request body against the contract `name`. Never throws. */
export function checkRestBody<Name extends RestBody>(name: Name, value: unknown): RestBodyCheck<Name> {
  const validate = VALIDATORS[name];
  if (validate(value)) return { ok: true, body: value as RestBodies[Name] };
  return { ok: false, reason: reasonFor("body", validate.errors ?? [], validate.schema) };
}
