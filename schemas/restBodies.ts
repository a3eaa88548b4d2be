/**
 * The contracts of the REST API's request bodies and queries: one JSON Schema each in `schemas/rest/`,
 * compiled once here, checked by one function. The server's routes read bodies and queries only
 * through `checkRestBody`.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import type { ExportFormat } from "../shared/export/exportFormat";
import type { ExportView } from "../shared/export/exportModel";
import draftSettings from "./rest/draftSettings.schema.json";
import exportQuery from "./rest/exportQuery.schema.json";
import invite from "./rest/invite.schema.json";
import roleChange from "./rest/roleChange.schema.json";
import { reasonFor } from "./schemaReason";

/** What each body or query holds once its schema accepted it. */
export interface RestBodies {
  invite: { role: string; state?: string | null; name?: string };
  roleChange: { role: string; state?: string | null };
  draftSettings: { observersReadFloor: boolean };
  /** The schema's enums are the shared constants' values (a test holds them equal). */
  exportQuery: { format?: ExportFormat; view?: ExportView };
}

/** The name of one REST body contract. */
export type RestBody = keyof RestBodies;

const ajv = new Ajv({ allErrors: false, strict: true, verbose: true });

// Compiled at load, so a schema strict mode refuses stops the process at start.
const VALIDATORS: { [Name in RestBody]: ValidateFunction } = {
  invite: ajv.compile(invite),
  roleChange: ajv.compile(roleChange),
  draftSettings: ajv.compile(draftSettings),
  exportQuery: ajv.compile(exportQuery),
};

/** The outcome of {@link checkRestBody}: the typed body, or one short reason naming field and problem. */
export type RestBodyCheck<Name extends RestBody> = { ok: true; body: RestBodies[Name] } | { ok: false; reason: string };

/** The value an enum refused, as the reason quotes it (`, not "rtf"`); empty for other failures. */
function refusedValue(errors: readonly ErrorObject[]): string {
  const error = errors[0];
  if (error?.keyword !== "enum" || (typeof error.data !== "string" && typeof error.data !== "number")) return "";
  return `, not ${JSON.stringify(String(error.data).slice(0, 40))}`;
}

/** Checks a request body (or, with `label` "query", a query) against the contract `name`. Never throws. */
export function checkRestBody<Name extends RestBody>(name: Name, value: unknown, label = "body"): RestBodyCheck<Name> {
  const validate = VALIDATORS[name];
  if (validate(value)) return { ok: true, body: value as RestBodies[Name] };
  const errors = validate.errors ?? [];
  return { ok: false, reason: `${reasonFor(label, errors, validate.schema)}${refusedValue(errors)}` };
}
