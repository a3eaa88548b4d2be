/**
 * The one way a route reads its JSON body or its query: checked against its contract in
 * `schemas/rest/`, or a 400 naming the problem.
 */
import type express from "express";
import { checkRestBody, type RestBodies, type RestBody } from "../../schemas/restBodies";
import { httpErrors } from "./HttpError";

/** The request's body as contract `name` describes it; throws a 400 `HttpError` when it is not. */
export function readBody<Name extends RestBody>(request: express.Request, name: Name): RestBodies[Name] {
  const checked = checkRestBody(name, request.body ?? {});
  if (!checked.ok) throw httpErrors.badRequest(checked.reason);
  return checked.body;
}

/** The request's query (`?format=md`) as contract `name` describes it; throws a 400 `HttpError` when it is not. */
export function readQuery<Name extends RestBody>(request: express.Request, name: Name): RestBodies[Name] {
  // Express's query is an object with a null prototype or none; the contract checks a plain copy.
  const checked = checkRestBody(name, { ...(request.query as object) }, "query");
  if (!checked.ok) throw httpErrors.badRequest(checked.reason);
  return checked.body;
}
