/**
 * The one way a route reads what a request sends: its JSON body or its query string, checked
 * against the route's contract in `schemas/rest/`, or a 400 naming the problem.
 */
import type express from "express";
import { checkRestBody, checkRestQuery, type RestBodies, type RestBody, type RestQueries, type RestQuery } from "../../schemas/restBodies";
import { httpErrors } from "./HttpError";

/**
 * The request's body as contract `name` describes it; throws a 400 `HttpError` when it is not.
 * `value` is the body already parsed from elsewhere (a multipart body's JSON part), when not `request.body`.
 */
export function readBody<Name extends RestBody>(request: express.Request, name: Name, value: unknown = request.body): RestBodies[Name] {
  const checked = checkRestBody(name, value ?? {});
  if (!checked.ok) throw httpErrors.badRequest(checked.refusal, checked.reason);
  return checked.body;
}

/** The request's query string as contract `name` describes it; throws a 400 `HttpError` when it is not. */
export function readQuery<Name extends RestQuery>(request: express.Request, name: Name): RestQueries[Name] {
  const checked = checkRestQuery(name, request.query as Record<string, unknown>);
  if (!checked.ok) throw httpErrors.badRequest(checked.refusal, checked.reason);
  return checked.query;
}
