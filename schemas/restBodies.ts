/**
 * The contracts of the REST API's request bodies and query strings: one JSON Schema each in
 * `schemas/rest/` (a query's file name ends in `Query`), their types generated from the schemas
 * (`schemas/generated/rest.ts`), compiled once here and checked by two functions. The server's
 * routes read bodies and queries only through `server/http/readBody.ts`.
 */
import Ajv, { type ValidateFunction } from "ajv";
import { REST_BODY_SCHEMAS, REST_QUERY_SCHEMAS, type RestBodies, type RestQueries } from "./generated/rest";
import type { Refusal } from "../shared/refusals";
import { reasonFor } from "./schemaReason";
import { refusalFor } from "./schemaRefusal";

export type { RestBodies, RestQueries } from "./generated/rest";

/** The name of one REST body contract. */
export type RestBody = keyof RestBodies;

/** The name of one route's query contract. */
export type RestQuery = keyof RestQueries;

const bodies = new Ajv({ allErrors: false, strict: true, verbose: true });
// A query string is all text: its numbers are read as numbers where the schema says so.
const queries = new Ajv({ allErrors: false, strict: true, verbose: true, coerceTypes: true });

// Compiled at load, so a schema strict mode refuses stops the process at start.
function compileAll<Name extends string>(ajv: Ajv, schemas: Record<Name, object>): Record<Name, ValidateFunction> {
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema as object)])) as Record<Name, ValidateFunction>;
}

const BODY_VALIDATORS = compileAll(bodies, REST_BODY_SCHEMAS);
const QUERY_VALIDATORS = compileAll(queries, REST_QUERY_SCHEMAS);

/** The outcome of {@link checkRestBody}: the typed body, or one short reason naming field and problem, and the same as a refusal the page translates. */
export type RestBodyCheck<Name extends RestBody> = { ok: true; body: RestBodies[Name] } | { ok: false; reason: string; refusal: Refusal };

/** The outcome of {@link checkRestQuery}: the typed query, or one short reason naming parameter and problem, and the same as a refusal. */
export type RestQueryCheck<Name extends RestQuery> = { ok: true; query: RestQueries[Name] } | { ok: false; reason: string; refusal: Refusal };

/** Checks a request body against the contract `name`. Never throws. */
export function checkRestBody<Name extends RestBody>(name: Name, value: unknown): RestBodyCheck<Name> {
  const validate = BODY_VALIDATORS[name];
  if (validate(value)) return { ok: true, body: value as RestBodies[Name] };
  return { ok: false, reason: reasonFor("body", validate.errors ?? [], validate.schema), refusal: refusalFor("body", validate.errors ?? []) };
}

/** Checks a parsed query string against the contract `name`, reading numbers as the schema says; `query` is left as it was. Never throws. */
export function checkRestQuery<Name extends RestQuery>(name: Name, query: Record<string, unknown>): RestQueryCheck<Name> {
  const validate = QUERY_VALIDATORS[name];
  const copy = { ...query };
  if (validate(copy)) return { ok: true, query: copy as unknown as RestQueries[Name] };
  return { ok: false, reason: reasonFor("query", validate.errors ?? [], validate.schema), refusal: refusalFor("query", validate.errors ?? []) };
}
